import { asAppRole } from "../../lib/db/roles";
import { openViewers, sendQuestions, statusCounts } from "../support/burst-load";
import { unique } from "../support/factories";
import { startNextServer } from "../support/next-server";
import { confirmDialog } from "./support/confirm";
import { expect, signInAs, test } from "./support/fixtures";
import { makeStaff, makeWorld, makeWorldHearing } from "./support/world";

// The burst of bench/burst.ts at the size CI affords (docs/decisions/019-database-capacity.md):
// viewers holding the event stream, a burst of questions from many source addresses through
// the real server, and the chair moving meanwhile. What must hold whatever the machine's
// speed: no 500, every accepted question stored exactly once and in the queue, nothing
// refused stored, and the chair's moves made. Times are the bench's to measure, not asserted.
// On a server of its own, on the suite's database: the burst fills the server's admission on
// purpose, and the specs running beside it on the suite's server must not be told it is busy.

const VIEWERS = 200;
const QUESTIONS = 300;
const ADDRESSES = 100;

test("a burst of questions beside 200 viewers: no 500, each accepted question stored once, the chair's moves go through", async ({ browser, db }) => {
  test.setTimeout(120_000);
  const server = await startNextServer({ databaseUrl: asAppRole(process.env.E2E_DATABASE_URL ?? "", process.env.TEST_APP_ROLE_PASSWORD) });
  const context = await browser.newContext({ baseURL: server.url });
  const world = await makeWorld(db, { posts: 2 });
  const chair = await makeStaff(db, "CHAIR");
  const hearing = await makeWorldHearing(db, world.conference, { candidates: world.candidates, chairId: chair.id, ready: true });
  const base = server.url;

  const viewers = openViewers(base, hearing.id, VIEWERS);
  try {
    await viewers.allOpen(60_000);
    await signInAs(context, chair, { url: server.url });
    const page = await context.newPage();
    await page.goto("/en/chair");
    const moves = page.getByRole("form", { name: "Run the hearing" });
    type Live = { status: string; phase: string; pausedAt: Date | null };
    // A move went through when the hearing's row says so (the console's own wording is its spec's).
    const move = async (label: string, made: (hearing: Live) => boolean, confirm = false) => {
      await moves.getByRole("button", { name: label, exact: true }).click();
      // The start is behind a confirmation (it cannot be undone).
      if (confirm) await confirmDialog(page);
      const read = () => db.hearing.findUniqueOrThrow({ where: { id: hearing.id }, select: { status: true, phase: true, pausedAt: true } });
      await expect.poll(async () => made(await read()), { timeout: 30_000 }).toBe(true);
      await expect(moves.getByTestId("form-error")).toHaveCount(0);
    };
    await move("Open the hearing", (h) => h.status === "LIVE", true);

    const tag = unique("burst");
    const burst = sendQuestions(
      base,
      hearing.id,
      world.candidates.map((c) => c.id),
      { count: QUESTIONS, addresses: ADDRESSES, withinMs: 3_000, tag },
    );
    await move("Start the presentation", (h) => h.phase === "PRESENTATION");
    await move("Pause the clock", (h) => h.pausedAt !== null);
    await move("Resume the clock", (h) => h.pausedAt === null);
    const outcomes = await burst;

    const counts = statusCounts(outcomes);
    console.log(`hearing burst: ${QUESTIONS} questions from ${ADDRESSES} addresses beside ${VIEWERS} viewers, statuses ${JSON.stringify(counts)}`);
    // Accepted, rate-limited, repeated or busy (503 with Retry-After): never a fault, never no answer.
    expect(
      Object.keys(counts).filter((status) => !["201", "429", "409", "503"].includes(status)),
      JSON.stringify(counts),
    ).toEqual([]);
    const accepted = outcomes.filter((o) => o.status === 201);
    expect(accepted.length).toBeGreaterThan(0);

    const stored = await db.hearingQuestion.findMany({
      where: { hearingId: hearing.id, body: { startsWith: tag } },
      select: { body: true, status: true, source: true, ipHash: true },
    });
    // Exactly once each, in the queue; nothing that was refused.
    expect(stored.map((q) => q.body).sort()).toEqual(accepted.map((o) => o.body).sort());
    expect(stored.every((q) => q.status === "PENDING" && q.source === "WEBCAST")).toBe(true);
    // The server told the addresses apart: one address alone would have had 5 accepted at most.
    expect(new Set(stored.map((q) => q.ipHash)).size).toBe(new Set(accepted.map((o) => o.address)).size);

    // The viewers still follow the hearing.
    expect(viewers.opened()).toBe(VIEWERS);
    expect(viewers.refused()).toEqual({});
  } finally {
    viewers.close();
    await context.close();
    await server.stop();
  }
});
