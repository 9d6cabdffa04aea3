import { beforeAll, describe, expect, it } from "vitest";
import type { Actor, RoleName } from "@/lib/auth/permissions";
import { publishProfile } from "@/lib/candidates/publish-profile";
import { updateProfile } from "@/lib/candidates/update-profile";
import { createDb, type PrismaClient } from "@/lib/db/client";
import { createMaterial } from "@/lib/materials/create-material";
import { getOwnMaterial, listOwnMaterials, listPublishedForTakedown } from "@/lib/materials/materials-queries";
import { publishMaterial, unpublishMaterial } from "@/lib/materials/publish-material";
import { takeDownMaterial } from "@/lib/materials/take-down";
import { updateMaterial } from "@/lib/materials/update-material";
import { withAppDatabase } from "../support/app-database";
import { auditRowsFor } from "../support/audit";
import { asActor, makeConference, makeUser } from "../support/factories";
import { makeCandidateAccount, makeStatement } from "../support/factories-workspace";
import { actorOf, expectOnlyRoleAllowed, refusalOf } from "../support/roles";

const database = withAppDatabase();
let db: PrismaClient;

beforeAll(() => {
  db = createDb(database.url());
});

const profileInput = {
  version: "en",
  biography: "Engineer.",
  vision: "### Plan\n- **Connect** everyone",
  visionFormat: "MARKDOWN",
  languages: "English, French",
  website: "https://example.org",
  contactEmail: "campaign@example.org",
};
const DECLARED = { declaredNoSymbols: "on", declaredNoResources: "on" };

describe("the candidate's profile", () => {
  it("saves a language version and the shared details, audited in the same change", async () => {
    const { candidate, user } = await makeCandidateAccount(db);
    const saved = await updateProfile({ actor: asActor(user), input: profileInput });
    expect(saved).toMatchObject({ candidateId: candidate.id, locale: "en", visionFormat: "MARKDOWN", publishedAt: null });
    const stored = await db.candidate.findUniqueOrThrow({ where: { id: candidate.id } });
    expect(stored).toMatchObject({ languages: ["English", "French"], website: "https://example.org", contactEmail: "campaign@example.org" });
    const audit = await auditRowsFor(db, "Candidate", candidate.id);
    expect(audit.map((a) => [a.area, a.action])).toEqual([["candidate", "profile-updated"]]);
  });

  it("refuses a contact address on a corporate domain or subdomain, with the guidance's reason", async () => {
    const { user } = await makeCandidateAccount(db);
    for (const contactEmail of ["someone@itu.int", "someone@mail.ITU.int"]) {
      expect(await refusalOf(updateProfile({ actor: asActor(user), input: { ...profileInput, contactEmail } }))).toMatchObject({
        code: "INVALID_INPUT",
        messageKey: "workspace.corporateDomain",
        fieldErrors: { contactEmail: "workspace.corporateDomain" },
      });
    }
  });

  it("uses the conference's own corporate domains", async () => {
    const { user, conferenceId } = await makeCandidateAccount(db);
    await db.conference.update({ where: { id: conferenceId }, data: { corporateDomains: ["example.net"] } });
    expect((await refusalOf(updateProfile({ actor: asActor(user), input: { ...profileInput, contactEmail: "a@example.net" } }))).messageKey).toBe(
      "workspace.corporateDomain",
    );
    await expect(updateProfile({ actor: asActor(user), input: { ...profileInput, contactEmail: "a@itu.int" } })).resolves.toBeTruthy();
  });

  it("refuses invalid input field by field", async () => {
    const { user } = await makeCandidateAccount(db);
    expect(await refusalOf(updateProfile({ actor: asActor(user), input: { ...profileInput, website: "http://example.org", version: "de" } }))).toMatchObject({
      code: "INVALID_INPUT",
      fieldErrors: { website: "url", version: "choose" },
    });
  });

  it("publishes a version only while the candidature is formal (001, footnote 2), audited", async () => {
    const announced = await makeCandidateAccount(db, "ANNOUNCED");
    await updateProfile({ actor: asActor(announced.user), input: profileInput });
    expect(await refusalOf(publishProfile({ actor: asActor(announced.user), input: { version: "en", publish: "true" } }))).toMatchObject({
      code: "CONFLICT",
      messageKey: "workspace.notFormal",
    });

    const formal = await makeCandidateAccount(db);
    await updateProfile({ actor: asActor(formal.user), input: profileInput });
    const published = await publishProfile({ actor: asActor(formal.user), input: { version: "en", publish: "true", ...DECLARED } });
    expect(published.publishedAt).not.toBeNull();
    expect((await auditRowsFor(db, "CandidateProfile", published.id)).map((a) => a.action)).toEqual(["profile-published"]);
    const unpublished = await publishProfile({ actor: asActor(formal.user), input: { version: "en", publish: "false" } });
    expect(unpublished.publishedAt).toBeNull();
    expect(await refusalOf(publishProfile({ actor: asActor(formal.user), input: { version: "fr", publish: "true" } }))).toMatchObject({ code: "NOT_FOUND" });
  });

  it("is edited and published by a candidate only", async () => {
    await expectOnlyRoleAllowed("CANDIDATE", (actor) => updateProfile({ actor, input: profileInput }));
    await expectOnlyRoleAllowed("CANDIDATE", (actor) => publishProfile({ actor, input: { version: "en", publish: "true" } }));
  });
});

describe("campaign material", () => {
  it("creates statements and links as drafts of the actor's own candidature, audited", async () => {
    const { candidate, user } = await makeCandidateAccount(db);
    // A candidateId in the form is ignored: the candidature is the actor's.
    const statement = await createMaterial({
      actor: asActor(user),
      input: { kind: "STATEMENT", title: "Vision", language: "en", body: "Text", candidateId: "someone-else" },
    });
    const link = await createMaterial({ actor: asActor(user), input: { kind: "LINK", title: "Site", language: "fr", url: "https://example.org/fr" } });
    expect(statement).toMatchObject({ candidateId: candidate.id, state: "DRAFT", body: "Text" });
    expect(link).toMatchObject({ candidateId: candidate.id, url: "https://example.org/fr" });
    expect((await auditRowsFor(db, "Material", statement.id)).map((a) => [a.area, a.action])).toEqual([["material", "created"]]);
    expect((await listOwnMaterials(asActor(user))).materials.map((m) => m.id).sort()).toEqual([statement.id, link.id].sort());
  });

  it("refuses a link that is not https and a statement without text", async () => {
    const { user } = await makeCandidateAccount(db);
    expect(
      await refusalOf(createMaterial({ actor: asActor(user), input: { kind: "LINK", title: "x", language: "en", url: "javascript:alert(1)" } })),
    ).toMatchObject({ code: "INVALID_INPUT", fieldErrors: { url: "url" } });
    expect(await refusalOf(createMaterial({ actor: asActor(user), input: { kind: "STATEMENT", title: "x", language: "en", body: " " } }))).toMatchObject({
      code: "INVALID_INPUT",
      fieldErrors: { body: "required" },
    });
  });

  it("edits a draft, audited with before and after", async () => {
    const { candidate, user } = await makeCandidateAccount(db);
    const m = await makeStatement(db, candidate.id);
    const after = await updateMaterial({ actor: asActor(user), input: { id: m.id, title: "New title", language: "es", body: "Nuevo" } });
    expect(after).toMatchObject({ title: "New title", language: "es", body: "Nuevo" });
    const [row] = await auditRowsFor(db, "Material", m.id);
    // Ids and statuses only: a draft's words stay out of the log (docs/domain.md#confidentiality).
    expect(row).toMatchObject({
      action: "updated",
      before: expect.objectContaining({ id: m.id, state: "DRAFT" }),
      after: expect.objectContaining({ id: m.id }),
    });
    expect(JSON.stringify([row?.before, row?.after])).not.toContain("New title");
    expect(JSON.stringify([row?.before, row?.after])).not.toContain("Nuevo");
    expect(await refusalOf(updateMaterial({ actor: asActor(user), input: { id: m.id, title: "", language: "es", body: "x" } }))).toMatchObject({
      fieldErrors: { title: "required" },
    });
  });

  it("publishes only with both declarations and a formal candidature; unpublishes; audited", async () => {
    const { candidate, user } = await makeCandidateAccount(db);
    const m = await makeStatement(db, candidate.id);
    expect(await refusalOf(publishMaterial({ actor: asActor(user), input: { id: m.id, declaredNoSymbols: "on" } }))).toMatchObject({
      code: "INVALID_INPUT",
      messageKey: "workspace.declarationRequired",
      fieldErrors: { declaredNoResources: "workspace.declarationRequired" },
    });
    const published = await publishMaterial({ actor: asActor(user), input: { id: m.id, ...DECLARED } });
    expect(published).toMatchObject({ state: "PUBLISHED", declaredNoSymbols: true, declaredNoResources: true });
    expect(await refusalOf(updateMaterial({ actor: asActor(user), input: { id: m.id, title: "x", language: "en", body: "y" } }))).toMatchObject({
      messageKey: "workspace.unpublishToEdit",
    });
    const draft = await unpublishMaterial({ actor: asActor(user), input: { id: m.id } });
    expect(draft.state).toBe("DRAFT");
    expect((await auditRowsFor(db, "Material", m.id)).map((a) => a.action)).toEqual(["published", "unpublished"]);

    const announced = await makeCandidateAccount(db, "ANNOUNCED");
    const early = await makeStatement(db, announced.candidate.id);
    expect(await refusalOf(publishMaterial({ actor: asActor(announced.user), input: { id: early.id, ...DECLARED } }))).toMatchObject({
      code: "CONFLICT",
      messageKey: "workspace.notFormal",
    });
  });

  it("refuses to publish a brochure before its file arrives", async () => {
    const { user } = await makeCandidateAccount(db);
    const brochure = await createMaterial({ actor: asActor(user), input: { kind: "BROCHURE", title: "Brochure", language: "en" } });
    expect(await refusalOf(publishMaterial({ actor: asActor(user), input: { id: brochure.id, ...DECLARED } }))).toMatchObject({
      messageKey: "workspace.materialIncomplete",
    });
  });

  it("never lets a candidate read or change another candidate's material by id", async () => {
    const owner = await makeCandidateAccount(db);
    const other = await makeCandidateAccount(db);
    const m = await makeStatement(db, owner.candidate.id);
    const mine = await makeStatement(db, owner.candidate.id, "PUBLISHED");
    const intruder = asActor(other.user);
    for (const call of [
      () => getOwnMaterial(intruder, m.id),
      () => updateMaterial({ actor: intruder, input: { id: m.id, title: "Hijack", language: "en", body: "x" } }),
      () => publishMaterial({ actor: intruder, input: { id: m.id, ...DECLARED } }),
      () => unpublishMaterial({ actor: intruder, input: { id: mine.id } }),
    ]) {
      expect((await refusalOf(call())).code).toBe("NOT_FOUND");
    }
    expect((await listOwnMaterials(intruder)).materials).toEqual([]);
    const unchanged = await db.material.findUniqueOrThrow({ where: { id: m.id } });
    expect(unchanged).toMatchObject({ title: m.title, state: "DRAFT" });
    expect(await auditRowsFor(db, "Material", m.id)).toEqual([]);
  });

  it("is managed by a candidate only", async () => {
    const input = { kind: "STATEMENT", title: "x", language: "en", body: "y" };
    await expectOnlyRoleAllowed("CANDIDATE", (actor) => createMaterial({ actor, input }));
    await expectOnlyRoleAllowed("CANDIDATE", (actor) => updateMaterial({ actor, input: { id: "m", ...input } }));
    await expectOnlyRoleAllowed("CANDIDATE", (actor) => publishMaterial({ actor, input: { id: "m", ...DECLARED } }));
    await expectOnlyRoleAllowed("CANDIDATE", (actor) => unpublishMaterial({ actor, input: { id: "m" } }));
    await expectOnlyRoleAllowed("CANDIDATE", (actor) => listOwnMaterials(actor));
    // A candidate account not bound to a candidature manages nothing.
    expect((await refusalOf(createMaterial({ actor: actorOf("CANDIDATE", { candidateId: null }), input }))).code).toBe("FORBIDDEN");
  });
});

describe("takedown by the secretariat", () => {
  it("takes published material down with a reason the candidate sees, audited", async () => {
    const { candidate, user } = await makeCandidateAccount(db);
    const secretariat = await makeUser(db, "SECRETARIAT");
    const m = await makeStatement(db, candidate.id, "PUBLISHED");
    expect((await listPublishedForTakedown(asActor(secretariat), candidate.conferenceId)).some((p) => p.id === m.id)).toBe(true);
    // The list is one conference's: another's does not show it.
    expect((await listPublishedForTakedown(asActor(secretariat), (await makeConference(db)).id)).some((p) => p.id === m.id)).toBe(false);
    const after = await takeDownMaterial({ actor: asActor(secretariat), input: { id: m.id, reason: "Uses the Union emblem on page 2.", confirmed: "yes" } });
    expect(after).toMatchObject({ state: "TAKEN_DOWN", takedownReason: "Uses the Union emblem on page 2." });
    const [row] = await auditRowsFor(db, "Material", m.id);
    expect(row).toMatchObject({ area: "material", action: "taken-down", actorId: secretariat.id, actorRole: "SECRETARIAT" });
    const seen = await getOwnMaterial(asActor(user), m.id);
    expect(seen).toMatchObject({ state: "TAKEN_DOWN", takedownReason: "Uses the Union emblem on page 2." });
    expect(await refusalOf(publishMaterial({ actor: asActor(user), input: { id: m.id, ...DECLARED } }))).toMatchObject({
      messageKey: "workspace.takenDownFinal",
    });
    expect(
      await refusalOf(takeDownMaterial({ actor: asActor(secretariat), input: { id: m.id, reason: "Once more, for the record.", confirmed: "yes" } })),
    ).toMatchObject({
      messageKey: "adminMaterials.notPublished",
    });
  });

  it("needs a reason of ten characters", async () => {
    const secretariat = await makeUser(db, "SECRETARIAT");
    expect(await refusalOf(takeDownMaterial({ actor: asActor(secretariat), input: { id: "m", reason: "bad", confirmed: "yes" } }))).toMatchObject({
      fieldErrors: { reason: "adminMaterials.reasonTooShort" },
    });
  });

  it("is done by the secretariat only; a candidate cannot take down even their own material", async () => {
    const input = { id: "m", reason: "A sufficiently long reason." };
    await expectOnlyRoleAllowed("SECRETARIAT", (actor) => takeDownMaterial({ actor, input: { ...input, confirmed: "yes" } }));
    await expectOnlyRoleAllowed("SECRETARIAT", (actor) => listPublishedForTakedown(actor, "any-conference"));
    const { candidate, user } = await makeCandidateAccount(db);
    const m = await makeStatement(db, candidate.id, "PUBLISHED");
    const roles: RoleName[] = ["CANDIDATE", "CHAIR", "ETHICS_OFFICER", "MEMBER"];
    for (const role of roles) {
      const actor: Actor = role === "CANDIDATE" ? asActor(user) : actorOf(role);
      expect((await refusalOf(takeDownMaterial({ actor, input: { ...input, id: m.id, confirmed: "yes" } }))).code).toBe("FORBIDDEN");
    }
  });
});
