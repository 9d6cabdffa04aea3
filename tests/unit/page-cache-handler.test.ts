import { mkdtempSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { describe, expect, it, vi } from "vitest";
import { workAsyncStorage } from "next/dist/server/app-render/work-async-storage.external";
import FileSystemCache from "next/dist/server/lib/incremental-cache/file-system-cache";
import { nodeFs } from "next/dist/server/lib/node-fs-methods";
import type { EntryStore, StoredEntry } from "@/lib/cache/file-system-store.mjs";
import { FileSystemStore } from "@/lib/cache/file-system-store.mjs";
import { MAX_GENERATION_MS } from "@/lib/cache/generations.mjs";
import { createPageCacheHandler } from "@/lib/cache/page-cache-handler.mjs";
import { MemoryTagStore } from "@/lib/cache/tag-store.mjs";

// Next's server provides this global before its async contexts are first created.
vi.hoisted(() => {
  Object.assign(globalThis, { AsyncLocalStorage: process.getBuiltinModule("node:async_hooks").AsyncLocalStorage });
});

// The stale-render race (docs/decisions/013-page-cache.md): a render that began before a
// change, read the old data, and was stored after the change's tag invalidation.

class MapStore implements EntryStore {
  entries = new Map<string, StoredEntry>();
  async get(key: string) {
    return this.entries.get(key) ?? null;
  }
  async set(key: string, entry: StoredEntry) {
    this.entries.set(key, entry);
  }
}

function world() {
  let clock = 1_000_000;
  let request: object | undefined;
  const store = new MapStore();
  const Handler = createPageCacheHandler({
    storage: () => ({ store, tags: new MemoryTagStore() }),
    now: () => clock,
    request: () => request,
  });
  return {
    cache: new Handler({}),
    store,
    later: (ms = 5) => (clock += ms),
    now: () => clock,
    inRequest: (r: object | undefined) => (request = r),
  };
}

const PAGE = { kind: "APP_PAGE", isRoutePPREnabled: false, isFallback: false };
const page = (html: string, tags = ["forum:c1", "_N_T_/en/candidates/c1"]) => ({
  kind: "APP_PAGE",
  html,
  headers: { "x-next-cache-tags": tags.join(",") },
});
const READ = { kind: "FETCH", tags: ["forum:c1"], softTags: ["_N_T_/en/candidates/c1"] };
const STORE_READ = { fetchCache: true, tags: ["forum:c1"] };
const read = (body: unknown) => ({ kind: "FETCH", data: { headers: {}, body: JSON.stringify(body), status: 200, url: "" }, revalidate: 31_536_000 });

describe("a page whose render straddles a change", () => {
  it("is not served as fresh when the render began before the change's invalidation and was stored after it", async () => {
    const { cache, later } = world();
    expect(await cache.get("/en/candidates/c1", PAGE)).toBeNull(); // the miss that starts the render
    later();
    await cache.revalidateTag(["forum:c1"]); // a question is published (updateTag)
    later();
    await cache.set("/en/candidates/c1", page("without the new question"), PAGE);
    later();
    expect(await cache.get("/en/candidates/c1", PAGE)).toBeNull();
  });

  it("is served when its render began after the invalidation, stamped with the render's beginning", async () => {
    const { cache, later } = world();
    await cache.revalidateTag(["forum:c1"]);
    const began = later();
    expect(await cache.get("/en/candidates/c1", PAGE)).toBeNull();
    later();
    const value = page("with the new question");
    await cache.set("/en/candidates/c1", value, PAGE);
    later();
    expect(await cache.get("/en/candidates/c1", PAGE)).toEqual({ value, lastModified: began, cacheControl: undefined });
  });

  it("is never stored as fresh when two renders of it overlap the invalidation, whichever finishes first", async () => {
    for (const order of [
      ["early", "late"],
      ["late", "early"],
    ]) {
      const { cache, later } = world();
      await cache.get("/en/posts/sg", PAGE); // the early render begins, before the change
      later();
      await cache.revalidateTag(["forum:c1"]);
      later();
      await cache.get("/en/posts/sg", PAGE); // a late render begins after it (a prefetch of a missing page)
      for (const render of order) {
        later();
        await cache.set("/en/posts/sg", page(render), PAGE);
        later();
        // The early render's result is stale; the late one's may be too (one extra render).
        if (render === "early") expect(await cache.get("/en/posts/sg", PAGE)).toBeNull();
      }
    }
  });

  it("stamps each of two renders in turn with its own beginning", async () => {
    const { cache, later } = world();
    await cache.get("/en/posts/sg", PAGE);
    later();
    await cache.set("/en/posts/sg", page("first"), PAGE);
    later();
    await cache.revalidateTag(["forum:c1"]);
    const began = later();
    expect(await cache.get("/en/posts/sg", PAGE)).toBeNull();
    later();
    await cache.set("/en/posts/sg", page("second"), PAGE);
    expect((await cache.get("/en/posts/sg", PAGE))?.lastModified).toBe(began);
  });

  it("forgets a render that never stored after a minute, so it does not hold later stamps back", async () => {
    const { cache, later, now } = world();
    await cache.get("/en/posts/sg", PAGE); // a render that fails and never stores
    later(MAX_GENERATION_MS + 1);
    await cache.revalidateTag(["forum:c1"]);
    const began = later();
    await cache.get("/en/posts/sg", PAGE);
    later();
    await cache.set("/en/posts/sg", page("fresh"), PAGE);
    expect((await cache.get("/en/posts/sg", PAGE))?.lastModified).toBe(began);
    expect(now()).toBeGreaterThan(began);
  });
});

describe("a cached read (unstable_cache) inside a request", () => {
  it("is not served as fresh when it began before the invalidation and was stored after it", async () => {
    const { cache, later, inRequest } = world();
    inRequest({ requestStartTime: 1 });
    expect(await cache.get("forum-page-c1-1", READ)).toBeNull();
    later();
    await cache.revalidateTag("forum:c1");
    later();
    await cache.set("forum-page-c1-1", read({ items: [] }), STORE_READ);
    inRequest({ requestStartTime: 2 });
    later();
    expect(await cache.get("forum-page-c1-1", READ)).toBeNull();
  });

  it("pairs the store with its own request's read, not another request's", async () => {
    const { cache, later, inRequest } = world();
    const first = { requestStartTime: later() };
    inRequest(first);
    await cache.get("forum-counts", READ); // began before the change
    later();
    await cache.revalidateTag("forum:c1");
    const second = { requestStartTime: later() };
    inRequest(second);
    const secondBegan = later();
    await cache.get("forum-counts", READ); // began after it
    later();
    await cache.set("forum-counts", read({ received: 1 }), STORE_READ); // the second stores first
    inRequest(first);
    later();
    await cache.set("forum-counts", read({ received: 0 }), STORE_READ); // then the first: stale
    inRequest({ requestStartTime: later() });
    expect(await cache.get("forum-counts", READ)).toBeNull();
    inRequest(second);
    await cache.set("forum-counts", read({ received: 1 }), STORE_READ); // its read is used up: its start
    inRequest({ requestStartTime: later() });
    expect((await cache.get("forum-counts", READ))?.lastModified).toBe(second.requestStartTime);
    expect(second.requestStartTime).toBeLessThan(secondBegan);
  });

  it("finds the request through Next's own async context", async () => {
    const { store, later } = world();
    let clock = 5_000;
    const Handler = createPageCacheHandler({ storage: () => ({ store, tags: new MemoryTagStore() }), now: () => clock });
    const cache = new Handler({});
    const request = { requestStartTime: 4_000 } as unknown as Parameters<typeof workAsyncStorage.run>[0];
    await workAsyncStorage.run(request, async () => {
      await cache.get("forum-window-c1", READ);
      clock += 10;
      await cache.revalidateTag("forum:c1");
      clock += 10;
      await cache.set("forum-window-c1", read({ open: true }), STORE_READ);
    });
    later();
    expect(store.entries.get("forum-window-c1")?.stamp).toBe(5_000);
  });
});

describe("stale-while-revalidate (revalidateTag with a profile)", () => {
  it("serves the stale entry once and counts its regeneration from that read", async () => {
    const { cache, later } = world();
    await cache.get("/en/candidates/c1", PAGE);
    const first = page("before");
    await cache.set("/en/candidates/c1", first, PAGE);
    later();
    await cache.revalidateTag(["forum:c1"], { expire: 31_536_000 });
    const staleRead = later();
    expect((await cache.get("/en/candidates/c1", PAGE))?.value).toBe(first);
    later();
    await cache.revalidateTag(["forum:c1"], { expire: 31_536_000 }); // another change meanwhile
    later();
    await cache.set("/en/candidates/c1", page("regenerated"), PAGE);
    expect((await cache.get("/en/candidates/c1", PAGE))?.lastModified).toBe(staleRead);
  });

  it("keeps the age of a previous entry that Next stores again after a failed regeneration", async () => {
    const { cache, later } = world();
    const began = later();
    await cache.get("/en/candidates/c1", PAGE);
    const first = page("before");
    await cache.set("/en/candidates/c1", first, PAGE);
    later();
    await cache.revalidateTag(["forum:c1"], { expire: 31_536_000 });
    later();
    const stale = await cache.get("/en/candidates/c1", PAGE);
    later();
    await cache.set("/en/candidates/c1", stale?.value, { ...PAGE, cacheControl: { revalidate: 3 } });
    expect((await cache.get("/en/candidates/c1", PAGE))?.lastModified).toBe(began);
  });
});

describe("the storage of one instance", () => {
  const context = () => ({
    fs: nodeFs,
    serverDistDir: path.join(mkdtempSync(path.join(tmpdir(), "page-cache-")), "server"),
    flushToDisk: false,
    revalidatedTags: [],
    maxMemoryCacheSize: 10_000_000,
    _requestHeaders: {},
  });

  it("is Next's own file-system cache, which on its own keeps the straddling render as fresh", async () => {
    const files = new FileSystemCache(context());
    const ctx = { kind: "FETCH", tags: ["race:next"], softTags: [] } as never;
    expect(await files.get("race-next", ctx)).toBeNull(); // the render begins
    await files.revalidateTag(["race:next"]);
    await files.set("race-next", read("old") as never, { fetchCache: true, tags: ["race:next"] } as never);
    // Next compares the invalidation with the time of the STORE: the old result counts as fresh.
    expect((await files.get("race-next", ctx))?.value).toEqual(read("old"));
  });

  it("keeps the stamp beside Next's entry, not the time it was written", async () => {
    const store = new FileSystemStore(context());
    const ctx = { kind: "FETCH", tags: ["stamp"], softTags: [] };
    await store.set("stamped", { value: read("x"), stamp: 42 }, { fetchCache: true, tags: ["stamp"] });
    expect(await store.get("stamped", ctx)).toMatchObject({ value: read("x"), stamp: 42 });
  });
});
