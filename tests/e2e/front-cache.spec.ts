import { cpSync, rmSync } from "node:fs";
import http from "node:http";
import zlib from "node:zlib";
import { expect, test } from "@playwright/test";
import { createDb, type PrismaClient } from "../../lib/db/client";
import { appRoleUrl, createTestDatabase, type TestDatabase } from "../support/database";
import { startNextServer, type NextServer } from "../support/next-server";
import { openForum } from "./support/forum";
import { SESSION_COOKIE, sessionToken } from "./support/session";

// The server's front cache (lib/http/front-cache.ts, docs/decisions/037-front-page-cache.md),
// through a production server of this spec's own, on a database of its own: the suite's other
// specs invalidate the page cache all the time on theirs, and each invalidation empties the
// front cache. No browser: what is checked is what the server sends.

type Answer = { status: number; headers: Record<string, string>; body: Buffer };

let database: TestDatabase;
let db: PrismaClient;
let server: NextServer;
let copy: string;

/** One request with exactly these headers (fetch would add Accept-Encoding and decompress). */
function ask(path: string, { method = "GET", headers = {} }: { method?: string; headers?: Record<string, string> } = {}): Promise<Answer> {
  return new Promise((resolve, reject) => {
    const request = http.request(`${server.url}${path}`, { method, headers, agent: false }, (response) => {
      const chunks: Buffer[] = [];
      response.on("data", (chunk: Buffer) => chunks.push(chunk));
      response.on("end", () => {
        const answer: Record<string, string> = {};
        for (const [name, value] of Object.entries(response.headers)) answer[name] = Array.isArray(value) ? value.join(", ") : String(value);
        resolve({ status: response.statusCode ?? 0, headers: answer, body: Buffer.concat(chunks) });
      });
      response.on("error", reject);
    });
    request.on("error", reject);
    request.end();
  });
}

const fromFrontCache = (answer: Answer) => answer.headers["x-front-cache"] === "hit";

/** Asks until the front cache answers (it keeps a page once Next has sent it, and a compressed form once it is made). */
async function cached(path: string, headers: Record<string, string> = {}): Promise<Answer> {
  let answer: Answer | undefined;
  await expect
    .poll(async () => {
      answer = await ask(path, { headers });
      return fromFrontCache(answer);
    })
    .toBe(true);
  return answer!;
}

/** The headers two answers of the same page share: all but those of one answer or one cache. */
function pageHeaders(answer: Answer): Record<string, string> {
  const { "x-request-id": _id, date: _date, "x-front-cache": _front, "x-nextjs-cache": _next, connection: _c, "keep-alive": _k, ...rest } = answer.headers;
  return rest;
}

const received = (html: string) => /data-testid="count-received"[^>]*>([^<]*)</.exec(html)?.[1];

test.describe.configure({ mode: "serial" });

test.beforeAll(async () => {
  test.setTimeout(120_000);
  // The maintenance database of the suite's own server, where test databases are made.
  if (!process.env.TEST_DATABASE_URL) {
    const url = new URL(process.env.E2E_DATABASE_URL ?? "");
    url.pathname = "/postgres";
    process.env.TEST_DATABASE_URL = url.toString();
  }
  database = await createTestDatabase();
  db = createDb(database.url);
  await db.memberState.create({ data: { iso3: "BEN", iso2: "BJ", nameEn: "Benin", region: "D" } });
  const distDir = process.env.NEXT_DIST_DIR || ".next";
  copy = `${distDir}-front-cache`;
  rmSync(copy, { recursive: true, force: true });
  // The build alone, not the suite's server's cache: pages rendered from this database stay here.
  cpSync(distDir, copy, { recursive: true, filter: (source) => !/[/\\](cache|standalone)$/.test(source) });
  server = await startNextServer({ databaseUrl: appRoleUrl(database.url), distDir: copy });
});

test.afterAll(async () => {
  await server?.stop();
  await db?.$disconnect();
  await database?.drop();
  if (copy) rmSync(copy, { recursive: true, force: true });
});

test("an anonymous visitor's page comes from the front cache: the same bytes and headers as Next's, its own request id and log line", async () => {
  const hit = await cached("/en");
  // Next's own answer for the same page: a request with a cookie always goes to Next.
  const next = await ask("/en", { headers: { cookie: "unrelated=1" } });
  expect(fromFrontCache(next)).toBe(false);
  expect(next.status).toBe(200);
  expect(hit.status).toBe(200);
  expect(hit.body.equals(next.body)).toBe(true);
  expect(pageHeaders(hit)).toEqual(pageHeaders(next));
  expect(hit.headers["content-security-policy"]).toMatch(/script-src 'self'( 'sha256-[^']+')+/);
  expect(hit.headers["x-nextjs-cache"]).toBe("HIT");

  const again = await ask("/en");
  expect(fromFrontCache(again)).toBe(true);
  expect(again.body.equals(hit.body)).toBe(true);
  expect(again.headers["x-request-id"]).toMatch(/^[0-9a-f-]{36}$/);
  expect(again.headers["x-request-id"]).not.toBe(hit.headers["x-request-id"]);
  // One access-log line per answer, with its id.
  await expect.poll(() => server.output()).toContain(again.headers["x-request-id"]);
});

test("gzip and Brotli are sent to whoever accepts them, HEAD and a conditional GET are answered too", async () => {
  const plain = await cached("/en");
  const gzipped = await cached("/en", { "accept-encoding": "gzip" });
  expect(gzipped.headers["content-encoding"]).toBe("gzip");
  expect(zlib.gunzipSync(gzipped.body).equals(plain.body)).toBe(true);
  expect(Number(gzipped.headers["content-length"])).toBe(gzipped.body.length);
  expect(gzipped.headers["vary"]).toMatch(/Accept-Encoding/i);
  // Each compressed form is made the first time it is asked for (meanwhile gzip, made already).
  let brotli: Answer | undefined;
  await expect
    .poll(async () => {
      brotli = await ask("/en", { headers: { "accept-encoding": "gzip, deflate, br" } });
      return [fromFrontCache(brotli), brotli.headers["content-encoding"]];
    })
    .toEqual([true, "br"]);
  if (!brotli) throw new Error("no answer");
  expect(zlib.brotliDecompressSync(brotli.body).equals(plain.body)).toBe(true);

  const head = await ask("/en", { method: "HEAD" });
  expect(fromFrontCache(head)).toBe(true);
  expect(head.status).toBe(200);
  expect(head.body.length).toBe(0);
  expect(Number(head.headers["content-length"])).toBe(plain.body.length);
  expect(head.headers["content-security-policy"]).toBe(plain.headers["content-security-policy"]);

  const etag = plain.headers["etag"];
  expect(etag).toBeTruthy();
  const notModified = await ask("/en", { headers: { "if-none-match": etag! } });
  expect(fromFrontCache(notModified)).toBe(true);
  expect(notModified.status).toBe(304);
  expect(notModified.body.length).toBe(0);
  expect(notModified.headers["etag"]).toBe(etag);
  // As Next's own 304 and lib/security/public-html.ts: no policy that would replace the stored page's.
  expect(notModified.headers["content-security-policy"]).toBeUndefined();
});

test("a signed-in visitor, a router payload, a server action's POST are never answered from it", async () => {
  const { candidate, user } = await openForum(db);
  const path = `/en/candidates/${candidate.id}`;
  await cached(path);
  const session = `${SESSION_COOKIE}=${await sessionToken(user, db)}`;
  for (const headers of [{ cookie: session }, { rsc: "1" }, { "next-router-prefetch": "1", rsc: "1" }, { authorization: "Bearer x" }] as Record<
    string,
    string
  >[]) {
    const answer = await ask(path, { headers });
    expect(fromFrontCache(answer), JSON.stringify(headers)).toBe(false);
  }
  expect(fromFrontCache(await ask(`${path}?_rsc=abc`))).toBe(false);
  const posted = await ask(path, { method: "POST", headers: { origin: server.url, "content-type": "text/plain" } });
  expect(fromFrontCache(posted)).toBe(false);
  // And the anonymous page is still the front cache's.
  expect(fromFrontCache(await ask(path))).toBe(true);
});

test("after an invalidation the next visitor gets the fresh page, not the kept one", async () => {
  const { candidate } = await openForum(db);
  const path = `/en/candidates/${candidate.id}`;
  const before = await cached(path);
  expect(received(before.body.toString())).toBe("0");
  const asked = await fetch(`${server.url}/api/forum/questions?locale=en`, {
    method: "POST",
    headers: { "content-type": "application/json", origin: server.url },
    body: JSON.stringify({ candidateId: candidate.id, askerName: "Amina Diallo", body: "How will you connect the unconnected?" }),
  });
  expect(asked.status).toBe(201);
  // The question's route invalidated the forum's tags before it answered: the very next page is fresh.
  const after = await ask(path);
  expect(fromFrontCache(after)).toBe(false);
  expect(received(after.body.toString())).toBe("1");
});
