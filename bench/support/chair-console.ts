// The chair's console in Chromium, signed in with a minted session (tests/e2e/support/session.ts),
// for the benches that time a chair's move through the real path: each press posts the console's
// server action over HTTP, with the session, to the production server, and the console renders
// the answer. Not "server-only": plain Node with Playwright.
import type { Browser } from "@playwright/test";
import type { PrismaClient } from "../../lib/db/client";

export type Press = {
  /** Whether the console said the move was made. */
  made: boolean;
  /** What the console said. */
  said: string;
  /** The server action's HTTP status (0: no answer). */
  status: number;
  /** When the browser sent the move's request, in ms since the epoch (Chromium's own timing, as `performance.timeOrigin + performance.now()` reads it). */
  sentAt: number;
  /** When the click was given, on the same clock. */
  clickedAt: number;
  /** When the action's answer began to arrive, on the same clock. */
  answeredAt: number;
};

/** Milliseconds since the epoch with sub-millisecond resolution; comparable between processes on one machine. */
export const clock = () => performance.timeOrigin + performance.now();

/**
 * Opens /en/chair for `chair` on `baseUrl` in a new context of `browser`. `press` clicks "Pause the
 * clock" or "Resume the clock", whichever the console offers, and resolves once the server
 * action has answered and the console has rendered that answer.
 */
export async function chairConsole(browser: Browser, baseUrl: string, chair: { id: string }, sessions: PrismaClient) {
  const { sessionToken, SESSION_COOKIE } = await import("../../tests/e2e/support/session");
  const context = await browser.newContext({ baseURL: baseUrl });
  await context.addCookies([{ name: SESSION_COOKIE, value: await sessionToken(chair, sessions), url: baseUrl, httpOnly: true, sameSite: "Lax" }]);
  const page = await context.newPage();
  await page.goto("/en/chair");
  const form = page.locator('form[aria-label="Run the hearing"]');
  await form.waitFor({ timeout: 60_000 });
  const button = form.locator('button[name="move"][value="pause"], button[name="move"][value="resume"]').first();
  const press = async (timeout = 30_000): Promise<Press> => {
    await form.and(page.locator('[aria-busy="false"]')).waitFor({ timeout });
    await button.waitFor({ timeout });
    const answered = page.waitForResponse((r) => r.request().method() === "POST" && new URL(r.url()).pathname.endsWith("/chair"), { timeout });
    answered.catch(() => undefined);
    const clickedAt = clock();
    try {
      await button.click({ timeout });
      const response = await answered;
      const timing = response.request().timing();
      const sentAt = timing.startTime + Math.max(0, timing.requestStart);
      const answeredAt = timing.startTime + Math.max(0, timing.responseStart);
      await form.and(page.locator('[aria-busy="false"]')).waitFor({ timeout });
      const error = form.getByTestId("form-error");
      const failed = await error.isVisible();
      const said = failed ? await error.innerText() : "(made)";
      return { made: !failed, said, status: response.status(), sentAt, clickedAt, answeredAt };
    } catch (error) {
      return {
        made: false,
        said: `no answer: ${error instanceof Error ? error.message.split("\n")[0] : String(error)}`,
        status: 0,
        sentAt: clickedAt,
        clickedAt,
        answeredAt: Number.NaN,
      };
    }
  };
  return { page, press, close: () => context.close() };
}
