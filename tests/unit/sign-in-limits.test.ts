import { describe, expect, it } from "vitest";
import { pairDelayMs, SIGN_IN_LIMITS } from "@/lib/auth/limits";
import { HashingBusyError, hashingLoad, inHashingSlot } from "@/lib/auth/password";
import { encodeSignInRefusal, parseSignInRefusal, signInRefusalFor } from "@/lib/sign-in/refusal";

// docs/decisions/022-sessions-and-sign-in-limits.md
const now = new Date("2030-10-27T10:00:00Z");
const ago = (ms: number) => new Date(now.getTime() - ms);

describe("the wait after failures of one account from one address", () => {
  const wait = (count: number, lastAgoMs = 0, accountUnderAttack = false) =>
    pairDelayMs({ count, lastAt: count ? ago(lastAgoMs) : null }, { accountUnderAttack, now });

  it("is nothing for the first free failures", () => {
    for (let count = 0; count < SIGN_IN_LIMITS.freeFailuresPerPair; count++) expect(wait(count)).toBe(0);
  });

  it("is 1 s, 2 s, 4 s, 8 s … after the latest failure, then capped", () => {
    const free = SIGN_IN_LIMITS.freeFailuresPerPair;
    expect([0, 1, 2, 3].map((extra) => wait(free + extra))).toEqual([1_000, 2_000, 4_000, 8_000]);
    expect(wait(free + 30)).toBe(SIGN_IN_LIMITS.maxDelayMs);
    expect(wait(free + 10_000)).toBe(SIGN_IN_LIMITS.maxDelayMs);
  });

  it("counts from the latest failure: what is left, then nothing", () => {
    const free = SIGN_IN_LIMITS.freeFailuresPerPair;
    expect(wait(free + 2, 1_500)).toBe(2_500);
    expect(wait(free + 2, 4_000)).toBe(0);
    expect(wait(free + 2, 60_000)).toBe(0);
  });

  it("has no free failures while the account is under attack: 1 s from the first one", () => {
    expect(wait(0, 0, true)).toBe(0);
    expect(wait(1, 0, true)).toBe(1_000);
    expect(wait(2, 0, true)).toBe(2_000);
  });
});

describe("the hashing slots", () => {
  function deferred() {
    let resolve!: () => void;
    const promise = new Promise<void>((r) => (resolve = r));
    return { promise, resolve };
  }

  it("run a few hashes at once, queue a few more, and refuse beyond at once", async () => {
    const gates = Array.from({ length: SIGN_IN_LIMITS.hashConcurrency + SIGN_IN_LIMITS.hashQueue }, deferred);
    const started: number[] = [];
    const all = gates.map((gate, i) =>
      inHashingSlot(async () => {
        started.push(i);
        await gate.promise;
        return i;
      }, SIGN_IN_LIMITS.hashQueue),
    );
    await Promise.resolve();
    expect(hashingLoad()).toEqual({ running: SIGN_IN_LIMITS.hashConcurrency, waiting: SIGN_IN_LIMITS.hashQueue });
    expect(started).toEqual(Array.from({ length: SIGN_IN_LIMITS.hashConcurrency }, (_, i) => i));
    await expect(inHashingSlot(async () => -1, SIGN_IN_LIMITS.hashQueue)).rejects.toBeInstanceOf(HashingBusyError);
    // Waiting without a bound (setting a password) is still queued.
    const patient = inHashingSlot(async () => "patient", Number.POSITIVE_INFINITY);
    for (const gate of gates) gate.resolve();
    expect(await Promise.all(all)).toEqual(gates.map((_, i) => i));
    expect(await patient).toBe("patient");
    expect(hashingLoad()).toEqual({ running: 0, waiting: 0 });
  });

  it("frees the slot when the work fails", async () => {
    await expect(inHashingSlot(() => Promise.reject(new Error("boom")), 0)).rejects.toThrow("boom");
    expect(hashingLoad()).toEqual({ running: 0, waiting: 0 });
  });
});

describe("a refusal on its way to the sign-in form", () => {
  it("keeps its kind and its wait, and nothing else is taken for one", () => {
    for (const refusal of [
      signInRefusalFor("signInLimits.wait", 4),
      signInRefusalFor("signInLimits.addressLimited", 600),
      signInRefusalFor("signInLimits.busy", 1),
    ]) {
      expect(parseSignInRefusal(encodeSignInRefusal(refusal))).toEqual(refusal);
    }
    expect(parseSignInRefusal("CredentialsSignin")).toBeNull();
    expect(parseSignInRefusal("RATE_LIMITED:other:3")).toBeNull();
    expect(parseSignInRefusal(undefined)).toBeNull();
  });
});
