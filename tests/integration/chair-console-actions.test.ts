import { afterAll, beforeAll, describe, expect, it, vi } from "vitest";
import type { Actor } from "@/lib/auth/permissions";
import { createDb, type PrismaClient } from "@/lib/db/client";
import { withAppDatabase } from "../support/app-database";
import { onCurrent } from "../support/chair-moves";
import { asActor } from "../support/factories";
import { makeReadyHearing } from "../support/factories-live";

// The chair's console forms as the browser calls them (docs/decisions/021-chair-moves-name-their-version.md):
// a move made on an older view is refused, translated, says where the hearing is and has the
// console rendered afresh; when the database does not answer the console is kept and told the
// move was not made and where the hearing was as last shown; pressing again after a move that
// did go through is refused, never made twice.

let refreshed = 0;
vi.mock("next/cache", async (original) => ({
  ...(await original<typeof import("next/cache")>()),
  updateTag: () => undefined,
  refresh: () => void (refreshed += 1),
}));
let asking: Actor | null = null;
vi.mock("@/lib/auth/current-user", () => ({ getCurrentUser: async () => asking }));
vi.mock("next-intl/server", () => import("../support/translations"));
// A form's action checks that it was sent from a page of the site (lib/actions/form-action.ts).
vi.mock("next/headers", () => import("../support/next-headers"));
// The database "does not answer" for the next move when asked to: the pool's own words.
let failNext = false;
vi.mock("@/lib/hearings/live", async (original) => {
  const live = await original<typeof import("@/lib/hearings/live")>();
  const failing =
    <A extends unknown[], R>(service: (...args: A) => Promise<R>) =>
    async (...args: A) => {
      if (failNext) {
        failNext = false;
        throw new Error("timeout exceeded when trying to connect");
      }
      return service(...args);
    };
  return { ...live, pauseHearing: failing(live.pauseHearing), extendPhase: failing(live.extendPhase) };
});
// The edges log infrastructure failures; not this test's subject.
vi.spyOn(console, "warn").mockImplementation(() => undefined);
vi.spyOn(console, "error").mockImplementation(() => undefined);

const { makeMove, extendCurrentPhase } = await import("@/app/[locale]/chair/actions");
const { pauseHearing, startHearing, startPresentation } = await import("@/lib/hearings/live");

const database = withAppDatabase();
let db: PrismaClient;

beforeAll(async () => {
  db = createDb(database.url());
});

afterAll(async () => {
  await db.$disconnect();
});

function formOf(fields: Record<string, string>) {
  const form = new FormData();
  for (const [name, value] of Object.entries(fields)) form.set(name, value);
  return form;
}

const stored = (hearingId: string) =>
  db.hearing.findUniqueOrThrow({ where: { id: hearingId }, select: { stateVersion: true, phase: true, pausedAt: true, status: true } });

describe("the console's forms", () => {
  it("refuse a move made on an older view, say where the hearing is, and render the console afresh", async () => {
    const { hearingId, chair, candidates } = await makeReadyHearing(db);
    asking = asActor(chair);
    await startHearing({ actor: asActor(chair), input: await onCurrent({ hearingId, confirmed: "yes" }) });
    const seen = await onCurrent({ hearingId });
    await startPresentation({ actor: asActor(chair), input: seen });
    const before = await stored(hearingId);
    refreshed = 0;
    // The same "Start the presentation" again, from the view it was made on.
    const state = await makeMove(
      { status: "idle" } as never,
      formOf({ locale: "fr", hearingId, move: "startPresentation", expectedVersion: String(seen.expectedVersion) }),
    );
    expect(state.status).toBe("error");
    expect(state.message).toBe(
      `Cette action a été faite sur un état périmé de l’audition ; rien n’a été modifié : l’audition en est maintenant à ${candidates[0]?.name}, présentation. La console l’affiche désormais telle qu’elle est.`,
    );
    expect(refreshed).toBeGreaterThan(0);
    expect(await stored(hearingId)).toEqual(before);
  });

  it("keep the console when the database does not answer, saying the move was not made and where the hearing was as last shown", async () => {
    const { hearingId, chair, candidates } = await makeReadyHearing(db);
    asking = asActor(chair);
    await startHearing({ actor: asActor(chair), input: await onCurrent({ hearingId, confirmed: "yes" }) });
    await startPresentation({ actor: asActor(chair), input: await onCurrent({ hearingId }) });
    const { expectedVersion } = await onCurrent({ hearingId });
    const shown = {
      hearingId,
      expectedVersion: String(expectedVersion),
      shownStatus: "LIVE",
      shownPhase: "PRESENTATION",
      shownPaused: "no",
      shownCandidate: candidates[0]?.name ?? "",
    };
    const before = await stored(hearingId);
    refreshed = 0;
    failNext = true;
    const state = await makeMove({ status: "idle" } as never, formOf({ locale: "en", move: "pause", ...shown }));
    expect(state).toMatchObject({
      status: "error",
      message: `Your move was not made: the database did not answer. As last shown here, the hearing is at ${candidates[0]?.name}, presentation. Try again in a moment: pressing again never makes a move twice.`,
    });
    // Not rendered afresh: that would need the database too.
    expect(refreshed).toBe(0);
    expect(await stored(hearingId)).toEqual(before);

    // In Arabic, for the extension form: the same, with what was typed kept.
    failNext = true;
    const extended = await extendCurrentPhase(
      { status: "idle" } as never,
      formOf({ locale: "ar", minutes: "2", reason: "انقطعت الترجمة الفورية", ...shown, shownPaused: "yes" }),
    );
    expect(extended.status).toBe("error");
    expect(extended.message).toContain("لم يُنفَّذ إجراؤك");
    expect(extended.message).toContain(`عند ${candidates[0]?.name}، العرض، والساعة متوقفة مؤقتًا`);
    expect(extended.values).toMatchObject({ reason: "انقطعت الترجمة الفورية" });

    // Pressed again after all: made once.
    const again = await makeMove({ status: "idle" } as never, formOf({ locale: "en", move: "pause", ...shown }));
    expect(again.status).toBe("success");
    expect((await stored(hearingId)).stateVersion).toBe(expectedVersion + 1);
  });

  it("refuse the retry of a move that did go through although its answer was lost, and show the hearing as it is", async () => {
    const { hearingId, chair } = await makeReadyHearing(db);
    asking = asActor(chair);
    await startHearing({ actor: asActor(chair), input: await onCurrent({ hearingId, confirmed: "yes" }) });
    await startPresentation({ actor: asActor(chair), input: await onCurrent({ hearingId }) });
    const seen = await onCurrent({ hearingId });
    // The pause is made, but its answer never reaches the console.
    await pauseHearing({ actor: asActor(chair), input: seen });
    const after = await stored(hearingId);
    refreshed = 0;
    const retry = await makeMove(
      { status: "idle" } as never,
      formOf({ locale: "en", hearingId, move: "pause", expectedVersion: String(seen.expectedVersion) }),
    );
    expect(retry.status).toBe("error");
    expect(retry.message).toMatch(
      /^This move was made on an older view of the hearing, so nothing was changed: the hearing is now at .+, presentation, clock paused\./,
    );
    expect(refreshed).toBeGreaterThan(0);
    expect(await stored(hearingId)).toEqual(after);
  });

  it("refuse to end the hearing without the confirmation, saying so on the confirmation's field", async () => {
    const { hearingId, chair } = await makeReadyHearing(db);
    asking = asActor(chair);
    await startHearing({ actor: asActor(chair), input: await onCurrent({ hearingId, confirmed: "yes" }) });
    const { expectedVersion } = await onCurrent({ hearingId });
    const state = await makeMove({ status: "idle" } as never, formOf({ locale: "en", hearingId, move: "end", expectedVersion: String(expectedVersion) }));
    expect(state).toMatchObject({ status: "error", fieldErrors: { confirmed: "Ending the hearing cannot be undone: confirm it in the dialog." } });
    expect((await stored(hearingId)).status).toBe("LIVE");
  });

  it("refuse to open the hearing without the confirmation, saying so on the confirmation's field", async () => {
    const { hearingId, chair } = await makeReadyHearing(db);
    asking = asActor(chair);
    const { expectedVersion } = await onCurrent({ hearingId });
    const form = { locale: "en", hearingId, move: "start", expectedVersion: String(expectedVersion) };
    const state = await makeMove({ status: "idle" } as never, formOf(form));
    expect(state).toMatchObject({ status: "error", fieldErrors: { confirmed: "Opening the hearing cannot be undone: confirm it in the dialog." } });
    expect(await stored(hearingId)).toMatchObject({ status: "SCHEDULED", stateVersion: expectedVersion });
    // Confirmed, as the dialog's button sends it: opened.
    expect(await makeMove({ status: "idle" } as never, formOf({ ...form, confirmed: "yes" }))).toMatchObject({
      status: "success",
      message: "The hearing is open.",
    });
    expect((await stored(hearingId)).status).toBe("LIVE");
  });
});
