import { z } from "zod";
import { s3ConfigOf } from "../config/s3-config";

// Where a page's video player may connect (docs/decisions/028-media-origins.md): this origin,
// Mux's hosts when Mux is configured, and the origins the operator lists in MEDIA_ORIGINS, from
// which candidates' external videos and hearings' webcasts and recordings may be played. The
// same list is the Content Security Policy's connect-src and media-src on every page and the
// rule an entered address must meet. Plain Node, no Next: server.ts builds public pages' policy
// with it outside Next, and lib/env.ts validates the same variables with these schemas.

/** The demo's webcast and recording (prisma/demo/live.ts, prisma/demo/pp18.ts): the list when MEDIA_ORIGINS is not set. */
export const DEFAULT_MEDIA_ORIGINS = ["https://test-streams.mux.dev"] as const;

/** Where a Mux direct upload's signed URL points (Mux's storage, on Google Cloud Storage), unless MUX_UPLOAD_ORIGIN says otherwise. */
export const DEFAULT_MUX_UPLOAD_ORIGIN = "https://storage.googleapis.com";

/** Mux's playback hosts: stream.mux.com, its segment hosts and image.mux.com (storyboards, posters). No litix: Mux Data is off. */
export const MUX_PLAYBACK_SOURCE = "https://*.mux.com";

const DEFAULT_MUX_API_URL = "https://api.mux.com";

/** `https://host[:port]` exactly: no path, query, credentials or wildcard; lower-cased as a browser compares it. */
function asOrigin(text: string): string | null {
  if (!URL.canParse(text)) return null;
  const url = new URL(text);
  if (url.protocol !== "https:" || !url.hostname || url.username || url.password || url.search || url.hash) return null;
  if (url.pathname !== "/" || !/^https:\/\/[^/]+\/?$/i.test(text)) return null;
  // A host name or an address: no wildcard, which a policy would read as one but an entered address never matches.
  if (!/^([a-z0-9-]+\.)*[a-z0-9-]+$|^\[[0-9a-f:.]+\]$/i.test(url.hostname)) return null;
  return url.origin;
}

const originSchema = z.string().transform((text, ctx) => {
  const origin = asOrigin(text.trim());
  if (!origin) {
    ctx.addIssue({ code: "custom", message: `"${text.trim()}" is not an https origin (https://host or https://host:port, nothing after it)` });
    return z.NEVER;
  }
  return origin;
});

/** MEDIA_ORIGINS: comma-separated https origins; unset, the demo's; empty, none. */
export const mediaOriginsSchema = z
  .string()
  .optional()
  .transform((value) =>
    value === undefined
      ? [...DEFAULT_MEDIA_ORIGINS]
      : value
          .split(",")
          .map((part) => part.trim())
          .filter(Boolean),
  )
  .pipe(z.array(originSchema))
  .transform((origins) => [...new Set(origins)]);

/** MUX_UPLOAD_ORIGIN: one https origin. */
export const muxUploadOriginSchema = z
  .string()
  .optional()
  .transform((value) => value?.trim() || DEFAULT_MUX_UPLOAD_ORIGIN)
  .pipe(originSchema);

/** The variables read here, from process.env or a test's own record. */
export type MediaEnv = Record<string, string | undefined>;

/** The origins entered addresses may point to (MEDIA_ORIGINS, or the default); throws on a malformed value. */
export function allowedMediaOrigins(source: MediaEnv = process.env): string[] {
  const parsed = mediaOriginsSchema.safeParse(source.MEDIA_ORIGINS);
  if (!parsed.success) throw new Error(`MEDIA_ORIGINS: ${parsed.error.issues.map((i) => i.message).join("; ")}`);
  return parsed.data;
}

/** Mux is configured when its three secrets are (lib/mux/config.ts says the same). */
function muxConfigured(source: MediaEnv): boolean {
  return Boolean(source.MUX_TOKEN_ID && source.MUX_TOKEN_SECRET && source.MUX_WEBHOOK_SECRET);
}

/**
 * The sources a page's player and uploader connect to, besides 'self': with Mux, its playback
 * hosts and its upload storage (and, when MUX_API_URL points elsewhere than Mux, as in the
 * tests' stand-in, that origin, which then takes the uploads); then MEDIA_ORIGINS. Read from
 * the environment of the running server, so that a build serves the list its server is given.
 */
export function mediaSources(source: MediaEnv = process.env): string[] {
  const sources: string[] = [];
  if (muxConfigured(source)) {
    sources.push(MUX_PLAYBACK_SOURCE);
    const upload = muxUploadOriginSchema.safeParse(source.MUX_UPLOAD_ORIGIN);
    if (!upload.success) throw new Error(`MUX_UPLOAD_ORIGIN: ${upload.error.issues.map((i) => i.message).join("; ")}`);
    sources.push(upload.data);
    const api = source.MUX_API_URL?.trim() || DEFAULT_MUX_API_URL;
    if (URL.canParse(api) && new URL(api).origin !== DEFAULT_MUX_API_URL) sources.push(new URL(api).origin);
  }
  const store = storeOrigin(source);
  if (store) sources.push(store);
  sources.push(...allowedMediaOrigins(source));
  return [...new Set(sources)];
}

/**
 * Where a browser sends a video by a signed address when the files are in an object store
 * (docs/decisions/033-object-storage.md): the store's origin as the SDK addresses the bucket
 * (path style: the endpoint; else the bucket's own host name). Null without a store, or with a
 * partial configuration, which stops the server at start anyway (lib/env.ts).
 */
export function storeOrigin(source: MediaEnv): string | null {
  let config: ReturnType<typeof s3ConfigOf>;
  try {
    config = s3ConfigOf(source);
  } catch {
    return null;
  }
  if (!config) return null;
  const endpoint = config.endpoint && URL.canParse(config.endpoint) ? new URL(config.endpoint) : new URL(`https://s3.${config.region}.amazonaws.com`);
  return config.forcePathStyle ? endpoint.origin : `${endpoint.protocol}//${config.bucket}.${endpoint.host}`;
}

let memo: { key: string; sources: string[] } | undefined;

/** mediaSources for process.env, computed again only when one of its variables changes. */
export function currentMediaSources(): string[] {
  const e = process.env;
  const key = [
    e.MEDIA_ORIGINS,
    e.MUX_UPLOAD_ORIGIN,
    e.MUX_TOKEN_ID,
    e.MUX_TOKEN_SECRET,
    e.MUX_WEBHOOK_SECRET,
    e.MUX_API_URL,
    e.S3_BUCKET,
    e.S3_REGION,
    e.S3_ENDPOINT,
    e.S3_FORCE_PATH_STYLE,
  ]
    .map((v) => v ?? "\u0000")
    .join("\u0001");
  if (memo?.key !== key) memo = { key, sources: mediaSources(e) };
  return memo.sources;
}

/** The origin of an address, as a browser would compare it, or null when it has none. */
export function originOf(address: string): string | null {
  if (!URL.canParse(address)) return null;
  const url = new URL(address);
  return url.protocol === "https:" || url.protocol === "http:" ? url.origin : null;
}

/** Is `address` on one of `allowed` (origins as allowedMediaOrigins gives them)? */
export function isAllowedMediaAddress(address: string, allowed: readonly string[]): boolean {
  const origin = originOf(address);
  return origin !== null && allowed.includes(origin);
}

/** The hosts of `allowed`, for a message (`test-streams.mux.dev, video.example.org:8443`). */
export function mediaHosts(allowed: readonly string[]): string {
  return allowed.map((origin) => new URL(origin).host).join(", ");
}
