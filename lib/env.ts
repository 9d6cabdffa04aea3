import "server-only";
import { z } from "zod";
import { trustedProxyHopsSchema } from "@/lib/net/client-address";
import { mediaOriginsSchema, muxUploadOriginSchema } from "@/lib/security/media-origins";
import { s3ConfigProblems } from "@/lib/config/s3-config";

// docs/conventions.md#server-only-and-the-environment: the environment is parsed once, here, and nowhere else.
const schema = z
  .object({
    NODE_ENV: z.enum(["development", "production", "test"]).default("development"),
    /** Set by Next: "phase-production-build" while `next build` runs, which serves nobody (the address is the server's, at start). */
    NEXT_PHASE: z.string().optional(),
    DATABASE_URL: z.url({ protocol: /^postgres(ql)?$/ }),
    /** A direct connection to the database (not through a transaction-mode pooler such as PgBouncer), for what needs a session of its own: LISTEN and the migrations' advisory lock. Unset: DATABASE_URL is direct (lib/db/urls.ts). */
    DIRECT_DATABASE_URL: z.url({ protocol: /^postgres(ql)?$/ }).optional(),
    AUTH_SECRET: z.string().min(32).optional(),
    /** The site's public address, e.g. https://hustings.example.org: session cookies are Secure and links in mail point there, and changes must come from it (lib/http/same-origin.ts). Required in production; http only on this machine (docs/decisions/027). */
    NEXTAUTH_URL: z.url().optional(),
    /** Seals the hearing's committed seed until the reveal (lib/draw/seal.ts): 32 bytes as 64 hex characters; unset, derived from AUTH_SECRET. Keep it until every committed seed is revealed (docs/decisions/014). */
    SEED_SEALING_KEY: z
      .string()
      .regex(/^[0-9a-fA-F]{64}$/, { error: "must be 64 hexadecimal characters (32 bytes)" })
      .optional(),
    /** Seals the accounts' TOTP secrets (lib/second-factor/totp-core.ts): 64 hex characters; unset, derived from AUTH_SECRET. Changing it disables every enrolled authenticator (docs/decisions/023-second-factor.md). */
    TOTP_SEALING_KEY: z
      .string()
      .regex(/^[0-9a-fA-F]{64}$/, { error: "must be 64 hexadecimal characters (32 bytes)" })
      .optional(),
    /** Uploaded files on local disk (never under public/), when no S3 store is configured. */
    STORAGE_DIR: z.string().min(1).default(".data/storage"),
    /** AWS S3 or any S3-compatible store, all or none: S3_BUCKET and S3_REGION, the rest optional (lib/config/s3-config.ts, docs/decisions/033-object-storage.md). */
    S3_BUCKET: z.string().min(1).optional(),
    S3_REGION: z.string().min(1).optional(),
    /** An S3-compatible store's address (MinIO, R2, Ceph…); unset, AWS's for the region. */
    S3_ENDPOINT: z.url({ protocol: /^https?$/ }).optional(),
    /** Together, or both unset for the SDK's default credential chain (AWS_* variables, web identity, instance metadata). */
    S3_ACCESS_KEY_ID: z.string().min(1).optional(),
    S3_SECRET_ACCESS_KEY: z.string().min(1).optional(),
    /** Temporary credentials' token, with the two above. */
    S3_SESSION_TOKEN: z.string().min(1).optional(),
    /** `endpoint/bucket/key` addressing; default on when S3_ENDPOINT is set, off for AWS. */
    S3_FORCE_PATH_STYLE: z.enum(["true", "false", "1", "0"]).optional(),
    /** Outgoing mail (forum digests and answers), e.g. smtps://user:pass@mail.example.org:465; none is sent without it. */
    SMTP_URL: z.url({ protocol: /^smtps?$/ }).optional(),
    /** The sender of that mail, e.g. "Hustings <no-reply@example.org>"; required with SMTP_URL. */
    MAIL_FROM: z.string().min(3).optional(),
    /** Mux (videos by direct upload); used when the three secrets are set. */
    MUX_TOKEN_ID: z.string().min(1).optional(),
    MUX_TOKEN_SECRET: z.string().min(1).optional(),
    MUX_WEBHOOK_SECRET: z.string().min(1).optional(),
    /** Mux's API; changed only by the tests, which point it at a local stand-in. */
    MUX_API_URL: z.url({ protocol: /^https?$/ }).default("https://api.mux.com"),
    /** Where Mux's direct uploads go (the signed URL's origin, Mux's storage): the uploader's connect-src when Mux is configured (docs/decisions/028-media-origins.md). */
    MUX_UPLOAD_ORIGIN: muxUploadOriginSchema,
    /** Comma-separated https origins from which external videos, webcasts and recordings may play, e.g. "https://stream.example.org,https://cdn.example.net"; unset, the demo's https://test-streams.mux.dev; empty, none. Every page's connect-src and media-src (docs/decisions/028-media-origins.md). */
    MEDIA_ORIGINS: mediaOriginsSchema,
    /** Members' single sign-on through an OpenID Connect provider; used when the three are set (docs/decisions/010). */
    OIDC_ISSUER: z.url({ protocol: /^https?$/ }).optional(),
    OIDC_CLIENT_ID: z.string().min(1).optional(),
    OIDC_CLIENT_SECRET: z.string().min(1).optional(),
    /** The provider's name on the sign-in button, e.g. "ITU Single Sign-On". */
    OIDC_NAME: z.string().trim().min(1).max(60).optional(),
    /** The elections secretariat's contact on the public contact page (lib/site/contact.ts); unset, the demo's made-up one, marked as such. */
    CONTACT_EMAIL: z.email().optional(),
    CONTACT_PHONE: z.string().trim().min(3).max(40).optional(),
    /** The postal address, its lines separated by "|" (e.g. "Elections secretariat|Place des Nations|1211 Geneva 20|Switzerland"). */
    CONTACT_ADDRESS: z.string().trim().min(3).max(400).optional(),
    /** Connections of each app instance's general pool (docs/decisions/019-database-capacity.md). */
    DATABASE_POOL_MAX: z.coerce.number().int().min(2).max(200).default(10),
    /** Connections each instance keeps for the chair's moves and the hearing's secretariat writes, which viewers cannot take. */
    DATABASE_RESERVED_POOL_MAX: z.coerce.number().int().min(1).max(50).default(3),
    /** Viewers' question transactions one instance runs at once; more are answered 503 at once instead of queueing for a connection. */
    QUESTION_ADMISSION_MAX: z.coerce.number().int().min(1).max(100).default(4),
    /** How long a viewer's question waits for its connection and transaction before the answer is "busy, try again" (ms, default 500). */
    QUESTION_TRANSACTION_WAIT_MS: z.coerce.number().int().min(100).max(30_000).default(500),
    /** How many proxies of ours stand in front of the app (0..5, default 0): the client's address is the socket's, or the one the outermost of them saw (server.ts, docs/decisions/024-client-address-and-server.md). */
    TRUSTED_PROXY_HOPS: trustedProxyHopsSchema,
    /** The bearer token a Prometheus scraper sends to /api/metrics (24+ characters); unset, there is no metrics page (docs/decisions/029-observability-and-shutdown.md). */
    METRICS_TOKEN: z.string().trim().min(24).optional(),
    /** The log's lowest level: fatal, error, warn, info (default), debug, trace or silent (lib/observability/logger.ts). */
    LOG_LEVEL: z.enum(["fatal", "error", "warn", "info", "debug", "trace", "silent"]).optional(),
    /** "json" (one JSON line per event) or "pretty" (for a person's terminal); unset, pretty only when stdout is a terminal (lib/observability/logger.ts). */
    LOG_FORMAT: z.enum(["json", "pretty"]).optional(),
    /** Test runs only: a folder where an end-to-end test holds one cached read (lib/cache/test-gate.ts). Never set in production. */
    PAGE_CACHE_TEST_GATES: z.string().min(1).optional(),
  })
  .superRefine((env, ctx) => {
    if (env.NODE_ENV === "production" && !env.AUTH_SECRET) {
      ctx.addIssue({ code: "custom", path: ["AUTH_SECRET"], message: "is required in production (32+ characters)" });
    }
    if (env.NODE_ENV === "production" && env.NEXT_PHASE !== "phase-production-build" && !env.NEXTAUTH_URL) {
      ctx.addIssue({
        code: "custom",
        path: ["NEXTAUTH_URL"],
        message: "is required in production: the site's public https address, e.g. https://hustings.example.org",
      });
    }
    if (env.NODE_ENV === "production" && env.NEXTAUTH_URL && !isAcceptableSiteUrl(env.NEXTAUTH_URL)) {
      ctx.addIssue({
        code: "custom",
        path: ["NEXTAUTH_URL"],
        message: "must be https (http only for 127.0.0.1, localhost or [::1], as the demo and the tests run)",
      });
    }
    if (env.SMTP_URL && !env.MAIL_FROM) {
      ctx.addIssue({ code: "custom", path: ["MAIL_FROM"], message: "is required when SMTP_URL is set" });
    }
    const oidc = [env.OIDC_ISSUER, env.OIDC_CLIENT_ID, env.OIDC_CLIENT_SECRET];
    if (oidc.some(Boolean) && !oidc.every(Boolean)) {
      ctx.addIssue({ code: "custom", path: ["OIDC_ISSUER"], message: "OIDC_ISSUER, OIDC_CLIENT_ID and OIDC_CLIENT_SECRET are set together or not at all" });
    }
    if (env.OIDC_NAME && !env.OIDC_ISSUER) {
      ctx.addIssue({ code: "custom", path: ["OIDC_NAME"], message: "is used only with OIDC_ISSUER" });
    }
    for (const problem of s3ConfigProblems(env)) ctx.addIssue({ code: "custom", path: [problem.variable], message: problem.message });
    if (env.OIDC_ISSUER && !isAcceptableIssuer(env.OIDC_ISSUER)) {
      ctx.addIssue({ code: "custom", path: ["OIDC_ISSUER"], message: "must be https (http only for localhost, in tests), with no query or fragment" });
    }
  });

export type Env = z.infer<typeof schema>;

const LOOPBACK = ["localhost", "127.0.0.1", "[::1]"];

/** The provider's tokens and sign-in page must not travel in clear, except to a provider on this machine. */
function isAcceptableIssuer(value: string): boolean {
  // Not a web address at all: z.url above already says so.
  if (!URL.canParse(value) || !/^https?:$/.test(new URL(value).protocol)) return true;
  const url = new URL(value);
  if (url.search || url.hash) return false;
  if (url.protocol === "https:") return true;
  return url.protocol === "http:" && LOOPBACK.includes(url.hostname);
}

/** Session cookies are Secure and links in mail safe only over https; plain http is for a server on this machine. */
function isAcceptableSiteUrl(value: string): boolean {
  // Not a web address at all: z.url above already says so.
  if (!URL.canParse(value)) return true;
  const url = new URL(value);
  if (url.protocol === "https:") return true;
  return url.protocol === "http:" && LOOPBACK.includes(url.hostname);
}

/** The rules above, for tests: `env()` reads process.env once and keeps the result. */
export function parseEnv(source: Record<string, string | undefined>) {
  return schema.safeParse(source);
}

let cached: Env | undefined;

export function env(): Env {
  if (cached) return cached;
  const parsed = schema.safeParse(process.env);
  if (!parsed.success) {
    const lines = parsed.error.issues.map((i) => `  ${i.path.join(".")}: ${i.message}`);
    throw new Error(`Invalid environment:\n${lines.join("\n")}`);
  }
  cached = parsed.data;
  return cached;
}
