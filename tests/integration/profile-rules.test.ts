import { readFileSync } from "node:fs";
import { mkdtemp, rm } from "node:fs/promises";
import { tmpdir } from "node:os";
import path from "node:path";
import sharp from "sharp";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createDb, type PrismaClient } from "@/lib/db/client";
import { withAppDatabase } from "../support/app-database";
import { auditRowsFor } from "../support/audit";
import { asActor, makeUser, type TestUser } from "../support/factories";
import { makeCandidateAccount, makeStatement } from "../support/factories-workspace";
import { expectOnlyRoleAllowed, refusalOf } from "../support/roles";

// The rules that reach the profile as they reach material (docs/domain.md#campaign-material,
// #takedown, #public-record): the declarations of 001 A for the vision statement, photo and
// CV; the secretariat's takedown of each; nothing new from a withdrawn candidature.

const storageDir = await mkdtemp(path.join(tmpdir(), "hustings-profile-rules-"));
process.env.STORAGE_DIR = storageDir;
const { publishProfile } = await import("@/lib/candidates/publish-profile");
const { updateProfile } = await import("@/lib/candidates/update-profile");
const { setProfileFile, removeProfileFile } = await import("@/lib/candidates/set-profile-file");
const { takeDownProfileFile, takeDownProfileVersion } = await import("@/lib/candidates/take-down-profile");
const { listPublicProfilesForTakedown } = await import("@/lib/candidates/takedown-queries");
const { getOwnProfileTakedowns } = await import("@/lib/candidates/own-profile-files");
const { readPublicFiles } = await import("@/lib/candidates/public-files");
const { publishMaterial, unpublishMaterial } = await import("@/lib/materials/publish-material");
const { findFileRecord } = await import("@/lib/uploads/file-record");
const { storage } = await import("@/lib/storage");

const database = withAppDatabase();
let db: PrismaClient;
let secretariat: TestUser;
beforeAll(async () => {
  db = createDb(database.url());
  secretariat = await makeUser(db, "SECRETARIAT");
});
afterAll(() => rm(storageDir, { recursive: true, force: true }));

const fixture = (name: string) => readFileSync(path.join(__dirname, "../fixtures/hostile", name));
const fileOf = (name: string) => new File([new Uint8Array(fixture(name))], name, { type: "application/octet-stream" });
/** A photo no fixture is: a small red square. */
async function otherPhoto() {
  const bytes = await sharp({ create: { width: 16, height: 16, channels: 3, background: { r: 200, g: 10, b: 10 } } })
    .png()
    .toBuffer();
  return new File([new Uint8Array(bytes)], "red.png", { type: "image/png" });
}
const DECLARED = { declaredNoSymbols: "on", declaredNoResources: "on" };
const REASON = "Uses the Union's emblem in the heading.";
const VERSION = { version: "en", biography: "Engineer.", vision: "Connect everyone.", visionFormat: "PLAIN", languages: "English" };

/** A formal candidate whose English version is published, with a photo and a CV. */
async function publicCandidate() {
  const account = await makeCandidateAccount(db);
  const actor = asActor(account.user);
  await updateProfile({ actor, input: VERSION });
  await publishProfile({ actor, input: { version: "en", publish: "true", ...DECLARED } });
  const photo = await setProfileFile({ actor, input: { kind: "photo", ...DECLARED }, file: fileOf("clean.jpg") });
  const cv = await setProfileFile({ actor, input: { kind: "cv", ...DECLARED }, file: fileOf("clean.pdf") });
  return { ...account, actor, photo, cv };
}

describe("the declarations of 001 A for the profile", () => {
  it("are required to publish a version, each named, and kept in the audit row", async () => {
    const { user } = await makeCandidateAccount(db);
    const actor = asActor(user);
    const saved = await updateProfile({ actor, input: VERSION });
    const refused = await refusalOf(publishProfile({ actor, input: { version: "en", publish: "true", declaredNoSymbols: "on" } }));
    expect(refused).toMatchObject({
      code: "INVALID_INPUT",
      messageKey: "workspace.declarationRequired",
      fieldErrors: { declaredNoResources: "workspace.declarationRequired" },
    });
    expect((await db.candidateProfile.findFirstOrThrow({ where: { candidateId: user.candidateId ?? "" } })).publishedAt).toBeNull();
    await publishProfile({ actor, input: { version: "en", publish: "true", ...DECLARED } });
    const rows = await auditRowsFor(db, "CandidateProfile", (await db.candidateProfile.findFirstOrThrow({ where: { candidateId: saved.candidateId } })).id);
    expect(rows.at(-1)).toMatchObject({ action: "profile-published", after: expect.objectContaining({ declaredNoSymbols: true, declaredNoResources: true }) });
    // Taking a version off needs no declaration.
    await expect(publishProfile({ actor, input: { version: "en", publish: "false" } })).resolves.toMatchObject({ publishedAt: null });
  });

  it("are required to change the text of a published version, which is public at once, but not to change only the shared details", async () => {
    const { actor, candidate } = await publicCandidate();
    const refused = await refusalOf(updateProfile({ actor, input: { ...VERSION, vision: "Connect everyone, now." } }));
    expect(refused).toMatchObject({ code: "INVALID_INPUT", fieldErrors: { declaredNoSymbols: "workspace.declarationRequired" } });
    expect((await db.candidateProfile.findFirstOrThrow({ where: { candidateId: candidate.id } })).vision).toBe(VERSION.vision);
    await expect(updateProfile({ actor, input: { ...VERSION, website: "https://example.org/new" } })).resolves.toBeTruthy();
    await expect(updateProfile({ actor, input: { ...VERSION, vision: "Connect everyone, now.", ...DECLARED } })).resolves.toMatchObject({
      vision: "Connect everyone, now.",
    });
  });

  it("are required for each photo and CV, before anything is stored", async () => {
    const { user, candidate } = await makeCandidateAccount(db);
    const refused = await refusalOf(setProfileFile({ actor: asActor(user), input: { kind: "photo", declaredNoSymbols: "on" }, file: fileOf("clean.jpg") }));
    expect(refused).toMatchObject({ code: "INVALID_INPUT", fieldErrors: { declaredNoResources: "workspace.declarationRequired" } });
    expect(await db.candidate.findUniqueOrThrow({ where: { id: candidate.id } })).toMatchObject({ photoKey: null });
    expect(await auditRowsFor(db, "Candidate", candidate.id)).toEqual([]);
  });
});

describe("a withdrawn candidature (docs/domain.md#public-record)", () => {
  it("publishes nothing new — material, version, changed text, photo, CV — while what it published stays public", async () => {
    const { actor, candidate, photo, cv } = await publicCandidate();
    const draft = await makeStatement(db, candidate.id);
    const published = await makeStatement(db, candidate.id, "PUBLISHED");
    await updateProfile({ actor, input: { ...VERSION, version: "fr", vision: "Connecter tout le monde." } });
    await db.candidate.update({ where: { id: candidate.id }, data: { status: "WITHDRAWN" } });
    const withdrawn = { code: "CONFLICT", messageKey: "workspace.candidatureWithdrawn" };

    expect(await refusalOf(publishMaterial({ actor, input: { id: draft.id, ...DECLARED } }))).toMatchObject(withdrawn);
    expect(await refusalOf(publishProfile({ actor, input: { version: "fr", publish: "true", ...DECLARED } }))).toMatchObject(withdrawn);
    expect(await refusalOf(updateProfile({ actor, input: { ...VERSION, vision: "A new promise.", ...DECLARED } }))).toMatchObject(withdrawn);
    expect(await refusalOf(setProfileFile({ actor, input: { kind: "photo", ...DECLARED }, file: fileOf("gps.jpg") }))).toMatchObject(withdrawn);
    expect(await refusalOf(setProfileFile({ actor, input: { kind: "cv", ...DECLARED }, file: fileOf("clean.pdf") }))).toMatchObject(withdrawn);

    // What was published stays readable, as the public record keeps it.
    expect(await readPublicFiles(candidate.id)).toMatchObject({ photoKey: photo.key, cvKey: cv.key });
    expect((await db.candidateProfile.findFirstOrThrow({ where: { candidateId: candidate.id, locale: "en" } })).publishedAt).not.toBeNull();
    expect((await db.material.findUniqueOrThrow({ where: { id: published.id } })).state).toBe("PUBLISHED");
    // A draft may still be edited, and the candidate may still take their own down.
    await expect(updateProfile({ actor, input: { ...VERSION, version: "fr", vision: "Brouillon revu." } })).resolves.toBeTruthy();
    await expect(unpublishMaterial({ actor, input: { id: published.id } })).resolves.toMatchObject({ state: "DRAFT" });
    await expect(removeProfileFile({ actor, input: { kind: "cv" } })).resolves.toMatchObject({ removed: true });
  });

  it("after the election publishes nothing new either, saying so", async () => {
    const { actor, candidate } = await publicCandidate();
    await updateProfile({ actor, input: { ...VERSION, version: "fr", vision: "Connecter tout le monde." } });
    await db.candidate.update({ where: { id: candidate.id }, data: { status: "ELECTED" } });
    expect(await refusalOf(publishProfile({ actor, input: { version: "fr", publish: "true", ...DECLARED } }))).toMatchObject({
      messageKey: "workspace.electionHeld",
    });
  });
});

describe("the secretariat's takedown of a profile's public parts (docs/domain.md#takedown)", () => {
  it("takes a version down with a reason: audited with a digest, off the public page, told to the candidate", async () => {
    const { actor, user, candidate } = await publicCandidate();
    const version = await db.candidateProfile.findFirstOrThrow({ where: { candidateId: candidate.id, locale: "en" } });
    expect((await listPublicProfilesForTakedown(asActor(secretariat), candidate.conferenceId)).map((c) => c.id)).toContain(candidate.id);

    const refused = await refusalOf(
      takeDownProfileVersion({ actor: asActor(secretariat), input: { candidateId: candidate.id, version: "en", reason: "no", confirmed: "yes" } }),
    );
    expect(refused.fieldErrors).toMatchObject({ reason: "adminMaterials.reasonTooShort" });
    await takeDownProfileVersion({ actor: asActor(secretariat), input: { candidateId: candidate.id, version: "en", reason: REASON, confirmed: "yes" } });

    expect((await db.candidateProfile.findUniqueOrThrow({ where: { id: version.id } })).publishedAt).toBeNull();
    // The public page's files follow the profile: no published version, no photo or CV shown.
    expect(await readPublicFiles(candidate.id)).toMatchObject({ photoKey: null, cvKey: null });
    const [row] = (await auditRowsFor(db, "CandidateProfile", version.id)).filter((r) => r.action === "profile-taken-down");
    expect(row).toMatchObject({ actorId: secretariat.id, area: "candidate", after: expect.objectContaining({ reason: REASON, locale: "en" }) });
    expect(JSON.stringify(row?.after)).not.toContain(VERSION.vision);
    expect(await getOwnProfileTakedowns(asActor(user))).toEqual([expect.objectContaining({ part: "version", locale: "en", reason: REASON })]);

    // Taken down twice is refused: it is no longer published.
    expect(
      await refusalOf(
        takeDownProfileVersion({ actor: asActor(secretariat), input: { candidateId: candidate.id, version: "en", reason: REASON, confirmed: "yes" } }),
      ),
    ).toMatchObject({ code: "CONFLICT", messageKey: "adminMaterials.profileNotPublished" });
    // The same text stays down; a revised one may be published, with the declarations.
    expect(await refusalOf(publishProfile({ actor, input: { version: "en", publish: "true", ...DECLARED } }))).toMatchObject({
      code: "CONFLICT",
      messageKey: "workspace.versionTakenDown",
    });
    await updateProfile({ actor, input: { ...VERSION, vision: "Connect everyone, without any emblem." } });
    await expect(publishProfile({ actor, input: { version: "en", publish: "true", ...DECLARED } })).resolves.toMatchObject({ locale: "en" });
  });

  it("takes a photo down: no longer served, its file deleted, the same file refused, another accepted", async () => {
    const { actor, user, candidate, photo, cv } = await publicCandidate();
    await takeDownProfileFile({ actor: asActor(secretariat), input: { candidateId: candidate.id, kind: "photo", reason: REASON, confirmed: "yes" } });
    expect(await db.candidate.findUniqueOrThrow({ where: { id: candidate.id } })).toMatchObject({ photoKey: null, cvKey: cv.key });
    expect(await findFileRecord(photo.key)).toBeNull();
    expect(await storage().get(photo.key)).toBeNull();
    expect(await readPublicFiles(candidate.id)).toMatchObject({ photoKey: null, cvKey: cv.key });
    const row = (await auditRowsFor(db, "Candidate", candidate.id)).at(-1);
    expect(row).toMatchObject({ action: "photo-taken-down", after: expect.objectContaining({ reason: REASON }) });
    expect(JSON.stringify([row?.before, row?.after])).not.toContain(photo.key);
    expect(await getOwnProfileTakedowns(asActor(user))).toEqual([expect.objectContaining({ part: "photo", reason: REASON })]);

    expect(await refusalOf(setProfileFile({ actor, input: { kind: "photo", ...DECLARED }, file: fileOf("clean.jpg") }))).toMatchObject({
      code: "CONFLICT",
      messageKey: "workspace.fileTakenDown",
    });
    expect((await db.candidate.findUniqueOrThrow({ where: { id: candidate.id } })).photoKey).toBeNull();
    await expect(setProfileFile({ actor, input: { kind: "photo", ...DECLARED }, file: await otherPhoto() })).resolves.toMatchObject({ kind: "photo" });
  });

  it("takes a CV down, and refuses a file that is not public", async () => {
    const { candidate, cv } = await publicCandidate();
    await takeDownProfileFile({ actor: asActor(secretariat), input: { candidateId: candidate.id, kind: "cv", reason: REASON, confirmed: "yes" } });
    expect(await findFileRecord(cv.key)).toBeNull();
    expect(
      await refusalOf(takeDownProfileFile({ actor: asActor(secretariat), input: { candidateId: candidate.id, kind: "cv", reason: REASON, confirmed: "yes" } })),
    ).toMatchObject({ code: "CONFLICT", messageKey: "adminMaterials.profileNotPublished" });
    // A photo of a candidature not yet formal is not public: nothing to take down.
    const announced = await makeCandidateAccount(db, "ANNOUNCED");
    await setProfileFile({ actor: asActor(announced.user), input: { kind: "photo", ...DECLARED }, file: fileOf("clean.jpg") });
    expect(
      await refusalOf(
        takeDownProfileFile({ actor: asActor(secretariat), input: { candidateId: announced.candidate.id, kind: "photo", reason: REASON, confirmed: "yes" } }),
      ),
    ).toMatchObject({ messageKey: "adminMaterials.profileNotPublished" });
  });

  it("changes nothing in a closed conference", async () => {
    const { candidate, photo } = await publicCandidate();
    await db.conference.update({ where: { id: candidate.conferenceId }, data: { closedAt: new Date() } });
    const closed = { code: "CONFLICT", messageKey: "conferences.CONFERENCE_CLOSED" };
    expect(
      await refusalOf(
        takeDownProfileVersion({ actor: asActor(secretariat), input: { candidateId: candidate.id, version: "en", reason: REASON, confirmed: "yes" } }),
      ),
    ).toMatchObject(closed);
    expect(
      await refusalOf(
        takeDownProfileFile({ actor: asActor(secretariat), input: { candidateId: candidate.id, kind: "photo", reason: REASON, confirmed: "yes" } }),
      ),
    ).toMatchObject(closed);
    expect(await readPublicFiles(candidate.id)).toMatchObject({ photoKey: photo.key });
  });

  it("is the secretariat's alone", async () => {
    const { candidate, user } = await publicCandidate();
    await expectOnlyRoleAllowed("SECRETARIAT", (actor) =>
      takeDownProfileVersion({ actor, input: { candidateId: candidate.id, version: "en", reason: REASON, confirmed: "yes" } }),
    );
    await expectOnlyRoleAllowed("SECRETARIAT", (actor) =>
      takeDownProfileFile({ actor, input: { candidateId: candidate.id, kind: "cv", reason: REASON, confirmed: "yes" } }),
    );
    await expectOnlyRoleAllowed("SECRETARIAT", (actor) => listPublicProfilesForTakedown(actor, candidate.conferenceId));
    // The candidate's own account cannot take down anything, even their own.
    expect(
      (await refusalOf(takeDownProfileFile({ actor: asActor(user), input: { candidateId: candidate.id, kind: "photo", reason: REASON, confirmed: "yes" } })))
        .code,
    ).toBe("FORBIDDEN");
  });
});
