import { describe, expect, it } from "vitest";
import type { Invalidation } from "@/lib/cache/invalidations.mjs";
import { MAX_PAYLOAD_BYTES, coalesce, decode, encode } from "@/lib/cache/invalidations.mjs";
import type { EntryStore, StoredEntry } from "@/lib/cache/file-system-store.mjs";
import { createPageCacheHandler } from "@/lib/cache/page-cache-handler.mjs";
import { SharedTagStore } from "@/lib/cache/shared-tags.mjs";

// The page cache across instances (docs/decisions/030-cache-across-instances.md): the messages
// an invalidation travels in, and how an instance applies what it hears and what it missed.

const expireNow = (...tags: string[]): Invalidation => ({ tags, swr: false });

describe("an invalidation's messages", () => {
  it("read back as they were sent, with who sent them", () => {
    const sent: Invalidation[] = [expireNow("forum:c1", "forums"), { tags: ["posts"], swr: true, expireSeconds: 300 }];
    const heard = encode("instance-a", sent).map((payload) => decode(payload));
    expect(heard).toEqual([
      { from: "instance-a", invalidations: [expireNow("forum:c1", "forums")] },
      { from: "instance-a", invalidations: [{ tags: ["posts"], swr: true, expireSeconds: 300 }] },
    ]);
  });

  it("merge what piled up, each tag once per kind", () => {
    expect(coalesce([expireNow("forum:c1", "forums"), expireNow("forum:c2", "forums"), { tags: ["posts"], swr: true }])).toEqual([
      expireNow("forum:c1", "forums", "forum:c2"),
      { tags: ["posts"], swr: true },
    ]);
    expect(encode("a", [expireNow("forums"), expireNow("forums")])).toHaveLength(1);
  });

  it("are split to stay under PostgreSQL's NOTIFY limit, losing no tag", () => {
    // Next caps a tag at 256 characters; a change rarely names more than a few.
    const tags = Array.from({ length: 200 }, (_, i) => `${"candidate:".padEnd(240, "x")}${i}`);
    const payloads = encode("instance-a", [expireNow(...tags)]);
    expect(payloads.length).toBeGreaterThan(1);
    for (const payload of payloads) expect(Buffer.byteLength(payload)).toBeLessThanOrEqual(MAX_PAYLOAD_BYTES);
    expect(payloads.flatMap((payload) => decode(payload)?.invalidations[0]?.tags ?? [])).toEqual(tags);
  });

  it("ignore whatever is not one of them", () => {
    for (const stray of [
      "",
      "hello",
      "{}",
      '{"v":2,"from":"a","swr":false,"tags":[]}',
      '{"v":1,"from":"a","swr":false,"tags":[1]}',
      '{"v":1,"from":"a","swr":false,"tags":[],"expire":-1}',
    ])
      expect(decode(stray)).toBeNull();
  });
});

class MapStore implements EntryStore {
  entries = new Map<string, StoredEntry>();
  async get(key: string) {
    return this.entries.get(key) ?? null;
  }
  async set(key: string, entry: StoredEntry) {
    this.entries.set(key, entry);
  }
}

const PAGE = { kind: "APP_PAGE", isRoutePPREnabled: false, isFallback: false };
const page = (html: string) => ({ kind: "APP_PAGE", html, headers: { "x-next-cache-tags": "forum:c1,_N_T_/en/candidates/c1" } });

/** One instance: its own entries, clock and tags; what it publishes is kept for the test to deliver. */
function instance(clockStart: number) {
  let clock = clockStart;
  const published: Invalidation[] = [];
  const tags = new SharedTagStore({ publish: (invalidation) => void published.push(invalidation), now: () => clock });
  const Handler = createPageCacheHandler({ storage: () => ({ store: new MapStore(), tags }), now: () => clock, request: () => undefined });
  return {
    cache: new Handler({}),
    tags,
    published,
    later: (ms = 5) => (clock += ms),
    /** Renders and stores the page: a miss, then a store. */
    async render(html: string) {
      expect(await this.cache.get("/en/candidates/c1", PAGE)).toBeNull();
      clock += 5;
      await this.cache.set("/en/candidates/c1", page(html), PAGE);
      clock += 5;
    },
    served: async () => ((await new Handler({}).get("/en/candidates/c1", PAGE))?.value as { html?: string } | undefined)?.html ?? null,
  };
}

describe("an instance that hears another's invalidations", () => {
  it("expires its own entries as of the moment it hears, whatever the sender's clock says", async () => {
    // B's clock is an hour behind A's: nothing compares them.
    const a = instance(10_000_000);
    const b = instance(10_000_000 - 3_600_000);
    await b.render("without the question");
    expect(await b.served()).toBe("without the question");

    await a.tags.invalidate(["forum:c1"], 10_000_100);
    expect(a.published).toEqual([expireNow("forum:c1")]);
    b.later(50);
    for (const invalidation of a.published) await b.tags.receive(invalidation);
    b.later();
    expect(await b.served()).toBeNull();

    await b.render("with the question");
    expect(await b.served()).toBe("with the question");
  });

  it("keeps an entry whose generation began after it heard", async () => {
    const b = instance(5_000_000);
    await b.tags.receive(expireNow("forum:c1"));
    b.later();
    await b.render("with the question");
    expect(await b.served()).toBe("with the question");
  });

  it("publishes what it invalidates itself, and is not told it again", async () => {
    const a = instance(1_000_000);
    await a.cache.revalidateTag(["forum:c1", "forums"], { expire: 0 });
    expect(a.published).toEqual([{ tags: ["forum:c1", "forums"], swr: true, expireSeconds: 0 }]);
  });
});

describe("an instance that could not hear for a while", () => {
  it("serves what it has before it first listens, and regenerates all of it once it does", async () => {
    const b = instance(2_000_000);
    await b.render("rendered before listening");
    expect(await b.served()).toBe("rendered before listening");
    b.tags.listening();
    b.later();
    expect(await b.served()).toBeNull();
    await b.render("rendered while listening");
    expect(await b.served()).toBe("rendered while listening");
  });

  it("expires what was generated before it listens again, changed elsewhere or not", async () => {
    const b = instance(3_000_000);
    b.tags.listening();
    b.later();
    await b.render("rendered before the connection was lost");
    // The connection is lost: another instance's change goes unheard. It is back:
    b.later(1_000);
    b.tags.listening();
    b.later();
    expect(await b.served()).toBeNull();
  });
});
