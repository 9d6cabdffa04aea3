import { afterAll, beforeAll, describe, expect, it, vi } from "vitest";
import type { Actor } from "@/lib/auth/permissions";
import { createDb, type PrismaClient } from "@/lib/db/client";
import { TAGS } from "@/lib/cache-tags";
import { withAppDatabase } from "../support/app-database";
import { asActor } from "../support/factories";
import { makeReadyHearing } from "../support/factories-live";

// A chair's move does not re-render the webcast page (docs/decisions/020-live-stream-recovery.md,
// docs/cache.md): only the start and the end refresh the hearing's cached pages (TAGS.hearings);
// every other move reaches viewers through the live panel and answers with its version alone
// (the console then asks for its own fresh rendering).
// The console's action is called as the form calls it; the cache functions are recorded.

const updated: string[] = [];
let refreshed = 0;
vi.mock("next/cache", async (original) => ({
  ...(await original<typeof import("next/cache")>()),
  updateTag: (tag: string) => void updated.push(tag),
  refresh: () => void (refreshed += 1),
}));
let asking: Actor | null = null;
vi.mock("@/lib/auth/current-user", () => ({ getCurrentUser: async () => asking }));
// formAction asks for every namespace at once (no `namespace`): the real catalogs, all of them.
vi.mock("next-intl/server", () => import("../support/translations"));
// A form's action checks that it was sent from a page of the site (lib/actions/form-action.ts).
vi.mock("next/headers", () => import("../support/next-headers"));

const { makeMove } = await import("@/app/[locale]/chair/actions");

const database = withAppDatabase();
let db: PrismaClient;

beforeAll(async () => {
  db = createDb(database.url());
});

afterAll(async () => {
  await db.$disconnect();
});

describe("the chair's moves and the page cache", () => {
  it("refreshes the hearing's pages for the start and the end only", async () => {
    const { hearingId, chair } = await makeReadyHearing(db);
    asking = asActor(chair);
    const press = async (move: string, extra: Record<string, string> = {}) => {
      const { stateVersion } = await db.hearing.findUniqueOrThrow({ where: { id: hearingId }, select: { stateVersion: true } });
      const form = new FormData();
      for (const [name, value] of Object.entries({ locale: "en", hearingId, move, expectedVersion: String(stateVersion), ...extra })) form.set(name, value);
      updated.length = 0;
      refreshed = 0;
      const result = await makeMove({ status: "idle" } as never, form);
      expect(result, `${move}: ${JSON.stringify(result)}`).toMatchObject({ status: "success" });
      const after = await db.hearing.findUniqueOrThrow({ where: { id: hearingId }, select: { stateVersion: true } });
      return { tags: [...updated], refreshed, version: result.data?.version, stored: String(after.stateVersion) };
    };

    // The start and the end come back with the console rendered afresh.
    const start = await press("start", { confirmed: "yes" });
    expect(start.tags).toEqual([TAGS.hearings]);
    expect(start.refreshed).toBeGreaterThan(0);
    // A running move answers with the new version alone: the console asks for its rendering
    // itself (components/hearing/chair-move-form.tsx), so the answer does not wait on it.
    for (const move of ["startPresentation", "pause", "resume", "startQa"]) {
      const { tags, refreshed: consoleRefreshed, version, stored } = await press(move);
      expect(tags, move).toEqual([]);
      expect(consoleRefreshed, move).toBe(0);
      expect(version, move).toBe(stored);
    }
    const end = await press("end", { confirmed: "yes" });
    expect(end.tags).toEqual([TAGS.hearings]);
    expect(end.refreshed).toBeGreaterThan(0);
  });
});
