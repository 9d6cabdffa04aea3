import pg from "pg";
import { afterAll, afterEach, beforeAll, describe, expect, it } from "vitest";
import { InvalidationBus } from "@/lib/cache/invalidation-bus.mjs";
import type { Invalidation } from "@/lib/cache/invalidations.mjs";
import { GAP_TAG, SharedTagStore } from "@/lib/cache/shared-tags.mjs";
import { judgeByTags } from "@/lib/cache/tag-store.mjs";
import { createEmptyTestDatabase, type TestDatabase } from "../support/database";

// Two instances' page-cache invalidations over a real PostgreSQL (docs/decisions/030-cache-across-instances.md):
// what one NOTIFYs the other hears; a LISTEN connection that is lost is replaced, and what was
// cached before it is back is expired; what is invalidated while the sender's own connection
// is down goes out when it is back.

let database: TestDatabase;
const buses: InvalidationBus[] = [];

beforeAll(async () => {
  database = await createEmptyTestDatabase();
});
afterEach(async () => {
  await Promise.all(buses.splice(0).map((bus) => bus.close()));
});
afterAll(async () => {
  await database.drop();
});

const clock = () => performance.timeOrigin + performance.now();

/** An instance's bus and tags, with what it heard. */
function instance(options: { publishWaitMs?: number } = {}) {
  const heard: Invalidation[] = [];
  let listenings = 0;
  const bus: InvalidationBus = new InvalidationBus({
    connectionString: database.url,
    onInvalidation: async (invalidation) => {
      heard.push(invalidation);
      await tags.receive(invalidation);
    },
    onListening: () => {
      listenings += 1;
      tags.listening();
    },
    probeEveryMs: 200,
    probeTimeoutMs: 500,
    ...options,
  });
  const tags = new SharedTagStore({ publish: (invalidation) => bus.publish(invalidation), now: clock });
  buses.push(bus);
  bus.start();
  return { bus, tags, heard, listenings: () => listenings };
}

async function terminate(pid: number | null) {
  expect(pid).not.toBeNull();
  const client = new pg.Client({ connectionString: database.url });
  await client.connect();
  try {
    await client.query("SELECT pg_terminate_backend($1)", [pid]);
  } finally {
    await client.end();
  }
}

describe("the page cache's invalidations between two instances", () => {
  it("reach the other instance, not the sender again", async () => {
    const a = instance();
    const b = instance();
    await expect.poll(() => a.bus.listening && b.bus.listening).toBe(true);

    await a.tags.invalidate(["forum:c1", "forums"], clock(), 0, true);
    await expect.poll(() => b.heard).toEqual([{ tags: ["forum:c1", "forums"], swr: true, expireSeconds: 0 }]);
    expect(a.heard).toEqual([]);
    const states = await b.tags.read(["forum:c1"]);
    expect(judgeByTags(states, clock() - 5_000, clock())).toBe("expired");
  });

  it("after a lost LISTEN connection: reconnected, and what was cached before is expired", async () => {
    const b = instance();
    await expect.poll(() => b.bus.listening).toBe(true);
    const cachedBefore = clock();
    await terminate(b.bus.backendPid);
    await expect.poll(() => b.listenings(), { timeout: 5_000 }).toBe(2);
    expect(b.bus.listening).toBe(true);
    const states = await b.tags.read(["anything"]);
    expect(states.has(GAP_TAG)).toBe(true);
    expect(judgeByTags(states, cachedBefore, clock())).toBe("expired");
    expect(judgeByTags(states, clock(), clock() + 1)).toBe("fresh");
  });

  it("sent once the sender's own connection is back, when it was down at the change", async () => {
    // A sender that would wait a minute for its message to go out, were it waiting at all.
    const a = instance({ publishWaitMs: 60_000 });
    const b = instance();
    await expect.poll(() => a.bus.listening && b.bus.listening).toBe(true);
    await terminate(a.bus.backendPid);
    await expect.poll(() => a.bus.listening).toBe(false);
    // Not held up while it cannot be sent: this returns, well within the test's own time limit.
    await a.tags.invalidate(["posts"], clock());
    await expect.poll(() => b.heard, { timeout: 5_000 }).toEqual([{ tags: ["posts"], swr: false }]);
  });
});
