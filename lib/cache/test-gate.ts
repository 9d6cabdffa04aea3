import "server-only";
import { existsSync, rmSync, writeFileSync } from "node:fs";
import path from "node:path";
import { setTimeout as sleep } from "node:timers/promises";
import { env } from "@/lib/env";

// Test-only (docs/cache.md, "The test gate"): an end-to-end test holds one cached read AFTER
// it has read the database, makes a change while the render is in flight, then lets it go,
// to reproduce a render that straddles the change's invalidation without guessing at timing.
// Inert unless PAGE_CACHE_TEST_GATES names a folder (only the test runner sets it) AND a test
// has armed this read's name there; each arming holds one read.

/** Longest hold, so a test that dies while holding cannot keep a render waiting for ever. */
const MAX_HOLD_MS = 30_000;

export async function holdForTest(name: string): Promise<void> {
  const folder = env().PAGE_CACHE_TEST_GATES;
  if (!folder) return;
  // Not a path the build should trace: the folder exists only in test runs.
  const file = (state: "armed" | "held" | "open") => path.join(/* turbopackIgnore: true */ folder, `${encodeURIComponent(name)}.${state}`);
  if (!existsSync(file("armed"))) return;
  rmSync(file("armed"), { force: true });
  writeFileSync(file("held"), "");
  const until = Date.now() + MAX_HOLD_MS;
  while (!existsSync(file("open")) && Date.now() < until) await sleep(10);
}
