import { createHash, randomBytes } from "node:crypto";

// The asker's private link to follow their question (docs/decisions/049-forum-support-and-follow.md):
// 24 random bytes (192 bits) in base64url, shown once and mailed once; only its sha256 is kept
// (ForumQuestion.followTokenHash). Looking a token up by its hash compares nothing secret in
// the application: the database finds the hash or does not.

export function newFollowToken(): string {
  return randomBytes(24).toString("base64url");
}

export function followTokenHash(token: string): string {
  return createHash("sha256").update(token, "utf8").digest("hex");
}

/** What a follow address may carry: a token this site made (or a demo's, as long), nothing else reaches the database. */
const TOKEN = /^[A-Za-z0-9_-]{32,64}$/;

export function isFollowToken(value: unknown): value is string {
  return typeof value === "string" && TOKEN.test(value);
}

/** The follow page's path, without the locale. */
export function followPath(token: string): string {
  return `/follow/${token}`;
}
