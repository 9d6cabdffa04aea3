import { randomBytes } from "node:crypto";
import { hashPassword } from "@/lib/auth/password";

// A production-cost scrypt hash takes ~0.4 s and 128 MiB, and every test user needs one. The
// users a test process makes share one random password, hashed once per process (a Vitest or
// Playwright worker) with the production parameters; the stored hash is a real one, so signing
// in still runs the real verification.

/** The password of every user this process's factories make. */
export const TEST_PASSWORD = randomBytes(9).toString("base64url");

const hashes = new Map<string, Promise<string>>();

/** The hash of `password`, computed at most once per process. */
export function sharedPasswordHash(password: string): Promise<string> {
  let hash = hashes.get(password);
  if (!hash) {
    hash = hashPassword(password);
    // A failed hash must not be remembered: the next caller tries again.
    hash.catch(() => hashes.delete(password));
    hashes.set(password, hash);
  }
  return hash;
}
