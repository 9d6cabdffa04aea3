import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createDb, type PrismaClient } from "@/lib/db/client";
import { classifyInfrastructureError } from "@/lib/errors/infrastructure";
import { LiveBus } from "@/lib/hearings/live-bus";
import { publishChange, readHearingEvents, readPublicState } from "@/lib/hearings/live-state";
import { readStateAnswer, stateEtag } from "@/lib/hearings/state-endpoint";
import { matchesIfNoneMatch } from "@/lib/http/etag";
import { withAppDatabase } from "../support/app-database";
import { makeReadyHearing } from "../support/factories-live";

// Where the state endpoint's answers come from (lib/hearings/state-endpoint.ts,
// docs/decisions/035-state-endpoint-and-50k-viewers.md): the first ask reads the database and
// has the bus watch the hearing; later asks, changes included, come from the bus's memory; an
// unknown hearing is watched by no one; a read that fails or hangs is an infrastructure failure
// (the route's 503). Headers and the route's answers are tests/e2e/live-state-endpoint.spec.ts's.

const database = withAppDatabase();
let db: PrismaClient;
const closers: Array<() => Promise<unknown>> = [];

beforeAll(async () => {
  db = createDb(database.url());
});

afterAll(async () => {
  for (const close of closers.reverse()) await close().catch(() => undefined);
  await db.$disconnect();
});

async function busWithCountedReads() {
  const bus = new LiveBus({ connectionString: database.url(), readEvents: (hearingId, after, upTo) => readHearingEvents(db, hearingId, after, upTo) });
  closers.push(() => bus.close());
  await bus.ready();
  const reads = { count: 0 };
  const read = (hearingId: string) => {
    reads.count += 1;
    return readPublicState(db, hearingId);
  };
  return { bus, reads, read };
}

describe("the state endpoint's answers", () => {
  it("reads the database until the bus watches the hearing, then answers from memory, changes included", async () => {
    const { hearingId } = await makeReadyHearing(db);
    const { bus, reads, read } = await busWithCountedReads();
    const first = await readStateAnswer(hearingId, { bus, read });
    expect(first).toMatchObject({ found: true, version: 0, etag: 'W/"v0"' });
    expect(bus.subscriberCount(hearingId)).toBe(1);
    // Once watched, one more read fills the memory; from then on nothing is read per ask.
    await readStateAnswer(hearingId, { bus, read });
    const readsWhenWatched = reads.count;
    for (let i = 0; i < 10; i++) await readStateAnswer(hearingId, { bus, read });
    expect(reads.count).toBe(readsWhenWatched);

    await db.$transaction((tx) => publishChange(tx, hearingId, "test-change", new Date()));
    await expect.poll(async () => ((await readStateAnswer(hearingId, { bus, read })) as { version?: number }).version).toBe(1);
    expect(reads.count).toBe(readsWhenWatched);
    const answer = await readStateAnswer(hearingId, { bus, read });
    if (!answer.found) throw new Error("the hearing vanished");
    const body = JSON.parse(answer.body) as Record<string, unknown>;
    expect(body).toMatchObject({ hearingId, version: 1, change: "snapshot" });
    // Stamped when answered, for the viewer's clock offset.
    expect(Date.parse(String(body.serverTime))).toBeGreaterThan(Date.now() - 2_000);
    // Asking keeps one watch, not one per ask.
    expect(bus.subscriberCount(hearingId)).toBe(1);
  });

  it("does not watch a hearing that does not exist, nor read an id that cannot be one", async () => {
    const { bus, reads, read } = await busWithCountedReads();
    expect(await readStateAnswer("no-such-hearing-0000", { bus, read })).toEqual({ found: false });
    expect(bus.subscriberCount("no-such-hearing-0000")).toBe(0);
    expect(reads.count).toBe(1);
    expect(await readStateAnswer("not a hearing!", { bus, read })).toEqual({ found: false });
    expect(reads.count).toBe(1);
  });

  it("reports a read that fails or does not answer in time as the database being unavailable or busy", async () => {
    const { bus } = await busWithCountedReads();
    const refused = Object.assign(new Error("connect ECONNREFUSED 127.0.0.1:1"), { code: "ECONNREFUSED" });
    const failed = await readStateAnswer("hearing-failing-0000", { bus, read: () => Promise.reject(refused) }).catch((error: unknown) => error);
    expect(classifyInfrastructureError(failed)).toMatchObject({ kind: "unavailable" });
    const hung = await readStateAnswer("hearing-hanging-0000", { bus, read: () => new Promise(() => undefined), timeoutMs: 50 }).catch(
      (error: unknown) => error,
    );
    expect(classifyInfrastructureError(hung)).toMatchObject({ kind: "overloaded", retryAfterSeconds: 2 });
  });
});

describe("the state's validator", () => {
  it("is weak, one per version, and matched as RFC 9110 says (weak comparison, lists, *)", () => {
    expect(stateEtag(12)).toBe('W/"v12"');
    expect(matchesIfNoneMatch('W/"v12"', stateEtag(12))).toBe(true);
    expect(matchesIfNoneMatch('"v12"', stateEtag(12))).toBe(true);
    expect(matchesIfNoneMatch('W/"v11", W/"v12"', stateEtag(12))).toBe(true);
    expect(matchesIfNoneMatch("*", stateEtag(12))).toBe(true);
    expect(matchesIfNoneMatch('W/"v1"', stateEtag(12))).toBe(false);
    expect(matchesIfNoneMatch('W/"v120"', stateEtag(12))).toBe(false);
    expect(matchesIfNoneMatch(null, stateEtag(12))).toBe(false);
  });
});
