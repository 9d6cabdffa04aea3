import { randomBytes } from "node:crypto";
import { hashPassword } from "@/lib/auth/password";

// A production-cost scrypt hash takes ~0.4 s and 128 MiB, and every test user needs one. The
// users a run makes share one random password, hashed once with the production parameters;
// the stored hash is a real one, so signing in still runs the real verification. "Once" is
// once per run where a global setup made it (the integration project's,
// tests/support/integration-global-setup.ts, passes it to every file's process in
// TEST_PASSWORD and TEST_PASSWORD_HASH: each file runs in a process of its own, and paid its
// own hash before), else once per process (a Playwright worker, a file run without it).

/** The password of every user this process's factories make. */
export const TEST_PASSWORD = (process.env.TEST_PASSWORD_HASH && process.env.TEST_PASSWORD) || randomBytes(9).toString("base64url");

const hashes = new Map<string, Promise<string>>();
if (process.env.TEST_PASSWORD_HASH && process.env.TEST_PASSWORD === TEST_PASSWORD) hashes.set(TEST_PASSWORD, Promise.resolve(process.env.TEST_PASSWORD_HASH));

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

/** The run's test password and its hash, for a global setup to hand to the processes it starts (as TEST_PASSWORD, TEST_PASSWORD_HASH). */
export async function runPasswordEnv(): Promise<{ TEST_PASSWORD: string; TEST_PASSWORD_HASH: string }> {
  return { TEST_PASSWORD, TEST_PASSWORD_HASH: await sharedPasswordHash(TEST_PASSWORD) };
}
