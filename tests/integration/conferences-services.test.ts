import { beforeAll, describe, expect, it, vi } from "vitest";
import { closeConference } from "@/lib/conferences/close-conference";
import { getConferenceBySlug, getCurrentConference, listConferences } from "@/lib/conferences/context";
import { createConference } from "@/lib/conferences/create-conference";
import { deleteConference } from "@/lib/conferences/delete-conference";
import { setCurrentConference } from "@/lib/conferences/set-current-conference";
import { createDb, type PrismaClient } from "@/lib/db/client";
import { auditRowsFor } from "../support/audit";
import { withAppDatabase } from "../support/app-database";
import { asActor, makeCandidate, makeConference, makeMemberState, makePost, makeUser, unique, type TestUser } from "../support/factories";
import { expectOnlyRoleAllowed, refusalOf } from "../support/roles";

// The cached reads run uncached here: outside Next there is no cache to fill.
vi.mock("next/cache", async (original) => ({ ...(await original<typeof import("next/cache")>()), unstable_cache: <T>(read: T) => read }));

const database = withAppDatabase();
let db: PrismaClient;
let secretariat: TestUser;

beforeAll(async () => {
  db = createDb(database.url());
  secretariat = await makeUser(db, "SECRETARIAT");
});

// Each test dates its conferences in a year of its own, so that no two tests' dates overlap.
let year = 2040;
function form(extra: Record<string, string> = {}) {
  year += 1;
  return {
    slug: unique("pp").toLowerCase(),
    name: unique("Conference"),
    city: "Geneva",
    opensOn: `${year}-09-01`,
    closesOn: `${year}-09-20`,
    timeZone: "Europe/Zurich",
    ...extra,
  };
}

async function snapshot() {
  return {
    conferences: await db.conference.findMany({ orderBy: { id: "asc" } }),
    posts: await db.post.findMany({ orderBy: { id: "asc" } }),
  };
}

async function makeHearing(conferenceId: string, status: "SCHEDULED" | "LIVE" | "ENDED") {
  return db.hearing.create({ data: { conferenceId, startsAt: new Date("2030-10-01T10:00:00Z"), presentationMinutes: 10, qaMinutes: 10, status } });
}

describe("createConference", () => {
  it("creates a conference, not current, and audits it", async () => {
    const input = form();
    const created = await createConference({ actor: asActor(secretariat), input });
    expect(created).toMatchObject({ slug: input.slug, name: input.name, city: "Geneva", timeZone: "Europe/Zurich", isCurrent: false, closedAt: null });
    expect(created.opensOn.toISOString().slice(0, 10)).toBe(input.opensOn);
    const [row] = await auditRowsFor(db, "Conference", created.id);
    expect(row).toMatchObject({ actorId: secretariat.id, area: "conference", action: "created" });
  });

  it("copies the posts of an earlier conference, not its retired posts nor its candidates", async () => {
    const source = await makeConference(db);
    const sg = await db.post.create({
      data: { conferenceId: source.id, code: "SG", kind: "ELECTED_OFFICIAL", names: { en: "Secretary-General", fr: "Secrétaire général" }, sortOrder: 1 },
    });
    await db.post.create({
      data: { conferenceId: source.id, code: "RRB-B", kind: "RRB_SEAT", region: "B", seats: 3, names: { en: "RRB, region B" }, sortOrder: 7 },
    });
    await db.post.create({ data: { conferenceId: source.id, code: "OLD", kind: "ELECTED_OFFICIAL", names: { en: "Retired" }, retiredAt: new Date() } });
    await makeCandidate(db, { conferenceId: source.id, postId: sg.id, memberStateId: (await makeMemberState(db)).id });

    const created = await createConference({ actor: asActor(secretariat), input: form({ copyPostsFrom: source.id }) });
    const posts = await db.post.findMany({
      where: { conferenceId: created.id },
      orderBy: { code: "asc" },
      select: { code: true, kind: true, region: true, seats: true, names: true, sortOrder: true, retiredAt: true },
    });
    expect(posts).toEqual([
      { code: "RRB-B", kind: "RRB_SEAT", region: "B", seats: 3, names: { en: "RRB, region B" }, sortOrder: 7, retiredAt: null },
      {
        code: "SG",
        kind: "ELECTED_OFFICIAL",
        region: null,
        seats: 1,
        names: { en: "Secretary-General", fr: "Secrétaire général" },
        sortOrder: 1,
        retiredAt: null,
      },
    ]);
    expect(await db.candidate.count({ where: { conferenceId: created.id } })).toBe(0);
    expect(await db.post.count({ where: { conferenceId: source.id } })).toBe(3);
  });

  it("refuses inverted dates, a bad slug and an unknown zone, and saves nothing", async () => {
    const before = await snapshot();
    const refusal = await refusalOf(
      createConference({
        actor: asActor(secretariat),
        input: form({ slug: "PP 26!", opensOn: "2050-10-01", closesOn: "2050-09-01", timeZone: "Mars/Olympus" }),
      }),
    );
    expect(refusal).toMatchObject({
      code: "INVALID_INPUT",
      fieldErrors: { slug: "conferences.slugInvalid", closesOn: "conferences.DATES_INVERTED", timeZone: "adminConference.timeZoneInvalid" },
    });
    expect(await snapshot()).toEqual(before);
  });

  it("refuses a slug in use (or the console's own 'new'), and saves nothing", async () => {
    const existing = await makeConference(db);
    const before = await snapshot();
    for (const slug of [existing.slug, "new"]) {
      const refusal = await refusalOf(createConference({ actor: asActor(secretariat), input: form({ slug }) }));
      expect(refusal).toMatchObject({ code: "CONFLICT", messageKey: "conferences.SLUG_IN_USE", fieldErrors: { slug: "conferences.SLUG_IN_USE" } });
    }
    expect(await snapshot()).toEqual(before);
  });

  it("refuses dates that overlap another conference's, by a single day too", async () => {
    const first = await createConference({ actor: asActor(secretariat), input: form() });
    const before = await snapshot();
    const closes = first.closesOn.toISOString().slice(0, 10);
    const refusal = await refusalOf(
      createConference({ actor: asActor(secretariat), input: form({ opensOn: closes, closesOn: `${closes.slice(0, 4)}-12-01` }) }),
    );
    expect(refusal).toMatchObject({ code: "CONFLICT", messageKey: "conferences.DATES_OVERLAP", values: { name: first.name } });
    expect(await snapshot()).toEqual(before);
  });

  it("refuses to copy the posts of an unknown conference", async () => {
    const before = await snapshot();
    const refusal = await refusalOf(createConference({ actor: asActor(secretariat), input: form({ copyPostsFrom: "no-such-conference" }) }));
    expect(refusal).toMatchObject({ code: "NOT_FOUND", fieldErrors: { copyPostsFrom: "conferences.sourceUnknown" } });
    expect(await snapshot()).toEqual(before);
  });

  it("is refused to every other role, a disabled secretariat and an anonymous visitor", async () => {
    await expectOnlyRoleAllowed("SECRETARIAT", (actor) => createConference({ actor, input: form() }));
  });
});

describe("setCurrentConference", () => {
  it("makes one conference current, the previous one no longer, and audits it", async () => {
    const a = await makeConference(db);
    const b = await makeConference(db);
    await setCurrentConference({ actor: asActor(secretariat), input: { conferenceId: a.id } });
    await setCurrentConference({ actor: asActor(secretariat), input: { conferenceId: b.id } });
    expect(await db.conference.findMany({ where: { isCurrent: true }, select: { id: true } })).toEqual([{ id: b.id }]);
    expect((await getCurrentConference())?.id).toBe(b.id);
    const last = (await auditRowsFor(db, "Conference", b.id)).at(-1);
    expect(last).toMatchObject({ action: "made-current", before: { isCurrent: false, previousCurrent: a.slug }, after: { isCurrent: true } });
  });

  it("takes two officers' simultaneous choices one after the other: both succeed, one conference is current", async () => {
    const [a, b, c] = [await makeConference(db), await makeConference(db), await makeConference(db)];
    await setCurrentConference({ actor: asActor(secretariat), input: { conferenceId: a.id } });
    for (let round = 0; round < 5; round += 1) {
      const results = await Promise.allSettled([b, c].map((x) => setCurrentConference({ actor: asActor(secretariat), input: { conferenceId: x.id } })));
      expect(results.map((r) => r.status)).toEqual(["fulfilled", "fulfilled"]);
      const current = await db.conference.findMany({ where: { isCurrent: true }, select: { id: true } });
      expect(current).toHaveLength(1);
      expect([b.id, c.id]).toContain(current[0]?.id);
    }
  });

  it("refuses a closed conference and an unknown one, and changes nothing", async () => {
    const current = await makeConference(db);
    await setCurrentConference({ actor: asActor(secretariat), input: { conferenceId: current.id } });
    const closed = await makeConference(db, { closedAt: new Date() });
    const before = await snapshot();
    expect(await refusalOf(setCurrentConference({ actor: asActor(secretariat), input: { conferenceId: closed.id } }))).toMatchObject({
      code: "CONFLICT",
      messageKey: "conferences.CONFERENCE_CLOSED",
    });
    expect(await refusalOf(setCurrentConference({ actor: asActor(secretariat), input: { conferenceId: "no-such-conference" } }))).toMatchObject({
      code: "NOT_FOUND",
    });
    expect(await snapshot()).toEqual(before);
  });

  it("keeps at most one current conference at the database, whatever writes it", async () => {
    const a = await makeConference(db);
    await setCurrentConference({ actor: asActor(secretariat), input: { conferenceId: a.id } });
    const b = await makeConference(db);
    await expect(db.conference.update({ where: { id: b.id }, data: { isCurrent: true } })).rejects.toThrow();
  });

  it("is refused to every other role, a disabled secretariat and an anonymous visitor", async () => {
    const c = await makeConference(db);
    await expectOnlyRoleAllowed("SECRETARIAT", (actor) => setCurrentConference({ actor, input: { conferenceId: c.id } }));
  });
});

describe("closeConference", () => {
  it("closes a conference whose hearing has ended, audits it, and then refuses every change to it", async () => {
    const c = await makeConference(db);
    await makeHearing(c.id, "ENDED");
    const closed = await closeConference({ actor: asActor(secretariat), input: { conferenceId: c.id } });
    expect(closed.closedAt).toBeInstanceOf(Date);
    expect((await auditRowsFor(db, "Conference", c.id)).at(-1)).toMatchObject({ action: "closed" });
    const before = await snapshot();
    expect(await refusalOf(closeConference({ actor: asActor(secretariat), input: { conferenceId: c.id } }))).toMatchObject({
      messageKey: "conferences.CONFERENCE_CLOSED",
    });
    expect(await refusalOf(deleteConference({ actor: asActor(secretariat), input: { conferenceId: c.id } }))).toMatchObject({
      messageKey: "conferences.CONFERENCE_CLOSED",
    });
    expect(await snapshot()).toEqual(before);
  });

  it("closes a conference that never had a hearing", async () => {
    const c = await makeConference(db);
    expect((await closeConference({ actor: asActor(secretariat), input: { conferenceId: c.id } })).closedAt).not.toBeNull();
  });

  it("refuses while a hearing is scheduled or live, and changes nothing", async () => {
    for (const status of ["SCHEDULED", "LIVE"] as const) {
      const c = await makeConference(db);
      await makeHearing(c.id, "ENDED");
      await makeHearing(c.id, status);
      const before = await snapshot();
      expect(await refusalOf(closeConference({ actor: asActor(secretariat), input: { conferenceId: c.id } }))).toMatchObject({
        code: "CONFLICT",
        messageKey: "conferences.HEARING_NOT_ENDED",
      });
      expect(await snapshot()).toEqual(before);
    }
  });

  it("is refused to every other role, a disabled secretariat and an anonymous visitor", async () => {
    const c = await makeConference(db);
    await expectOnlyRoleAllowed("SECRETARIAT", (actor) => closeConference({ actor, input: { conferenceId: c.id } }));
  });
});

describe("deleteConference", () => {
  it("deletes a conference with its posts and audits what it held", async () => {
    const c = await makeConference(db);
    const post = await makePost(db, c.id);
    await deleteConference({ actor: asActor(secretariat), input: { conferenceId: c.id } });
    expect(await db.conference.findUnique({ where: { id: c.id } })).toBeNull();
    expect(await db.post.findUnique({ where: { id: post.id } })).toBeNull();
    const [row] = await auditRowsFor(db, "Conference", c.id).then((rows) => rows.filter((r) => r.action === "deleted"));
    expect(row?.before).toMatchObject({ slug: c.slug, postCodes: [post.code] });
  });

  it("refuses a conference with candidatures, with a hearing, or the current one, and loses nothing", async () => {
    const withCandidature = await makeConference(db);
    const post = await makePost(db, withCandidature.id);
    await makeCandidate(db, { conferenceId: withCandidature.id, postId: post.id, memberStateId: (await makeMemberState(db)).id });
    const withHearing = await makeConference(db);
    await makeHearing(withHearing.id, "SCHEDULED");
    const current = await makeConference(db);
    await setCurrentConference({ actor: asActor(secretariat), input: { conferenceId: current.id } });
    const before = { ...(await snapshot()), candidates: await db.candidate.count(), hearings: await db.hearing.count() };

    const refusals = await Promise.all(
      [withCandidature, withHearing, current].map((c) => refusalOf(deleteConference({ actor: asActor(secretariat), input: { conferenceId: c.id } }))),
    );
    expect(refusals.map((r) => r.messageKey)).toEqual(["conferences.HAS_CANDIDATURES", "conferences.HAS_HEARING", "conferences.IS_CURRENT"]);
    expect(refusals[0]).toMatchObject({ code: "CONFLICT", values: { count: 1 } });
    expect({ ...(await snapshot()), candidates: await db.candidate.count(), hearings: await db.hearing.count() }).toEqual(before);
  });

  it("is refused to every other role, a disabled secretariat and an anonymous visitor", async () => {
    const c = await makeConference(db);
    await expectOnlyRoleAllowed("SECRETARIAT", (actor) => deleteConference({ actor, input: { conferenceId: c.id } }));
  });
});

describe("the conference reads (lib/conferences/context)", () => {
  it("finds a conference by slug with its dates as calendar days, and lists the current one first", async () => {
    const older = await makeConference(db, { opensOn: "2014-10-20", closesOn: "2014-11-07" });
    const current = await makeConference(db, { opensOn: "2018-10-29", closesOn: "2018-11-16" });
    await setCurrentConference({ actor: asActor(secretariat), input: { conferenceId: current.id } });
    expect(await getConferenceBySlug(older.slug)).toEqual({
      id: older.id,
      slug: older.slug,
      name: older.name,
      city: "Geneva",
      opensOn: "2014-10-20",
      closesOn: "2014-11-07",
      timeZone: "Europe/Zurich",
      closedAt: null,
      isCurrent: false,
    });
    expect(await getConferenceBySlug("no-such-slug")).toBeNull();
    const all = await listConferences();
    expect(all[0]?.id).toBe(current.id);
    expect(all.findIndex((c) => c.id === older.id)).toBe(all.length - 1);
  });
});
