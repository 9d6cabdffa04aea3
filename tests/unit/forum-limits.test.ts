import { describe, expect, it } from "vitest";
import { retryAfterSeconds } from "@/lib/abuse/rate-limit";
import { FORUM_RATE_LIMITS } from "@/lib/forum/limits";
import { MAIL_RETRY, retryDelayMs } from "@/lib/mail/retry";

const limit = { max: 3, windowMs: 10 * 60_000 };
const now = new Date("2030-01-01T12:00:00Z");
const ago = (ms: number) => new Date(now.getTime() - ms);

describe("forum rate limits", () => {
  it("let a question through while fewer than the maximum were counted in the window", () => {
    expect(retryAfterSeconds(limit, [], now)).toBeNull();
    expect(retryAfterSeconds(limit, [ago(1000), ago(2000)], now)).toBeNull();
  });

  it("say to wait until the oldest counted question leaves the window", () => {
    // The oldest of the three was 4 minutes ago: the window of 10 frees a place in 6 minutes.
    expect(retryAfterSeconds(limit, [ago(60_000), ago(240_000), ago(120_000)], now)).toBe(360);
  });

  it("round the wait up to a whole second and never say zero", () => {
    expect(retryAfterSeconds(limit, [ago(1), ago(2), ago(limit.windowMs - 1500)], now)).toBe(2);
    expect(retryAfterSeconds(limit, [ago(1), ago(2), ago(limit.windowMs)], now)).toBe(1);
  });

  it("are generous enough for people and tight enough for scripts", () => {
    // A person asking several candidates in a hearing's run-up; a script fills this at once.
    expect(FORUM_RATE_LIMITS.perAddress.max / (FORUM_RATE_LIMITS.perAddress.windowMs / 60_000)).toBeLessThanOrEqual(1);
    expect(FORUM_RATE_LIMITS.perAddress.max).toBeGreaterThanOrEqual(3);
    // A flood ceiling per forum well above one room's pace.
    expect(FORUM_RATE_LIMITS.perCandidate.max).toBeGreaterThan(FORUM_RATE_LIMITS.perAddress.max);
  });
});

describe("outbox retries", () => {
  it("back off exponentially from one minute, capped", () => {
    expect([1, 2, 3, 4].map(retryDelayMs)).toEqual([60_000, 120_000, 240_000, 480_000]);
    expect(retryDelayMs(30)).toBe(MAIL_RETRY.maxDelayMs);
  });

  it("give up only after hours of trying, so that an outage of an afternoon loses nothing", () => {
    let total = 0;
    for (let attempt = 1; attempt < MAIL_RETRY.maxAttempts; attempt++) total += retryDelayMs(attempt);
    expect(total).toBeGreaterThan(6 * 3_600_000);
  });
});
