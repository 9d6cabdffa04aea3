import "server-only";
import { existsSync, rmSync } from "node:fs";
import path from "node:path";
import { env } from "@/lib/env";

// Test-only, like the page cache's gate (docs/cache.md, "The test gate"): an end-to-end test
// makes one render of an area's page fail, to see that area's error page, in the reader's
// language, and its "Try again". Inert unless PAGE_CACHE_TEST_GATES names a folder (only the
// test runner sets it) AND a test has armed this name there (the page and the signed-in user,
// so that nothing else running meets it); each arming fails one render.

export function failForTest(name: string): void {
  const folder = env().PAGE_CACHE_TEST_GATES;
  if (!folder) return;
  const armed = path.join(/* turbopackIgnore: true */ folder, `${encodeURIComponent(name)}.fail`);
  if (!existsSync(armed)) return;
  rmSync(armed, { force: true });
  throw new Error(`A failure armed by a test for ${name}`);
}
