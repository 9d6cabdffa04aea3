import { expect, test } from "@playwright/test";
import http from "node:http";
import { mkdtempSync, rmSync, writeFileSync } from "node:fs";
import os from "node:os";
import path from "node:path";
import pg from "pg";
import { createDb, type PrismaClient } from "../../lib/db/client";
import { ViewerCrowd } from "../support/live-viewers";
import { startNextServer, type NextServer } from "../support/next-server";
import { startOwnPostgres, type OwnPostgres } from "../support/own-postgres";
import { expectAccessible } from "./support/fixtures";
import { makeWorldWithHearing } from "./support/world";

// The live hearing through a database restart, at a size CI can hold (bench/live-restart.ts
// measures it at full size): 200 viewers of a running `next start` follow a hearing over its
// event stream while PostgreSQL goes away for 5 s; a quarter of them lose their connection
// meanwhile and some arrive during it (they are given the last state the instance heard, or
// told to come back). Every viewer must hold the hearing's latest state
// within 10 s of the database's return (docs/decisions/020-live-stream-recovery.md).
// The server and the database are this spec's own: the suite's database is never restarted.
// Only routes are asked of this server (tests/support/next-server.ts says why): the events
// route, /api/live, the hearing's state endpoint, and one page whose render its own test gate
// makes fail before anything is read or kept (the document's error page, app/global-error.tsx).
// The tests run one after the other in one worker: spread over two, each worker started a
// PostgreSQL and a server of its own for its share (docs/testing.md).

const VIEWERS = 200;
/** lib/hearings/live-state.ts's channel (that module is the server's: it cannot be imported here). */
const HEARING_CHANNEL = "hearing_events";
const DOWN_MS = 5_000;
const RECOVERY_BUDGET_MS = 10_000;

let own: OwnPostgres;
let ownDb: PrismaClient;
let server: NextServer;
/** This server's own test gates (lib/site/fail-for-test.ts): what is armed here fails nothing of the suite's server. */
let gates: string;

test.describe.configure({ mode: "default" });

test.beforeAll(async () => {
  test.setTimeout(120_000);
  own = await startOwnPostgres();
  ownDb = createDb(own.url);
  gates = mkdtempSync(path.join(os.tmpdir(), "hustings-gates-"));
  server = await startNextServer({ databaseUrl: own.appUrl, env: { PAGE_CACHE_TEST_GATES: gates } });
});

test.afterAll(async () => {
  await server?.stop();
  await ownDb?.$disconnect();
  await own?.stop();
  if (gates) rmSync(gates, { recursive: true, force: true });
});

/** A change as a chair's move commits one (lib/hearings/live-state.ts publishChange): version, event, NOTIFY, in one transaction. */
async function publish(hearingId: string, type: string): Promise<number> {
  const deadline = Date.now() + 15_000;
  for (;;) {
    const client = new pg.Client({ connectionString: own.url, connectionTimeoutMillis: 1_000 });
    client.on("error", () => undefined);
    try {
      await client.connect();
      await client.query("BEGIN");
      const { rows } = await client.query<{ stateVersion: number }>(
        `UPDATE "Hearing" SET "stateVersion" = "stateVersion" + 1 WHERE id = $1 RETURNING "stateVersion"`,
        [hearingId],
      );
      const version = rows[0]?.stateVersion ?? -1;
      await client.query(`INSERT INTO "HearingEvent" ("hearingId", version, type, payload) VALUES ($1, $2, $3, $4)`, [
        hearingId,
        version,
        type,
        JSON.stringify({ hearingId, version, status: "LIVE" }),
      ]);
      await client.query("SELECT pg_notify($1, $2)", [HEARING_CHANNEL, `${hearingId}:${version}`]);
      await client.query("COMMIT");
      return version;
    } catch (error) {
      if (Date.now() > deadline) throw error;
      await new Promise((resolve) => setTimeout(resolve, 100));
    } finally {
      await client.end().catch(() => undefined);
    }
  }
}

test("every viewer holds the hearing's latest state within 10 s of a 5 s database restart", async () => {
  test.setTimeout(90_000);
  const { hearing } = await makeWorldWithHearing(ownDb, { posts: 2, ready: true });
  await ownDb.hearing.update({ where: { id: hearing.id }, data: { status: "LIVE" } });
  await publish(hearing.id, "hearing-started");

  const crowd = new ViewerCrowd(server.url, hearing.id);
  try {
    await crowd.join(VIEWERS, 2_000);
    const before = await publish(hearing.id, "before");
    await crowd.waitAll(before, 10_000);

    // The outage: a quarter of the viewers lose their connection at random moments in it, and
    // a few more arrive during it; all of them are refused by the database, not by the route.
    const restarted = own.restart(DOWN_MS);
    const blips = Array.from({ length: VIEWERS / 4 }, (_, i) => setTimeout(() => crowd.drop(i * 4), 200 + Math.random() * (DOWN_MS - 400)));
    const joining = crowd.join(20, DOWN_MS);
    await restarted;
    const recovered = performance.now();
    blips.forEach(clearTimeout);

    // The first change after the return: every viewer must hold it, however it got there.
    const after = await publish(hearing.id, "after");
    await crowd.waitAll(after, RECOVERY_BUDGET_MS + 5_000);
    await joining;
    await crowd.waitAll(after, 1_000);
    const slowest = Math.max(...crowd.reachedAt(after).map((at) => (at ?? Infinity) - recovered));
    expect(slowest, `slowest viewer, ms after recovery; server log:\n${server.output().slice(-2_000)}`).toBeLessThanOrEqual(RECOVERY_BUDGET_MS);
    // The outage was felt: a quarter of the viewers reconnected during it (given the last state
    // heard, or refused and retried), and all came back.
    expect(crowd.viewers.reduce((sum, v) => sum + v.connects, 0)).toBeGreaterThanOrEqual(VIEWERS + 20 + VIEWERS / 4);
  } finally {
    await crowd.stop();
  }
});

test("the event stream is sent uncompressed even to a client that accepts gzip", async () => {
  // Next compresses responses by default: a deflate stream per viewer and a flush per event.
  // The stream's Cache-Control: no-transform turns that off (and asks proxies the same).
  const { hearing } = await makeWorldWithHearing(ownDb, { posts: 2, ready: true });
  const headers = await new Promise<http.IncomingHttpHeaders>((resolve, reject) => {
    const request = http.get(`${server.url}/api/hearings/${hearing.id}/events`, { headers: { "accept-encoding": "gzip, deflate, br" } }, (response) => {
      resolve(response.headers);
      response.destroy();
    });
    request.on("error", reject);
  });
  expect(headers["content-type"]).toContain("text/event-stream");
  expect(headers["content-encoding"]).toBeUndefined();
  expect(headers["cache-control"]).toBe("no-store, no-transform");
});

test("with the database away, /api/live says nothing is known (200, not kept: the banner is a courtesy), never a 500; back, it lists the live hearing", async () => {
  test.setTimeout(60_000);
  const { hearing } = await makeWorldWithHearing(ownDb, { posts: 2, ready: true });
  await ownDb.hearing.update({ where: { id: hearing.id }, data: { status: "LIVE", startedAt: new Date() } });
  await own.shutdown();
  try {
    const started = performance.now();
    const down = await fetch(`${server.url}/api/live`, { signal: AbortSignal.timeout(15_000) });
    console.log(`/api/live with the database away: ${down.status} in ${Math.round(performance.now() - started)} ms`);
    expect(down.status).toBe(200);
    // Not kept by any cache: the next visitor asks again, and is told once the database is back.
    expect(down.headers.get("cache-control")).toBe("no-store");
    expect(await down.json()).toEqual({ live: [], unknown: true });
  } finally {
    await own.start();
  }
  // The first read after the return may meet a dead pooled connection: asked again until listed.
  await expect
    .poll(
      async () => {
        const response = await fetch(`${server.url}/api/live`, { signal: AbortSignal.timeout(10_000) });
        const body = (await response.json()) as { live?: { hearingId: string }[] };
        return response.status === 200 && (body.live ?? []).some((h) => h.hearingId === hearing.id) ? response.headers.get("cache-control") : null;
      },
      { timeout: 20_000 },
    )
    .toMatch(/^public, max-age=\d+/);
});

test("with the database out of reach, the hearing's state is a 503 with Retry-After in the asker's language, kept by no one, never a 500", async () => {
  test.setTimeout(60_000);
  // The state endpoint (docs/decisions/035-state-endpoint-and-50k-viewers.md) of a hearing the
  // server holds nothing of: it must read the database, which refuses every connection.
  await own.shutdown();
  try {
    const url = `${server.url}/api/hearings/cmstatenodatabase000000/state`;
    const down = await fetch(`${url}?locale=en`, { signal: AbortSignal.timeout(15_000) });
    expect(down.status, server.output().slice(-2_000)).toBe(503);
    expect(down.headers.get("retry-after")).toMatch(/^[1-9]\d*$/);
    expect(down.headers.get("cache-control")).toBe("no-store");
    expect(await down.json()).toEqual({ error: "The live state of this hearing cannot be read just now. Please try again in a few seconds.", busy: true });
    const inSpanish = await fetch(url, { headers: { cookie: "NEXT_LOCALE=es" }, signal: AbortSignal.timeout(15_000) });
    expect(inSpanish.status).toBe(503);
    expect((await inSpanish.json()).error).toBe(
      "El estado en directo de esta audiencia no se puede leer en este momento. Vuelva a intentarlo dentro de unos segundos.",
    );
  } finally {
    await own.start();
  }
});

test("when the document's own layout fails, its error page says so in the reader's language, accessibly, with the way home and to the secretariat", async ({
  page,
}) => {
  // The locale layout's gate (app/[locale]/layout.tsx), armed on this spec's own server only: one render fails.
  const arm = (locale: string) => writeFileSync(path.join(gates, `${encodeURIComponent(`layout ${locale}`)}.fail`), "");
  const error = page.getByTestId("global-error-page");

  arm("ar");
  expect((await page.goto(`${server.url}/ar/no-such-page`))?.status()).toBe(500);
  await expect(page.locator("html")).toHaveAttribute("dir", "rtl");
  await expect(page.locator("html")).toHaveAttribute("lang", "ar");
  await expect(error.getByRole("heading", { level: 1 })).toHaveText("تعذّر عرض الموقع");
  await expect(error.getByRole("heading", { level: 1 })).toBeFocused();
  await expect(error.getByRole("button", { name: "حاول مرة أخرى" })).toBeVisible();
  await expect(error.getByRole("link", { name: "الانتقال إلى الصفحة الرئيسية" })).toHaveAttribute("href", "/ar");
  await expect(error.getByRole("link", { name: "الاتصال بالأمانة" })).toHaveAttribute("href", "/ar/contact");
  // What failed is never shown.
  await expect(page.locator("body")).not.toContainText("armed by a test");
  await expectAccessible(page);

  arm("en");
  expect((await page.goto(`${server.url}/en/no-such-page`))?.status()).toBe(500);
  await expect(page.locator("html")).toHaveAttribute("lang", "en");
  await expect(error.getByRole("heading", { level: 1 })).toHaveText("The site could not be shown");
  await expect(error.getByRole("button", { name: "Try again" })).toBeVisible();
  await expect(error.getByRole("link", { name: "Go to the home page" })).toHaveAttribute("href", "/en");
  await expect(error.getByRole("link", { name: "Contact the secretariat" })).toHaveAttribute("href", "/en/contact");
  await expectAccessible(page);
});
