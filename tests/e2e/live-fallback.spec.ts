import { confirmDialog } from "./support/confirm";
import { expect, signInAs, test } from "./support/fixtures";
import { makeWorldWithHearing } from "./support/world";

// What only a browser shows of the live panel's fallback (docs/decisions/035-state-endpoint-and-50k-viewers.md):
// turned away by a full audience, the panel polls the hearing's state endpoint, says so in its
// status line, and still shows the chair's moves. The refusal is the bytes the server sends past
// LIVE_MAX_VIEWERS (lib/live/protocol.ts failureFrame; the cap itself is
// tests/e2e/lean-live-stream.spec.ts's), given by the browser's network layer while the test holds
// the stream's route: the suite's server serves every spec, so its cap stays high. The polls and
// the chair's move go to the real server.
// The schedule itself (jitter, backoff, the stream tried again) is tests/unit/state-endpoint-schedule.test.ts's.

test("a viewer the stream turns away as full follows the hearing by polling and sees the chair open it", async ({ page, browser, baseURL, db }) => {
  test.setTimeout(90_000);
  const { hearing, chair, candidates } = await makeWorldWithHearing(db, { posts: 2, ready: true });
  const first = await db.hearingSlot.findFirstOrThrow({ where: { hearingId: hearing.id, position: 1 }, select: { candidateId: true } });
  const speaker = candidates.find((c) => c.id === first.candidateId)?.name ?? "";

  let refused = 0;
  await page.route("**/api/hearings/*/events**", (route) => {
    refused += 1;
    return route.fulfill({
      status: 200,
      headers: { "content-type": "text/event-stream; charset=utf-8", "cache-control": "no-store" },
      body: 'retry: 2000\n\nevent: failure\ndata: {"code":"FULL"}\n\n',
    });
  });
  let polls = 0;
  page.on("request", (request) => {
    if (new URL(request.url()).pathname === `/api/hearings/${hearing.id}/state`) polls += 1;
  });
  await page.goto(`/en/hearing/${hearing.id}`);
  const connection = page.getByTestId("live-connection");
  await expect(connection).toHaveAttribute("data-state", "polling");
  await expect(connection).toHaveText("Live: updates arrive every few seconds");
  await expect(page.getByTestId("live-status")).toHaveText("The hearing has not started yet.");
  expect(refused).toBe(1);

  // The chair opens the hearing from the console: the polling viewer sees who speaks.
  const context = await browser.newContext({ baseURL });
  const chairPage = await context.newPage();
  await signInAs(chairPage, chair);
  await chairPage.goto("/en/chair");
  const moves = chairPage.getByRole("form", { name: "Run the hearing" });
  await moves.getByRole("button", { name: "Open the hearing", exact: true }).click();
  await confirmDialog(chairPage);
  await expect(moves.getByTestId("form-success")).toHaveText("The hearing is open.");
  await context.close();

  // Within a few polls (2–5 s apart), no stream having been had meanwhile.
  await expect(page.getByTestId("live-speaker")).toHaveText(`${speaker} (candidate 1)`, { timeout: 15_000 });
  await expect(connection).toHaveAttribute("data-state", "polling");
  expect(polls).toBeGreaterThanOrEqual(2);
});
