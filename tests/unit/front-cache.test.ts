import { describe, expect, it } from "vitest";
import { chooseEncoding, DEFAULT_FRONT_CACHE_MB, frontCacheBytes } from "@/lib/http/front-cache";

// The front cache's choices that depend on a header's text alone; what it answers, and to
// whom, is tested through a running server (tests/e2e/front-cache.spec.ts).

describe("the front cache", () => {
  it("answers in Brotli, else gzip, to whoever accepts it, and the page as is otherwise", () => {
    expect(chooseEncoding("gzip, deflate, br, zstd")).toBe("br");
    expect(chooseEncoding("gzip")).toBe("gzip");
    expect(chooseEncoding("br;q=0, gzip;q=0.5")).toBe("gzip");
    expect(chooseEncoding("gzip;q=0")).toBe("identity");
    expect(chooseEncoding("deflate")).toBe("identity");
    expect(chooseEncoding(undefined)).toBe("identity");
    expect(chooseEncoding("")).toBe("identity");
  });

  it("takes its size from FRONT_CACHE_MB, 0 turning it off, and refuses anything else at start", () => {
    expect(frontCacheBytes({})).toBe(DEFAULT_FRONT_CACHE_MB * 1024 * 1024);
    expect(frontCacheBytes({ FRONT_CACHE_MB: "0" })).toBe(0);
    expect(frontCacheBytes({ FRONT_CACHE_MB: " 8 " })).toBe(8 * 1024 * 1024);
    for (const value of ["-1", "1.5", "lots", "5000"]) expect(() => frontCacheBytes({ FRONT_CACHE_MB: value })).toThrow(/FRONT_CACHE_MB/);
  });
});
