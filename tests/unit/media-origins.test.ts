import { describe, expect, it } from "vitest";
import { parseEnv } from "@/lib/env";
import { assertAllowedMediaAddress, playableHere } from "@/lib/materials/media-address";
import { baseSecurityHeaders, cachedPagePolicy, noncePolicy, publicPagePolicy } from "@/lib/security/headers";
import { allowedMediaOrigins, isAllowedMediaAddress, mediaHosts, mediaSources, storeOrigin } from "@/lib/security/media-origins";

// docs/decisions/028-media-origins.md: one list of media origins for every page's connect-src
// and media-src, and for the addresses people enter.

const MUX = { MUX_TOKEN_ID: "id", MUX_TOKEN_SECRET: "secret", MUX_WEBHOOK_SECRET: "hook" };

function directive(policy: string, name: string): string | undefined {
  return policy
    .split(";")
    .map((d) => d.trim())
    .find((d) => d.startsWith(`${name} `));
}

describe("the media sources", () => {
  it("are the demo's webcast host when nothing is configured, and none when MEDIA_ORIGINS is empty", () => {
    expect(mediaSources({})).toEqual(["https://test-streams.mux.dev"]);
    expect(mediaSources({ MEDIA_ORIGINS: "" })).toEqual([]);
    expect(mediaSources({ MEDIA_ORIGINS: " , " })).toEqual([]);
  });

  it("are the listed origins, normalised as a browser compares them, once each", () => {
    expect(mediaSources({ MEDIA_ORIGINS: "https://Stream.Example.org, https://cdn.example.net:8443/,https://stream.example.org" })).toEqual([
      "https://stream.example.org",
      "https://cdn.example.net:8443",
    ]);
  });

  it("add Mux's playback hosts and its upload storage only when Mux is configured", () => {
    expect(mediaSources({ ...MUX, MEDIA_ORIGINS: "https://stream.example.org" })).toEqual([
      "https://*.mux.com",
      "https://storage.googleapis.com",
      "https://stream.example.org",
    ]);
    expect(mediaSources({ ...MUX, MUX_UPLOAD_ORIGIN: "https://uploads.example.net", MEDIA_ORIGINS: "" })).toEqual([
      "https://*.mux.com",
      "https://uploads.example.net",
    ]);
    // Two of the three secrets are not Mux.
    expect(mediaSources({ MUX_TOKEN_ID: "id", MUX_TOKEN_SECRET: "secret", MEDIA_ORIGINS: "" })).toEqual([]);
  });

  it("add the tests' Mux stand-in, which takes the uploads, when it is the configured Mux", () => {
    expect(mediaSources({ ...MUX, MUX_API_URL: "http://127.0.0.1:41234", MEDIA_ORIGINS: "" })).toEqual([
      "https://*.mux.com",
      "https://storage.googleapis.com",
      "http://127.0.0.1:41234",
    ]);
    expect(mediaSources({ ...MUX, MUX_API_URL: "https://api.mux.com", MEDIA_ORIGINS: "" })).not.toContain("https://api.mux.com");
  });

  it("refuse anything but https origins, naming what is wrong", () => {
    for (const bad of [
      "http://stream.example.org",
      "https://stream.example.org/live",
      "https://*.example.org",
      "https://u:p@stream.example.org",
      "stream.example.org",
      "https://x.example.org?a=1",
    ]) {
      expect(() => allowedMediaOrigins({ MEDIA_ORIGINS: bad }), bad).toThrow(/MEDIA_ORIGINS/);
    }
    expect(() => mediaSources({ ...MUX, MUX_UPLOAD_ORIGIN: "http://storage.example" })).toThrow(/MUX_UPLOAD_ORIGIN/);
  });

  it("are validated with the rest of the environment", () => {
    const base = { DATABASE_URL: "postgresql://u@localhost/db" };
    const ok = parseEnv({ ...base, MEDIA_ORIGINS: "https://stream.example.org" });
    expect(ok.success && ok.data.MEDIA_ORIGINS).toEqual(["https://stream.example.org"]);
    const unset = parseEnv(base);
    expect(unset.success && [unset.data.MEDIA_ORIGINS, unset.data.MUX_UPLOAD_ORIGIN]).toEqual([
      ["https://test-streams.mux.dev"],
      "https://storage.googleapis.com",
    ]);
    const bad = parseEnv({ ...base, MEDIA_ORIGINS: "https://stream.example.org,http://plain.example.org" });
    expect(bad.success).toBe(false);
    expect(bad.error?.issues.map((i) => i.path[0])).toEqual(["MEDIA_ORIGINS"]);
  });
});

describe("the object store's origin, where a browser sends a video directly", () => {
  it("is the bucket's host on AWS, the endpoint with path style, and nothing without a store", () => {
    expect(storeOrigin({})).toBeNull();
    expect(storeOrigin({ S3_BUCKET: "videos", S3_REGION: "eu-west-3" })).toBe("https://videos.s3.eu-west-3.amazonaws.com");
    expect(storeOrigin({ S3_BUCKET: "videos", S3_REGION: "eu-west-3", S3_FORCE_PATH_STYLE: "true" })).toBe("https://s3.eu-west-3.amazonaws.com");
    expect(storeOrigin({ S3_BUCKET: "videos", S3_REGION: "us-east-1", S3_ENDPOINT: "http://127.0.0.1:9000/" })).toBe("http://127.0.0.1:9000");
    expect(storeOrigin({ S3_BUCKET: "videos", S3_REGION: "auto", S3_ENDPOINT: "https://store.example.org", S3_FORCE_PATH_STYLE: "false" })).toBe(
      "https://videos.store.example.org",
    );
    // A partial configuration stops the server at start (lib/env.ts); here it names no store.
    expect(storeOrigin({ S3_BUCKET: "videos" })).toBeNull();
  });

  it("is among the media sources, so every page's connect-src names it", () => {
    expect(mediaSources({ S3_BUCKET: "videos", S3_REGION: "eu-west-3", MEDIA_ORIGINS: "" })).toEqual(["https://videos.s3.eu-west-3.amazonaws.com"]);
  });
});

describe("every page's policy", () => {
  const media = ["https://*.mux.com", "https://stream.example.org"];

  it("connects and loads media only from this origin and the media sources, never any https origin", () => {
    for (const policy of [cachedPagePolicy(true, media), publicPagePolicy(["'sha256-abc='"], true, media), noncePolicy("bm9uY2U=", true, media)]) {
      expect(directive(policy, "connect-src")).toBe("connect-src 'self' https://*.mux.com https://stream.example.org");
      expect(directive(policy, "media-src")).toBe("media-src 'self' blob: https://*.mux.com https://stream.example.org");
      expect(policy).not.toMatch(/(^|\s)https:(\s|;|$)/);
    }
  });

  it("connects to this origin alone when there are no media sources", () => {
    expect(directive(publicPagePolicy([], true, []), "connect-src")).toBe("connect-src 'self'");
    expect(directive(noncePolicy("bm9uY2U=", true, []), "media-src")).toBe("media-src 'self' blob:");
  });

  it("reads the running server's environment when not told", () => {
    const before = process.env.MEDIA_ORIGINS;
    try {
      process.env.MEDIA_ORIGINS = "https://one.example.org";
      expect(directive(publicPagePolicy([], true), "connect-src")).toBe("connect-src 'self' https://one.example.org");
      process.env.MEDIA_ORIGINS = "https://two.example.org";
      expect(directive(noncePolicy("bm9uY2U=", true), "connect-src")).toBe("connect-src 'self' https://two.example.org");
      const header = baseSecurityHeaders(true).find((h) => h.key === "Content-Security-Policy");
      expect(header && directive(header.value, "connect-src")).toBe("connect-src 'self' https://two.example.org");
    } finally {
      if (before === undefined) delete process.env.MEDIA_ORIGINS;
      else process.env.MEDIA_ORIGINS = before;
    }
  });
});

describe("an entered address", () => {
  const allowed = ["https://stream.example.org", "https://cdn.example.net:8443"];

  it("is taken on an allowed origin only, port and scheme included", () => {
    expect(isAllowedMediaAddress("https://stream.example.org/live/master.m3u8", allowed)).toBe(true);
    expect(isAllowedMediaAddress("https://STREAM.example.org/a.mp4", allowed)).toBe(true);
    expect(isAllowedMediaAddress("https://cdn.example.net:8443/a.mp4", allowed)).toBe(true);
    expect(isAllowedMediaAddress("https://cdn.example.net/a.mp4", allowed)).toBe(false);
    expect(isAllowedMediaAddress("https://stream.example.org.evil.example/a.mp4", allowed)).toBe(false);
    expect(isAllowedMediaAddress("https://evil.example/https://stream.example.org/a.mp4", allowed)).toBe(false);
    expect(isAllowedMediaAddress("not an address", allowed)).toBe(false);
  });

  it("on another origin is refused with the allowed hosts named, on its field", () => {
    expect(mediaHosts(allowed)).toBe("stream.example.org, cdn.example.net:8443");
    expect(() => assertAllowedMediaAddress("https://stream.example.org/a.m3u8", "url", allowed)).not.toThrow();
    expect(() => assertAllowedMediaAddress("https://elsewhere.example/a.m3u8", "url", allowed)).toThrow(
      expect.objectContaining({
        code: "INVALID_INPUT",
        messageKey: "mediaOrigins.notAllowed",
        values: { hosts: "stream.example.org, cdn.example.net:8443" },
        fieldErrors: { url: "mediaOrigins.notAllowedField" },
      }),
    );
    expect(() => assertAllowedMediaAddress("https://elsewhere.example/a.m3u8", "webcastSource", [])).toThrow(
      expect.objectContaining({ messageKey: "mediaOrigins.noneAllowed", fieldErrors: { webcastSource: "mediaOrigins.notAllowedField" } }),
    );
  });

  it("saved before the list changed is not played, and the page is told its host", () => {
    const external = { kind: "src", src: "https://old.example.org:8080/a.m3u8", external: true, stream: "hls" } as const;
    expect(playableHere(external, allowed)).toEqual({ kind: "refused", host: "old.example.org:8080" });
    expect(playableHere({ ...external, src: "https://stream.example.org/a.m3u8" }, allowed)).toMatchObject({ kind: "src" });
    // This site's own files and Mux's playback ids are not external addresses.
    expect(playableHere({ kind: "src", src: "/api/files/abc.mp4", external: false, stream: "progressive" }, [])).toMatchObject({ kind: "src" });
    expect(playableHere({ kind: "mux", playbackId: "abc" }, [])).toEqual({ kind: "mux", playbackId: "abc" });
    expect(playableHere(null, [])).toBeNull();
  });
});
