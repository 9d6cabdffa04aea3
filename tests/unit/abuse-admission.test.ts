import { describe, expect, it } from "vitest";
import { createAdmission } from "@/lib/abuse/admission";
import { RecentKeys, RecentTimes } from "@/lib/abuse/recent";
import { ServiceBusyError } from "@/lib/errors/infrastructure";

function deferred() {
  let resolve!: () => void;
  const promise = new Promise<void>((r) => (resolve = r));
  return { promise, resolve };
}

describe("admission limit", () => {
  it("runs at most `concurrent` at once, lets `waiting` more wait their turn, and refuses the rest at once", async () => {
    const admission = createAdmission({ concurrent: 2, waiting: 1, maxWaitMs: 5_000, what: "tests" });
    const gate = deferred();
    const started: number[] = [];
    const work = (n: number) => admission.run(async () => (started.push(n), await gate.promise, n));
    const runs = [work(1), work(2), work(3)];
    await Promise.resolve();
    expect(started).toEqual([1, 2]);
    expect(admission.load()).toEqual({ running: 2, waiting: 1 });
    await expect(work(4)).rejects.toBeInstanceOf(ServiceBusyError);
    gate.resolve();
    expect(await Promise.all(runs)).toEqual([1, 2, 3]);
    expect(started).toEqual([1, 2, 3]);
    expect(admission.load()).toEqual({ running: 0, waiting: 0 });
  });

  it("refuses one who waited too long, and frees the turn of one whose work failed", async () => {
    const admission = createAdmission({ concurrent: 1, waiting: 5, maxWaitMs: 20, what: "tests" });
    const gate = deferred();
    const first = admission.run(() => gate.promise);
    await expect(admission.run(async () => "late")).rejects.toBeInstanceOf(ServiceBusyError);
    gate.resolve();
    await first;
    await expect(admission.run(async () => Promise.reject(new Error("boom")))).rejects.toThrow("boom");
    expect(await admission.run(async () => "free again")).toBe("free again");
  });
});

describe("recent acceptances", () => {
  const now = new Date("2030-01-01T12:00:00Z");
  const ago = (ms: number) => new Date(now.getTime() - ms);

  it("give the times of a key within a window, and forget what is older than they keep", () => {
    const times = new RecentTimes(10 * 60_000);
    times.add("a", ago(11 * 60_000));
    times.add("a", ago(5 * 60_000));
    times.add("a", ago(30_000));
    expect(times.within("a", 60_000, now)).toEqual([ago(30_000)]);
    expect(times.within("a", 10 * 60_000, now)).toEqual([ago(5 * 60_000), ago(30_000)]);
    expect(times.within("b", 60_000, now)).toEqual([]);
  });

  it("stay within their size, dropping the least recently used key", () => {
    const times = new RecentTimes(60_000, 2);
    times.add("a", now);
    times.add("b", now);
    times.add("c", now);
    expect(times.within("a", 60_000, now)).toEqual([]);
    expect(times.within("c", 60_000, now)).toEqual([now]);
    const keys = new RecentKeys(60_000, 1);
    keys.add("x", now);
    keys.add("y", now);
    expect(keys.has("x", now)).toBe(false);
    expect(keys.has("y", now)).toBe(true);
    expect(keys.has("y", new Date(now.getTime() + 61_000))).toBe(false);
  });
});
