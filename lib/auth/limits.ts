// Sign-in limits (docs/decisions/022-sessions-and-sign-in-limits.md). Failures are counted per
// (account, address) and per address, never per account alone: a correct password from an
// address that has not failed is never refused because others failed.
export const SIGN_IN_LIMITS = {
  /** How far back failures count. */
  windowMs: 15 * 60 * 1000,
  /** Failures of one account from one address before each next attempt must wait. */
  freeFailuresPerPair: 3,
  /** The first wait, doubled after each further failure, up to the cap. */
  firstDelayMs: 1_000,
  maxDelayMs: 5 * 60 * 1000,
  /**
   * Once an account has this many failures in the window, from any addresses, the addresses
   * that failed for it get no free failures more: their waits start at their first failure.
   * Addresses that did not fail for it are not affected.
   */
  accountUnderAttack: 10,
  /** Failures from one address, across accounts, before it is refused until some age out. */
  perAddress: 30,
  /** Password hashes computed at once in this process (each takes 128 MiB and ~0.4 s). */
  hashConcurrency: 2,
  /** Sign-ins allowed to wait for a hashing slot; beyond, refused as busy. */
  hashQueue: 8,
  /** Sessions last eight hours from sign-in (the cookie's and the UserSession row's lifetime). */
  sessionMaxAgeSeconds: 8 * 60 * 60,
} as const;

export type PairFailures = {
  /** Failures of this account from this address in the window, since its last success. */
  count: number;
  /** When the latest of them happened. */
  lastAt: Date | null;
};

/**
 * How long (ms) the next attempt for this account from this address must still wait: 0 while
 * it has failed fewer than the free number of times, then 1 s, 2 s, 4 s … after the latest
 * failure, capped.
 */
export function pairDelayMs(failures: PairFailures, opts: { accountUnderAttack: boolean; now: Date }, limits = SIGN_IN_LIMITS): number {
  const free = opts.accountUnderAttack ? 0 : limits.freeFailuresPerPair;
  if (failures.count === 0 || failures.count < free || !failures.lastAt) return 0;
  const doublings = failures.count - Math.max(free, 1);
  // 2^20 s is far past any cap; stop there so the arithmetic stays exact.
  const delay = Math.min(limits.firstDelayMs * 2 ** Math.min(doublings, 20), limits.maxDelayMs);
  return Math.max(0, failures.lastAt.getTime() + delay - opts.now.getTime());
}
