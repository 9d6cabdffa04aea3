// The ingest's limit per captioner key (docs/decisions/040-captions.md): a token bucket in this
// instance's memory. A captioner sends a line every second or two; a runaway client (a loop, a
// replay of a whole file at once) is slowed before it fills the table or the viewers' screens.
// Behind several instances a key's allowance is theirs each: a captioner talks to one at a time
// through its keep-alive connection, and the bound is on damage, not on a fair share.

export type BucketLimit = { capacity: number; refillPerSecond: number };

/** 30 requests at once, then 5 a second: a burst of a reconnecting client's backlog, never a flood. */
export const INGEST_LIMIT: BucketLimit = { capacity: 30, refillPerSecond: 5 };

const MAX_KEYS = 10_000;

export class KeyRateLimiter {
  private readonly buckets = new Map<string, { tokens: number; at: number }>();

  constructor(private readonly limit: BucketLimit = INGEST_LIMIT) {}

  /** Takes one request's token for `key`: null when allowed, else the seconds to wait. */
  take(key: string, nowMs = performance.now()): number | null {
    const { capacity, refillPerSecond } = this.limit;
    const bucket = this.buckets.get(key) ?? { tokens: capacity, at: nowMs };
    bucket.tokens = Math.min(capacity, bucket.tokens + ((nowMs - bucket.at) / 1000) * refillPerSecond);
    bucket.at = nowMs;
    if (this.buckets.size >= MAX_KEYS && !this.buckets.has(key)) this.buckets.clear();
    this.buckets.set(key, bucket);
    if (bucket.tokens >= 1) {
      bucket.tokens -= 1;
      return null;
    }
    return Math.max(1, Math.ceil((1 - bucket.tokens) / refillPerSecond));
  }
}

const holder = globalThis as unknown as { hustingsCaptionLimiter?: KeyRateLimiter };

export function ingestLimiter(): KeyRateLimiter {
  holder.hustingsCaptionLimiter ??= new KeyRateLimiter();
  return holder.hustingsCaptionLimiter;
}
