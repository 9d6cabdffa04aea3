import "server-only";
import { z } from "zod";

// STYLE.md 7: the environment is parsed once, here, and nowhere else.
const schema = z
  .object({
    NODE_ENV: z.enum(["development", "production", "test"]).default("development"),
    DATABASE_URL: z.url({ protocol: /^postgres(ql)?$/ }),
    AUTH_SECRET: z.string().min(32).optional(),
    NEXTAUTH_URL: z.url().optional(),
    /** Default conference shown by the public pages. */
    HUSTINGS_CONFERENCE: z.string().min(1).default("pp-18"),
    /** Uploaded files on local disk (never under public/), when no S3 store is configured. */
    STORAGE_DIR: z.string().min(1).default(".data/storage"),
    /** Any S3-compatible store; used when all five are set. */
    S3_ENDPOINT: z.url().optional(),
    S3_BUCKET: z.string().min(1).optional(),
    S3_ACCESS_KEY_ID: z.string().min(1).optional(),
    S3_SECRET_ACCESS_KEY: z.string().min(1).optional(),
    S3_REGION: z.string().min(1).optional(),
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
  })
  .superRefine((env, ctx) => {
    if (env.NODE_ENV === "production" && !env.AUTH_SECRET) {
      ctx.addIssue({ code: "custom", path: ["AUTH_SECRET"], message: "is required in production (32+ characters)" });
    }
    if (env.SMTP_URL && !env.MAIL_FROM) {
      ctx.addIssue({ code: "custom", path: ["MAIL_FROM"], message: "is required when SMTP_URL is set" });
    }
  });

export type Env = z.infer<typeof schema>;

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
