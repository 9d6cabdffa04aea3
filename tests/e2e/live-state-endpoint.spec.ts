import { expect, test } from "./support/fixtures";
import { SESSION_COOKIE, sessionToken } from "./support/session";
import { makeStaff, makeWorldWithHearing } from "./support/world";

// The hearing's state endpoint through the running production server (server.ts and its
// shared-cache rewrite, docs/decisions/035-state-endpoint-and-50k-viewers.md): what a CDN may
// keep of a public hearing's state and for how long, its validator and 304, a members-only
// hearing's state for its viewers alone, and the refusals in the asker's language. With the
// database out of reach it says 503 with Retry-After, never 500: tests/e2e/live-restart.spec.ts,
// whose server and database are its own, asks it while that database is down. No browser.

const PUBLIC_STATE = "public, max-age=0, s-maxage=1, stale-while-revalidate=2";

test("a public hearing's state is the stream's snapshot, kept a second by shared caches, and 304 while its version stands", async ({ request, db }) => {
  const { hearing } = await makeWorldWithHearing(db, { ready: true });
  const url = `/api/hearings/${hearing.id}/state`;
  const { stateVersion } = await db.hearing.findUniqueOrThrow({ where: { id: hearing.id }, select: { stateVersion: true } });

  const first = await request.get(url);
  expect(first.status()).toBe(200);
  const headers = first.headers();
  expect(headers["content-type"]).toContain("application/json");
  expect(headers["cache-control"]).toBe(PUBLIC_STATE);
  expect(headers["vary"] ?? "").not.toMatch(/cookie/i);
  expect(headers["etag"]).toBe(`W/"v${stateVersion}"`);
  const body = (await first.json()) as Record<string, unknown>;
  expect(body).toMatchObject({ hearingId: hearing.id, version: stateVersion, status: "SCHEDULED", change: "snapshot" });
  expect(Date.parse(String(body.serverTime))).not.toBeNaN();

  // Asked again with its validator (a CDN's or the panel's revalidation): nothing new, no body.
  const again = await request.get(url, { headers: { "if-none-match": headers["etag"] ?? "" } });
  expect(again.status()).toBe(304);
  expect(again.headers()["etag"]).toBe(headers["etag"]);
  expect(again.headers()["cache-control"]).toBe(PUBLIC_STATE);
  expect(await again.body()).toHaveLength(0);
  // Another version's validator is not this one's.
  expect((await request.get(url, { headers: { "if-none-match": `W/"v${stateVersion + 1}", "other"` } })).status()).toBe(200);
});

test("an unknown hearing is a 404 in the asker's language, kept by no one", async ({ request }) => {
  for (const id of ["no-such-hearing-0000", "not a hearing!"]) {
    const missing = await request.get(`/api/hearings/${encodeURIComponent(id)}/state?locale=en`);
    expect(missing.status(), id).toBe(404);
    expect(missing.headers()["cache-control"]).toBe("no-store");
    expect(await missing.json()).toEqual({ error: "There is no such hearing." });
  }
  const inFrench = await request.get("/api/hearings/no-such-hearing-0000/state", { headers: { cookie: "NEXT_LOCALE=fr" } });
  expect((await inFrench.json()).error).toBe("Cette audition n’existe pas.");
});

test("a members-only hearing's state goes to viewers who may watch, privately; anyone else gets 401 in their language", async ({ request, db }) => {
  const { hearing } = await makeWorldWithHearing(db, { ready: true });
  await db.hearing.update({ where: { id: hearing.id }, data: { webcastAccess: "MEMBERS" } });
  const url = `/api/hearings/${hearing.id}/state`;

  const anonymous = await request.get(`${url}?locale=en`);
  expect(anonymous.status()).toBe(401);
  expect(anonymous.headers()["cache-control"]).toBe("private, no-store");
  expect(anonymous.headers()["vary"]).toMatch(/cookie/i);
  expect(await anonymous.json()).toEqual({ error: "This hearing is for members only. Sign in as a member to follow it live." });
  const inArabic = await request.get(`${url}?locale=ar`);
  expect((await inArabic.json()).error).toBe("هذه الجلسة مقصورة على الأعضاء. سجّل الدخول بصفتك عضواً لمتابعتها مباشرة.");

  // A stale session is no session. (Every role may follow a members-only webcast today, so 403 has no account to show it: the
  // route answers it as the events route does, from the same rule, lib/hearings/live-access.ts.)
  const member = await makeStaff(db, "MEMBER");
  const stale = await request.get(`${url}?locale=en`, { headers: { cookie: `${SESSION_COOKIE}=${await sessionToken({ ...member, sessionVersion: 7 })}` } });
  expect(stale.status()).toBe(401);
  expect(stale.headers()["cache-control"]).toBe("private, no-store");

  const cookie = `${SESSION_COOKIE}=${await sessionToken(member)}`;
  const allowed = await request.get(url, { headers: { cookie } });
  expect(allowed.status()).toBe(200);
  expect(allowed.headers()["cache-control"]).toBe("private, no-store");
  expect(allowed.headers()["vary"]).toMatch(/cookie/i);
  expect((await allowed.json()) as Record<string, unknown>).toMatchObject({ hearingId: hearing.id, change: "snapshot" });
  const etag = allowed.headers()["etag"] ?? "";
  const unchanged = await request.get(url, { headers: { cookie, "if-none-match": etag } });
  expect(unchanged.status()).toBe(304);
  expect(unchanged.headers()["cache-control"]).toBe("private, no-store");
});
