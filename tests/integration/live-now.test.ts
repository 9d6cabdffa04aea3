import { beforeAll, describe, expect, it } from "vitest";
import { createDb, type PrismaClient } from "@/lib/db/client";
import { getLiveHearings, LIVE_TTL_MS, readLiveHearings } from "@/lib/hearings/live-now";
import { withAppDatabase } from "../support/app-database";
import { makeHearingConference } from "../support/factories-hearing";

// The hearings the site-wide "Live now" banner names (docs/hearing-page.md): live ones only,
// never a rehearsal, the current conference's first. This file's database is its own, so the
// lists below are exactly its hearings.

const database = withAppDatabase();
let db: PrismaClient;

async function hearing(data: { status: "SCHEDULED" | "LIVE" | "ENDED"; rehearsal?: boolean; conference?: { id: string; name: string }; startedAt?: string }) {
  const conference = data.conference ?? (await makeHearingConference(db));
  const made = await db.hearing.create({
    data: {
      conferenceId: conference.id,
      startsAt: new Date("2030-10-27T05:30:00Z"),
      presentationMinutes: 15,
      qaMinutes: 15,
      questionsPerCandidate: 3,
      status: data.status,
      rehearsal: data.rehearsal ?? false,
      startedAt: data.startedAt ? new Date(data.startedAt) : null,
    },
    select: { id: true },
  });
  return { hearingId: made.id, conferenceName: conference.name };
}

beforeAll(() => {
  db = createDb(database.url());
});

describe("the live hearings for the banner", () => {
  it("lists only hearings that are live and not rehearsals, the current conference's first, then the one started last", async () => {
    await hearing({ status: "SCHEDULED" });
    await hearing({ status: "ENDED" });
    const currentConference = await makeHearingConference(db, { isCurrent: true });
    await hearing({ status: "LIVE", rehearsal: true });
    await hearing({ status: "LIVE", rehearsal: true, conference: currentConference });
    const earlier = await hearing({ status: "LIVE", startedAt: "2030-10-27T05:30:00Z" });
    const later = await hearing({ status: "LIVE", startedAt: "2030-10-27T06:00:00Z" });
    const current = await hearing({ status: "LIVE", conference: currentConference, startedAt: "2030-10-27T05:00:00Z" });

    expect(await readLiveHearings()).toEqual([
      { ...current, isCurrent: true },
      { ...later, isCurrent: false },
      { ...earlier, isCurrent: false },
    ]);
  });

  it("is read once per interval however many ask, then read afresh", async () => {
    const start = Date.now() + 60 * LIVE_TTL_MS;
    const before = await getLiveHearings(start);
    const late = await hearing({ status: "LIVE", startedAt: "2030-10-27T07:00:00Z" });

    expect(await getLiveHearings(start + LIVE_TTL_MS - 1)).toEqual(before);
    const after = await getLiveHearings(start + LIVE_TTL_MS);
    expect(after.map((h) => h.hearingId)).toContain(late.hearingId);
    await db.hearing.update({ where: { id: late.hearingId }, data: { status: "ENDED" } });
  });
});
