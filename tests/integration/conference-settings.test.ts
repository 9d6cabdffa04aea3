import { beforeAll, beforeEach, describe, expect, it } from "vitest";
import { createDb, type PrismaClient } from "@/lib/db/client";
import { candidatureDeadline } from "@/lib/elections/deadline";
import { clearDeadlineOverride, overrideDeadline } from "@/lib/elections/override-deadline";
import { updateConference } from "@/lib/elections/update-conference";
import { auditRowsFor } from "../support/audit";
import { withAppDatabase } from "../support/app-database";
import { asActor, makeConference, makeMemberState, makePost, makeUser, type TestUser } from "../support/factories";
import { expectOnlyRoleAllowed, refusalOf } from "../support/roles";

const database = withAppDatabase();
let db: PrismaClient;
let secretariat: TestUser;
let conferenceId: string;

const VALID = {
  name: "ITU Plenipotentiary Conference 2018 (PP-18)",
  city: "Dubai",
  opensOn: "2018-10-29",
  closesOn: "2018-11-16",
  timeZone: "Asia/Dubai",
  corporateDomains: "itu.int\n@ITU.INT\nexample.org",
  defaultWebcastAccess: "MEMBERS",
};

beforeAll(async () => {
  db = createDb(database.url());
  secretariat = await makeUser(db, "SECRETARIAT");
});

beforeEach(async () => {
  // Each test changes a conference of its own (docs/decisions/012), dated like PP-18.
  conferenceId = (await makeConference(db, { name: "PP-18", city: "Dubai", opensOn: "2018-10-29", closesOn: "2018-11-16", timeZone: "Asia/Dubai" })).id;
});

describe("updateConference", () => {
  it("saves the conference and writes one audit row with before and after", async () => {
    const saved = await updateConference({ actor: asActor(secretariat), conferenceId, input: VALID });
    // Domains are lower-cased, stripped of "@" and deduplicated.
    expect(saved.corporateDomains).toEqual(["itu.int", "example.org"]);
    expect(saved.defaultWebcastAccess).toBe("MEMBERS");
    const rows = await auditRowsFor(db, "Conference", conferenceId);
    const last = rows.at(-1);
    expect(last).toMatchObject({ actorId: secretariat.id, actorRole: "SECRETARIAT", area: "conference", action: "updated" });
    expect(last?.before).toMatchObject({ name: "PP-18" });
    expect(last?.after).toMatchObject({ name: VALID.name, defaultWebcastAccess: "MEMBERS" });
  });

  it("refuses a last day before the first, an unknown zone and a bad domain, and changes nothing", async () => {
    const before = await db.conference.findUniqueOrThrow({ where: { id: conferenceId } });
    const refusal = await refusalOf(
      updateConference({
        actor: asActor(secretariat),
        conferenceId,
        input: { ...VALID, closesOn: "2018-10-01", timeZone: "Mars/Olympus", corporateDomains: "not a domain!" },
      }),
    );
    expect(refusal.code).toBe("INVALID_INPUT");
    expect(refusal.fieldErrors).toMatchObject({
      timeZone: "adminConference.timeZoneInvalid",
      corporateDomains: "adminConference.domainInvalid",
    });
    expect(await db.conference.findUniqueOrThrow({ where: { id: conferenceId } })).toEqual(before);
  });

  it("changes only the conference it names", async () => {
    const other = await makeConference(db);
    await updateConference({ actor: asActor(secretariat), conferenceId, input: { ...VALID, name: "Renamed" } });
    expect(await db.conference.findUniqueOrThrow({ where: { id: other.id } })).toEqual(other);
    expect((await db.conference.findUniqueOrThrow({ where: { id: conferenceId } })).name).toBe("Renamed");
  });

  it("refuses dates moved onto another conference's, and keeps everything saved", async () => {
    const other = await makeConference(db, { name: "PP-2090", opensOn: "2090-10-01", closesOn: "2090-10-20" });
    const before = await db.conference.findUniqueOrThrow({ where: { id: conferenceId } });
    const refusal = await refusalOf(
      updateConference({ actor: asActor(secretariat), conferenceId, input: { ...VALID, name: "Moved", opensOn: "2090-10-20", closesOn: "2090-11-05" } }),
    );
    expect(refusal).toMatchObject({
      code: "CONFLICT",
      messageKey: "conferences.DATES_OVERLAP",
      values: { name: other.name },
      fieldErrors: { opensOn: "conferences.datesOverlapField" },
    });
    expect(await db.conference.findUniqueOrThrow({ where: { id: conferenceId } })).toEqual(before);
    // Moved clear of it, the same save goes through.
    const saved = await updateConference({ actor: asActor(secretariat), conferenceId, input: { ...VALID, opensOn: "2090-10-21", closesOn: "2090-11-05" } });
    expect(saved.opensOn.toISOString().slice(0, 10)).toBe("2090-10-21");
  });

  it("refuses every change to a closed conference, and an unknown one", async () => {
    await db.conference.update({ where: { id: conferenceId }, data: { closedAt: new Date() } });
    const before = await db.conference.findUniqueOrThrow({ where: { id: conferenceId } });
    const actor = asActor(secretariat);
    const closed = { code: "CONFLICT", messageKey: "conferences.CONFERENCE_CLOSED" };
    expect(await refusalOf(updateConference({ actor, conferenceId, input: VALID }))).toMatchObject(closed);
    expect(
      await refusalOf(overrideDeadline({ actor, conferenceId, input: { at: "2018-10-05T18:00", reason: "Postal services were disrupted." } })),
    ).toMatchObject(closed);
    expect(await refusalOf(clearDeadlineOverride({ actor, conferenceId, input: { reason: "Back to the rule, please." } }))).toMatchObject(closed);
    expect(await db.conference.findUniqueOrThrow({ where: { id: conferenceId } })).toEqual(before);
    expect(await refusalOf(updateConference({ actor, conferenceId: "no-such-conference", input: VALID }))).toMatchObject({ code: "NOT_FOUND" });
  });

  it("reports a missing name with the generic key", async () => {
    const refusal = await refusalOf(updateConference({ actor: asActor(secretariat), conferenceId, input: { ...VALID, name: "   " } }));
    expect(refusal.fieldErrors).toMatchObject({ name: "required" });
  });

  it("is refused to every other role, a disabled secretariat and an anonymous visitor", async () => {
    await expectOnlyRoleAllowed("SECRETARIAT", (actor) => updateConference({ actor, conferenceId, input: VALID }));
  });
});

describe("deadline override (GR170)", () => {
  it("sets another deadline in Geneva time, with its reason, and audits it", async () => {
    await overrideDeadline({ actor: asActor(secretariat), conferenceId, input: { at: "2018-10-05T18:00", reason: "Postal services were disrupted." } });
    const conference = await db.conference.findUniqueOrThrow({ where: { id: conferenceId } });
    // 18:00 in Geneva on 5 Oct 2018 is 16:00 UTC (summer time).
    expect(candidatureDeadline(conference)).toMatchObject({
      source: "OVERRIDE",
      at: new Date("2018-10-05T16:00:00Z"),
      reason: "Postal services were disrupted.",
    });
    const last = (await auditRowsFor(db, "Conference", conferenceId)).at(-1);
    expect(last).toMatchObject({ action: "deadline-overridden" });
    expect(last?.after).toMatchObject({ deadlineOverrideReason: "Postal services were disrupted." });
  });

  it("refuses an override without a real reason", async () => {
    const refusal = await refusalOf(overrideDeadline({ actor: asActor(secretariat), conferenceId, input: { at: "2018-10-05T18:00", reason: "because" } }));
    expect(refusal.fieldErrors).toMatchObject({ reason: "adminConference.reasonTooShort" });
  });

  it("goes back to the computed deadline only when one was overridden, with a reason", async () => {
    const refusal = await refusalOf(clearDeadlineOverride({ actor: asActor(secretariat), conferenceId, input: { reason: "Nothing to clear here." } }));
    expect(refusal).toMatchObject({ code: "CONFLICT", messageKey: "adminConference.noOverride" });

    await overrideDeadline({ actor: asActor(secretariat), conferenceId, input: { at: "2018-10-05T18:00", reason: "Postal services were disrupted." } });
    await clearDeadlineOverride({ actor: asActor(secretariat), conferenceId, input: { reason: "The disruption was resolved in time." } });
    const conference = await db.conference.findUniqueOrThrow({ where: { id: conferenceId } });
    expect(candidatureDeadline(conference)).toMatchObject({ source: "GR170", at: new Date("2018-10-01T21:59:00Z") });
    const last = (await auditRowsFor(db, "Conference", conferenceId)).at(-1);
    expect(last).toMatchObject({ action: "deadline-override-cleared" });
    expect(last?.after).toMatchObject({ reason: "The disruption was resolved in time." });
  });

  it("refuses a deadline at or after the opening, after the hearing, or before a formal receipt, and changes nothing", async () => {
    const actor = asActor(secretariat);
    const reason = "Postal services were disrupted.";
    const before = await db.conference.findUniqueOrThrow({ where: { id: conferenceId } });
    // PP-18 opens on 29 October 2018 at 00:00 in Dubai (20:00 UTC): 21:00 in Geneva, whose summer time ended that day.
    for (const at of ["2018-10-28T21:00", "2018-11-20T12:00"]) {
      const refusal = await refusalOf(overrideDeadline({ actor, conferenceId, input: { at, reason } }));
      expect(refusal).toMatchObject({
        code: "INVALID_INPUT",
        messageKey: "adminConference.overrideNotBeforeOpening",
        fieldErrors: { at: "adminConference.overrideNotBeforeOpening" },
      });
    }
    await overrideDeadline({ actor, conferenceId, input: { at: "2018-10-28T20:59", reason } });

    const chair = await makeUser(db, "CHAIR");
    await db.hearing.create({
      data: { conferenceId, startsAt: new Date("2018-10-20T08:00:00Z"), presentationMinutes: 15, qaMinutes: 15, questionsPerCandidate: 2, chairId: chair.id },
    });
    expect(await refusalOf(overrideDeadline({ actor, conferenceId, input: { at: "2018-10-20T10:00", reason } }))).toMatchObject({
      fieldErrors: { at: "adminConference.overrideNotBeforeHearing" },
    });

    const post = await makePost(db, conferenceId);
    const state = await makeMemberState(db);
    await db.candidate.create({
      data: {
        conferenceId,
        postId: post.id,
        memberStateId: state.id,
        name: "Received late September",
        status: "FORMAL",
        formallyReceivedAt: new Date("2018-09-25T08:00:00Z"),
      },
    });
    expect(await refusalOf(overrideDeadline({ actor, conferenceId, input: { at: "2018-09-20T18:00", reason } }))).toMatchObject({
      fieldErrors: { at: "adminConference.overrideBeforeReceived" },
    });
    await overrideDeadline({ actor, conferenceId, input: { at: "2018-10-05T18:00", reason } });
    const after = await db.conference.findUniqueOrThrow({ where: { id: conferenceId } });
    expect(after.deadlineOverrideAt).toEqual(new Date("2018-10-05T16:00:00Z"));
    expect(before.deadlineOverrideAt).toBeNull();
  });

  it("is refused to every other role, a disabled secretariat and an anonymous visitor", async () => {
    await expectOnlyRoleAllowed("SECRETARIAT", (actor) =>
      overrideDeadline({ actor, conferenceId, input: { at: "2018-10-05T18:00", reason: "Postal services were disrupted." } }),
    );
    await expectOnlyRoleAllowed("SECRETARIAT", (actor) => clearDeadlineOverride({ actor, conferenceId, input: { reason: "Back to the rule." } }));
  });
});

describe("the audit log", () => {
  it("refuses to update or delete a row at the database", async () => {
    await updateConference({ actor: asActor(secretariat), conferenceId, input: VALID });
    const row = (await auditRowsFor(db, "Conference", conferenceId)).at(-1);
    expect(row).toBeDefined();
    await expect(db.auditEvent.update({ where: { id: row!.id }, data: { action: "tampered" } })).rejects.toThrow(/append-only/);
    await expect(db.auditEvent.delete({ where: { id: row!.id } })).rejects.toThrow(/append-only/);
  });
});
