import { expect, test } from "./support/fixtures";
import { makeWorldWithHearing } from "./support/world";

// The one thing about the live stream's recovery only a browser shows (the rest is in
// tests/integration/hearing-stream-recovery.test.ts and tests/e2e/live-restart.spec.ts): the
// panel says it has lost the stream, tries again by itself and is live again once the stream
// answers — no reload. The stream's failures are the server's own `failure` event, here
// given by the browser's network layer while the test holds the route.

test("the live panel says it is offline, retries by itself and is live again", async ({ page, db }) => {
  const { hearing } = await makeWorldWithHearing(db, { posts: 2, ready: true });
  await db.hearing.update({ where: { id: hearing.id }, data: { status: "LIVE" } });

  let refused = 0;
  await page.route("**/api/hearings/*/events**", (route) => {
    refused += 1;
    return route.fulfill({
      status: 200,
      headers: { "content-type": "text/event-stream; charset=utf-8", "cache-control": "no-store" },
      body: 'retry: 2000\n\nevent: failure\ndata: {"code":"UNAVAILABLE"}\n\n',
    });
  });
  // Every text the status line shows, as it changes: "offline" lasts only until the next try,
  // and after a few failed tries the line says the panel polls instead (use-hearing-stream.ts),
  // so a check that reads the line now and then can miss it on a loaded machine.
  await page.addInitScript(() => {
    const seen: string[] = [];
    (window as unknown as { connectionTexts: string[] }).connectionTexts = seen;
    new MutationObserver(() => {
      for (const line of document.querySelectorAll('[data-testid="live-connection"], [data-testid="live-connecting"]')) {
        const text = line.textContent ?? "";
        if (seen.at(-1) !== text) seen.push(text);
      }
    }).observe(document, { subtree: true, childList: true, characterData: true });
  });
  await page.goto(`/en/hearing/${hearing.id}`);
  const seen = () => page.evaluate(() => (window as unknown as { connectionTexts: string[] }).connectionTexts);
  await expect.poll(seen, { timeout: 10_000 }).toContainEqual(expect.stringMatching(/^(Offline, retrying in \d+ s|Connection lost: reconnecting…)$/));
  await expect.poll(() => refused).toBeGreaterThanOrEqual(1);

  // The stream answers again: the next attempt (within the backoff's window) brings the state.
  await page.unroute("**/api/hearings/*/events**");
  await expect(page.getByTestId("live-connection")).toHaveAttribute("data-state", "live", { timeout: 15_000 });
  await expect(page.getByTestId("live-connection")).toHaveText("Live: updates arrive as they happen");
  await expect(page.getByTestId("live-status")).toBeVisible();
});
