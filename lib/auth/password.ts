import { randomBytes, scrypt, timingSafeEqual, type ScryptOptions } from "node:crypto";
import { SIGN_IN_LIMITS } from "./limits";

// scrypt with OWASP's minimum for interactive logins (N=2^17, r=8, p=1), stored as
// `scrypt$N$r$p$salt$hash` so that parameters can be raised later without a migration.
const PARAMS = { N: 2 ** 17, r: 8, p: 1 } as const;
const KEY_LENGTH = 32;
const MAX_MEMORY = 256 * 1024 * 1024;

function derive(password: string, salt: Buffer, options: ScryptOptions): Promise<Buffer> {
  return new Promise((resolve, reject) => {
    scrypt(password.normalize("NFKC"), salt, KEY_LENGTH, { ...options, maxmem: MAX_MEMORY }, (err, key) => (err ? reject(err) : resolve(key)));
  });
}

// docs/decisions/022-sessions-and-sign-in-limits.md: each hash holds 128 MiB and a thread of
// the pool for ~0.4 s, so only a few run at once in this process; the rest wait their turn in
// a short queue, and a sign-in that finds the queue full is refused at once (HashingBusyError)
// instead of piling up behind a flood.
let running = 0;
const waiting: Array<() => void> = [];

/** The hashing queue is full: try again in a moment. */
export class HashingBusyError extends Error {
  constructor() {
    super("Password hashing is busy");
    this.name = "HashingBusyError";
  }
}

export async function inHashingSlot<T>(work: () => Promise<T>, maxWaiting: number): Promise<T> {
  if (running < SIGN_IN_LIMITS.hashConcurrency) {
    running++;
  } else {
    if (waiting.length >= maxWaiting) throw new HashingBusyError();
    // The slot is handed over by the one that finishes, so `running` stays as it is.
    await new Promise<void>((resolve) => waiting.push(resolve));
  }
  try {
    return await work();
  } finally {
    const next = waiting.shift();
    if (next) next();
    else running--;
  }
}

/** Hashes being computed and waiting, for tests and health. */
export function hashingLoad(): { running: number; waiting: number } {
  return { running, waiting: waiting.length };
}

export async function hashPassword(password: string): Promise<string> {
  const salt = randomBytes(16);
  // Setting a password is rare and already signed in or holding a link: it waits its turn.
  const key = await inHashingSlot(() => derive(password, salt, PARAMS), Number.POSITIVE_INFINITY);
  return ["scrypt", PARAMS.N, PARAMS.r, PARAMS.p, salt.toString("base64url"), key.toString("base64url")].join("$");
}

/**
 * Whether `password` matches `stored`. `whenBusy: "refuse"` (signing in) throws
 * HashingBusyError when the queue is full; "wait" (the default) always waits its turn.
 */
export async function verifyPassword(password: string, stored: string, opts: { whenBusy?: "wait" | "refuse" } = {}): Promise<boolean> {
  const [scheme, n, r, p, salt, hash] = stored.split("$");
  if (scheme !== "scrypt" || !n || !r || !p || !salt || !hash) return false;
  const expected = Buffer.from(hash, "base64url");
  const maxWaiting = opts.whenBusy === "refuse" ? SIGN_IN_LIMITS.hashQueue : Number.POSITIVE_INFINITY;
  const actual = await inHashingSlot(() => derive(password, Buffer.from(salt, "base64url"), { N: Number(n), r: Number(r), p: Number(p) }), maxWaiting);
  return actual.length === expected.length && timingSafeEqual(actual, expected);
}

/** A hash to compare against when the account does not exist, so timing does not tell. */
export const DUMMY_HASH = "scrypt$131072$8$1$AAAAAAAAAAAAAAAAAAAAAA$AAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAA";
