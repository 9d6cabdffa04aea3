import { createServer, type Server } from "node:http";
import type { AddressInfo } from "node:net";
import { afterAll, describe, expect, it } from "vitest";
import { DEFAULT_SHARED_CACHE, limitSharedCacheControl, limitSharedCaching, sharedCachePolicy } from "@/lib/http/shared-cache";

const POLICY = { sMaxAge: 5, staleWhileRevalidate: 60 };

describe("what shared caches may keep", () => {
  it("shortens Next's year-long s-maxage of a page and lets a busy page refresh in the background", () => {
    expect(limitSharedCacheControl("s-maxage=31536000", POLICY)).toBe("public, max-age=0, s-maxage=5, stale-while-revalidate=60");
    expect(limitSharedCacheControl("s-maxage=31536000, stale-while-revalidate=31535999", POLICY)).toBe(
      "public, max-age=0, s-maxage=5, stale-while-revalidate=60",
    );
    // A shorter bound of the page's own is kept, for either directive (the hearing's live state keeps its two seconds).
    expect(limitSharedCacheControl("s-maxage=2, stale-while-revalidate=100", POLICY)).toBe("public, max-age=0, s-maxage=2, stale-while-revalidate=60");
    expect(limitSharedCacheControl("public, max-age=0, s-maxage=1, stale-while-revalidate=2", POLICY)).toBe(
      "public, max-age=0, s-maxage=1, stale-while-revalidate=2",
    );
  });

  it("leaves private, no-store and browser-only headers as they are", () => {
    for (const value of [
      "private, no-cache, no-store, max-age=0, must-revalidate",
      "no-store",
      "private, no-store",
      "public, max-age=60",
      "public, max-age=31536000, immutable",
      "private, s-maxage=100",
    ]) {
      expect(limitSharedCacheControl(value, POLICY), value).toBe(value);
    }
  });

  it("reads its bounds from the environment, refusing what is not a number of seconds", () => {
    expect(sharedCachePolicy({})).toEqual(DEFAULT_SHARED_CACHE);
    expect(sharedCachePolicy({ CDN_S_MAXAGE: "30", CDN_STALE_WHILE_REVALIDATE: "0" })).toEqual({ sMaxAge: 30, staleWhileRevalidate: 0 });
    for (const bad of ["-1", "1.5", "ten", "99999"]) expect(() => sharedCachePolicy({ CDN_S_MAXAGE: bad }), bad).toThrow(/CDN_S_MAXAGE/);
  });
});

describe("limitSharedCaching on a real response", () => {
  const servers: Server[] = [];
  afterAll(() => Promise.all(servers.map((s) => new Promise((resolve) => s.close(resolve)))));

  async function serve(handler: Parameters<typeof createServer>[1]): Promise<string> {
    const server = createServer((req, res) => {
      limitSharedCaching(res, POLICY);
      handler?.(req, res);
    });
    servers.push(server);
    await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
    return `http://127.0.0.1:${(server.address() as AddressInfo).port}/`;
  }

  it("rewrites a header set by setHeader or given to writeHead, and nothing else", async () => {
    const bySet = await serve((_req, res) => {
      res.setHeader("Cache-Control", "s-maxage=31536000");
      res.setHeader("X-Other", "s-maxage=31536000");
      res.end("page");
    });
    const set = await fetch(bySet);
    expect(set.headers.get("cache-control")).toBe("public, max-age=0, s-maxage=5, stale-while-revalidate=60");
    expect(set.headers.get("x-other")).toBe("s-maxage=31536000");

    const byHead = await serve((_req, res) => {
      res.writeHead(200, "OK", { "cache-control": "s-maxage=31536000, stale-while-revalidate=1" });
      res.end("page");
    });
    expect((await fetch(byHead)).headers.get("cache-control")).toBe("public, max-age=0, s-maxage=5, stale-while-revalidate=1");

    const privatePage = await serve((_req, res) => {
      res.writeHead(200, { "Cache-Control": "private, no-cache, no-store, max-age=0, must-revalidate" });
      res.end("mine");
    });
    expect((await fetch(privatePage)).headers.get("cache-control")).toBe("private, no-cache, no-store, max-age=0, must-revalidate");
  });
});
