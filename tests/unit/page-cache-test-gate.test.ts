import { existsSync, mkdtempSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { setTimeout as sleep } from "node:timers/promises";
import { afterEach, describe, expect, it, vi } from "vitest";

// The end-to-end test gate (docs/cache.md) must do nothing in a server not started for tests.

async function gateWith(folder: string | undefined) {
  vi.resetModules();
  vi.stubEnv("DATABASE_URL", "postgresql://postgres@127.0.0.1:5432/none");
  if (folder) vi.stubEnv("PAGE_CACHE_TEST_GATES", folder);
  else vi.stubEnv("PAGE_CACHE_TEST_GATES", undefined);
  return (await import("@/lib/cache/test-gate")).holdForTest;
}

afterEach(() => {
  vi.unstubAllEnvs();
});

describe("the page cache's test gate", () => {
  it("lets every read through when the server has no gate folder", async () => {
    const holdForTest = await gateWith(undefined);
    await expect(holdForTest("forum-counts:c1")).resolves.toBeUndefined();
  });

  it("lets a read through that no test has armed", async () => {
    const folder = mkdtempSync(path.join(tmpdir(), "gates-"));
    const holdForTest = await gateWith(folder);
    await holdForTest("forum-counts:c1");
    expect(existsSync(path.join(folder, "forum-counts%3Ac1.held"))).toBe(false);
  });

  it("holds one armed read until the test opens the gate", async () => {
    const folder = mkdtempSync(path.join(tmpdir(), "gates-"));
    const file = (state: string) => path.join(folder, `forum-counts%3Ac1.${state}`);
    const holdForTest = await gateWith(folder);
    writeFileSync(file("armed"), "");
    let released = false;
    const held = holdForTest("forum-counts:c1").then(() => (released = true));
    while (!existsSync(file("held"))) await sleep(5);
    expect(released).toBe(false);
    expect(existsSync(file("armed"))).toBe(false);
    writeFileSync(file("open"), "");
    await held;
    expect(released).toBe(true);
  });
});
