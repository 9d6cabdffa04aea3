import { afterEach, describe, expect, it, vi } from "vitest";
import { beginShutdown, isShuttingDown, onShutdown, resetLifecycleForTests, runShutdownHooks } from "@/lib/lifecycle/shutdown";

afterEach(() => {
  resetLifecycleForTests();
  vi.useRealTimers();
});

describe("shutdown hooks (docs/decisions/029-observability-and-shutdown.md)", () => {
  it("runs streams, then workers, then pools, whatever the order they were registered in", async () => {
    const order: string[] = [];
    onShutdown("pool", "pools", () => void order.push("pool"));
    onShutdown("bus", "workers", async () => {
      await new Promise((resolve) => setTimeout(resolve, 20));
      order.push("bus");
    });
    onShutdown("streams", "streams", () => void order.push("streams"));
    const outcomes = await runShutdownHooks();
    expect(order).toEqual(["streams", "bus", "pool"]);
    expect(outcomes.map((o) => [o.name, o.outcome])).toEqual([
      ["streams", "stopped"],
      ["bus", "stopped"],
      ["pool", "stopped"],
    ]);
  });

  it("runs only the phases asked for, in their own order", async () => {
    const order: string[] = [];
    onShutdown("pool", "pools", () => void order.push("pool"));
    onShutdown("streams", "streams", () => void order.push("streams"));
    await runShutdownHooks({ phases: ["pools", "streams"] });
    expect(order).toEqual(["streams", "pool"]);
    order.length = 0;
    await runShutdownHooks({ phases: ["pools"] });
    expect(order).toEqual(["pool"]);
  });

  it("marks the process as stopping, for readiness, before any hook runs", async () => {
    expect(isShuttingDown()).toBe(false);
    let seen = false;
    onShutdown("streams", "streams", () => void (seen = isShuttingDown()));
    await runShutdownHooks();
    expect(seen).toBe(true);
    resetLifecycleForTests();
    beginShutdown();
    expect(isShuttingDown()).toBe(true);
  });

  it("a registration under the same name replaces the earlier one (each bundle registers its part again)", async () => {
    const calls: string[] = [];
    onShutdown("bus", "workers", () => void calls.push("first"));
    onShutdown("bus", "workers", () => void calls.push("second"));
    await runShutdownHooks();
    expect(calls).toEqual(["second"]);
  });

  it("a hook that fails or hangs does not hold the others, and the whole stays within its budget", async () => {
    vi.useFakeTimers();
    const order: string[] = [];
    onShutdown("hangs", "streams", () => new Promise<void>(() => undefined));
    onShutdown("fails", "workers", () => {
      throw new Error("boom");
    });
    onShutdown("pool", "pools", () => void order.push("pool"));
    let clock = 0;
    const running = runShutdownHooks({ hookTimeoutMs: 3_000, budgetMs: 10_000, now: () => clock });
    clock = 3_000;
    await vi.advanceTimersByTimeAsync(3_000);
    const outcomes = await running;
    expect(outcomes.map((o) => [o.name, o.outcome])).toEqual([
      ["hangs", "timed out"],
      ["fails", "failed"],
      ["pool", "stopped"],
    ]);
    expect(outcomes[1]?.error).toBe("boom");
    expect(order).toEqual(["pool"]);
  });

  it("gives later phases only what is left of the budget, so the whole never outlasts it", async () => {
    const hangs = () => new Promise<void>(() => undefined);
    onShutdown("slow streams", "streams", hangs);
    onShutdown("slow workers", "workers", hangs);
    onShutdown("slow pools", "pools", hangs);
    const started = performance.now();
    // Scaled down: each hook 600 ms at most, 1 s in all (server.ts: 3 s and what is left of 10 s).
    // Large enough that a timer run late by a starved test process (Vitest runs niced beside the
    // browser tests) does not decide the outcome.
    const outcomes = await runShutdownHooks({ hookTimeoutMs: 600, budgetMs: 1_000 });
    const took = performance.now() - started;
    expect(outcomes.map((o) => o.outcome)).toEqual(["timed out", "timed out", "timed out"]);
    expect(took).toBeGreaterThanOrEqual(990);
    // What matters is that the later phases got less than a hook's own limit, and the whole
    // about the budget rather than three hooks' limits (1.8 s).
    expect(took).toBeLessThan(1_700);
    expect(outcomes[1]!.ms).toBeLessThan(600);
    expect(outcomes[2]!.ms).toBeLessThan(300);
  });
});
