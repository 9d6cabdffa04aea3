import pg from "pg";
import { sseReader, type SseFrame } from "../support/sse";
import { expect, test } from "./support/fixtures";
import { e2eBaseUrl, SESSION_COOKIE, sessionToken } from "./support/session";
import { makeStaff, makeWorldWithHearing } from "./support/world";

// The live hearing's event stream as the production server writes it itself, without Next
// (lib/live/lean-stream.ts, docs/decisions/034-lean-live-stream.md): the same headers and frames
// as Next's route, which still serves a members-only hearing's signed-in viewers. Requests only,
// no browser; changes are committed as a chair's move commits them (version, event, NOTIFY).
// Its viewer limit (LIVE_MAX_VIEWERS) is tested on lifecycle.spec.ts's server, which is given
// one and is stopped at the end anyway.

/** lib/hearings/live-state.ts's channel (that module is the server's: it cannot be imported here). */
const HEARING_CHANNEL = "hearing_events";

/** A change as lib/hearings/live-state.ts's publishChange commits it; returns its version. */
async function publish(hearingId: string, type: string): Promise<number> {
  const client = new pg.Client({ connectionString: process.env.E2E_DATABASE_URL });
  await client.connect();
  try {
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
  } finally {
    await client.end();
  }
}

async function openStream(url: string, headers: Record<string, string> = {}) {
  const aborter = new AbortController();
  const response = await fetch(url, { headers, signal: aborter.signal });
  return { response, sse: sseReader(response.body as ReadableStream<Uint8Array>), close: () => aborter.abort() };
}

/** The frames that carry a state, as [id, change]. */
const states = (frames: SseFrame[]) => frames.filter((f) => f.event === "state").map((f) => [f.id, f.data?.change]);

/** Headers both ways answer alike: all but the request's own (date, id) and what only Next adds (its navigation Vary). */
function comparable(headers: Headers): Record<string, string> {
  return Object.fromEntries([...headers].filter(([name]) => !["date", "x-request-id", "vary", "keep-alive"].includes(name)));
}

test("a public hearing's stream comes from the server itself: the route's headers, never compressed, the retry hint and the opening state", async ({ db }) => {
  const { hearing } = await makeWorldWithHearing(db, { ready: true });
  const lean = await openStream(`${e2eBaseUrl()}/api/hearings/${hearing.id}/events`, { "accept-encoding": "gzip, deflate, br" });
  expect(lean.response.status).toBe(200);
  expect(lean.response.headers.get("content-type")).toBe("text/event-stream; charset=utf-8");
  expect(lean.response.headers.get("cache-control")).toBe("no-store, no-transform");
  expect(lean.response.headers.get("x-accel-buffering")).toBe("no");
  expect(lean.response.headers.get("content-encoding")).toBeNull();
  expect(lean.response.headers.get("x-request-id")).toMatch(/^[0-9a-f-]{36}$/);
  expect(lean.response.headers.get("content-security-policy")).toContain("default-src 'self'");
  const retry = Number((await lean.sse.next())?.retry);
  expect(retry).toBeGreaterThanOrEqual(2_000);
  expect(retry).toBeLessThan(5_000);
  const opening = await lean.sse.nextState();
  expect(opening).toMatchObject({ id: "0", data: { hearingId: hearing.id, version: 0, change: "snapshot" } });
  expect(typeof opening.data?.serverTime).toBe("string");

  // Next's route, for a signed-in member's members-only stream: the same headers but for Next's own Vary.
  const { hearing: membersOnly } = await makeWorldWithHearing(db, { ready: true });
  await db.hearing.update({ where: { id: membersOnly.id }, data: { webcastAccess: "MEMBERS" } });
  const member = await makeStaff(db, "MEMBER");
  const routed = await openStream(`${e2eBaseUrl()}/api/hearings/${membersOnly.id}/events`, {
    "accept-encoding": "gzip, deflate, br",
    cookie: `${SESSION_COOKIE}=${await sessionToken(member)}`,
  });
  expect(routed.response.status).toBe(200);
  expect(await routed.sse.nextState()).toMatchObject({ id: "0", data: { hearingId: membersOnly.id, change: "snapshot" } });
  expect(comparable(lean.response.headers)).toEqual(comparable(routed.response.headers));
  expect(routed.response.headers.get("vary")).toContain("rsc");
  expect(lean.response.headers.get("vary")).toBeNull();
  lean.close();
  routed.close();

  // An anonymous viewer of the members-only hearing is still refused by the route, in its language.
  const anonymous = await fetch(`${e2eBaseUrl()}/api/hearings/${membersOnly.id}/events?locale=en`);
  expect(anonymous.status).toBe(401);
  expect(await anonymous.json()).toEqual({ error: "This hearing is for members only. Sign in as a member to follow it live." });
});

test("each change reaches the viewer; a returning viewer is given what it missed after Last-Event-ID or ?after=, then the current state", async ({ db }) => {
  const { hearing } = await makeWorldWithHearing(db, { ready: true });
  const events = `${e2eBaseUrl()}/api/hearings/${hearing.id}/events`;
  const watching = await openStream(events);
  expect(await watching.sse.nextState()).toMatchObject({ id: "0", data: { change: "snapshot" } });
  const first = await publish(hearing.id, "test-first");
  expect(await watching.sse.nextState()).toMatchObject({ id: String(first), data: { version: first, change: "test-first", status: "LIVE" } });
  const second = await publish(hearing.id, "test-second");
  const third = await publish(hearing.id, "test-third");
  expect(states([await watching.sse.nextState(), await watching.sse.nextState()])).toEqual([
    [String(second), "test-second"],
    [String(third), "test-third"],
  ]);
  watching.close();

  for (const [url, headers] of [
    [events, { "last-event-id": String(first) }],
    [`${events}?after=${first}`, {}],
  ] as const) {
    const back = await openStream(url, headers);
    expect(states([await back.sse.nextState(), await back.sse.nextState()])).toEqual([
      [String(second), "test-second"],
      [String(third), "snapshot"],
    ]);
    back.close();
  }
});

test("a hearing that does not exist is said inside the stream, which ends", async () => {
  for (const id of ["no-such-hearing-0000", "not a hearing!"]) {
    const { response, sse } = await openStream(`${e2eBaseUrl()}/api/hearings/${encodeURIComponent(id)}/events`);
    expect(response.status).toBe(200);
    const frames = await sse.rest();
    expect(Number(frames[0]?.retry)).toBeGreaterThanOrEqual(2_000);
    expect(frames.slice(1)).toEqual([{ event: "failure", data: { code: "NOT_FOUND" } }]);
  }
});
