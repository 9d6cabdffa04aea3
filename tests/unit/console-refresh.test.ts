import { afterEach, beforeEach, describe, expect, it, vi } from "vitest";
import { consoleAsked, consoleGaveUpAt, consoleRendered, refreshConsoleFor, subscribeConsole } from "@/components/hearing/console-refresh";

// docs/decisions/021-chair-moves-name-their-version.md: the console is rendered afresh once per
// new version, whoever learns of it first; every move form waits until it shows that version,
// and gets its buttons back after a few tries, so that nobody stays stuck.

type Router = Parameters<typeof refreshConsoleFor>[0];
const routerCounting = () => {
  const router = { refresh: vi.fn() };
  return { router: router as unknown as Router, refreshes: () => router.refresh.mock.calls.length };
};
let next = 0;
/** A hearing of its own per test: the module keeps its consoles for the page's life. */
const hearing = () => `hearing-${(next += 1)}`;

describe("the chair's console, rendered afresh per version", () => {
  let unsubscribe: () => void = () => undefined;
  beforeEach(() => {
    vi.useFakeTimers();
    // A move form is on the page.
    unsubscribe = subscribeConsole(() => undefined);
  });
  afterEach(() => {
    unsubscribe();
    vi.useRealTimers();
  });

  it("is asked once per version, whether the move's answer or the live stream tells it first", () => {
    const id = hearing();
    const { router, refreshes } = routerCounting();
    refreshConsoleFor(router, id, 4);
    refreshConsoleFor(router, id, 4);
    refreshConsoleFor(router, id, 3);
    expect(refreshes()).toBe(1);
    expect(consoleAsked(id)).toBe(4);
    refreshConsoleFor(router, id, 5);
    expect(refreshes()).toBe(2);
  });

  it("keeps each hearing's versions apart", () => {
    const [a, b] = [hearing(), hearing()];
    const { router, refreshes } = routerCounting();
    refreshConsoleFor(router, a, 9);
    refreshConsoleFor(router, b, 2);
    expect(refreshes()).toBe(2);
    expect([consoleAsked(a), consoleAsked(b)]).toEqual([9, 2]);
  });

  it("is asked again each second until it shows the version, then no more", () => {
    const id = hearing();
    const { router, refreshes } = routerCounting();
    consoleRendered(id, 6);
    refreshConsoleFor(router, id, 7);
    vi.advanceTimersByTime(2_000);
    expect(refreshes()).toBe(3);
    consoleRendered(id, 7);
    vi.advanceTimersByTime(10_000);
    expect(refreshes()).toBe(3);
    expect(consoleGaveUpAt(id)).toBe(0);
  });

  it("gives the buttons back after five tries, telling every form", () => {
    const id = hearing();
    const { router, refreshes } = routerCounting();
    const told = vi.fn();
    const stop = subscribeConsole(told);
    refreshConsoleFor(router, id, 12);
    vi.advanceTimersByTime(5_000);
    expect(consoleGaveUpAt(id)).toBe(0);
    vi.advanceTimersByTime(1_000);
    expect(consoleGaveUpAt(id)).toBe(12);
    expect(refreshes()).toBe(6);
    expect(told).toHaveBeenCalledTimes(2);
    vi.advanceTimersByTime(10_000);
    expect(refreshes()).toBe(6);
    stop();
  });

  it("stops asking once no form is left to wait (the end's answer brings a console without any)", () => {
    const id = hearing();
    const { router, refreshes } = routerCounting();
    refreshConsoleFor(router, id, 3);
    unsubscribe();
    vi.advanceTimersByTime(10_000);
    expect(refreshes()).toBe(1);
  });
});
