import { createHash, randomBytes } from "node:crypto";

/** A set-password link is valid for a week: long enough to reach someone travelling to the conference. */
export const SETUP_LINK_DAYS = 7;
const DAY_MS = 24 * 60 * 60 * 1000;

/** Only this digest is stored: a copy of the database does not give anyone a working link. */
export function hashSetupToken(token: string): string {
  return createHash("sha256").update(token, "utf8").digest("hex");
}

/** 32 random bytes (256 bits), base64url: safe in a URL path, impossible to guess. */
export function newSetupToken(now = new Date()): { token: string; tokenHash: string; expiresAt: Date } {
  const token = randomBytes(32).toString("base64url");
  return { token, tokenHash: hashSetupToken(token), expiresAt: new Date(now.getTime() + SETUP_LINK_DAYS * DAY_MS) };
}

/** Whether a stored link may still be used at `now`. */
export function isSetupTokenUsable(row: { expiresAt: Date; usedAt: Date | null }, now = new Date()): boolean {
  return row.usedAt === null && row.expiresAt.getTime() > now.getTime();
}
