import { createHmac, randomBytes } from "node:crypto";
import http from "node:http";
import { e2eBaseUrl, SESSION_COOKIE, sessionToken } from "./support/session";
import { expect, expectAccessible, signInAs, test } from "./support/fixtures";
import { SECOND_SERVER_MUX, secondServer } from "./support/second-server";
import { makeStaff, makeWorldWithHearing } from "./support/world";

// Through the running server (docs/decisions/027-same-origin-and-members-only-stream.md):
// every change comes from a page of the site, server actions and JSON routes alike, and JSON
// routes take only JSON; Mux's signed webhook is still taken. A members-only hearing's live
// events go to signed-in viewers who may watch, and its public page says only that it is
// under way. Requests are made with Node's http, which sends no Origin unless told.

type Answer = { status: number; headers: http.IncomingHttpHeaders; body: string };

function send(url: string, options: { method?: string; headers?: Record<string, string>; body?: string | Buffer; untilText?: string } = {}): Promise<Answer> {
  return new Promise((resolve, reject) => {
    const req = http.request(url, { method: options.method ?? "GET", agent: false, headers: options.headers }, (res) => {
      let body = "";
      res.setEncoding("utf8");
      res.on("data", (chunk: string) => {
        body += chunk;
        // A stream is read until it has said what the test waits for.
        if (options.untilText && body.includes(options.untilText)) {
          resolve({ status: res.statusCode ?? 0, headers: res.headers, body });
          req.destroy();
        }
      });
      res.on("end", () => resolve({ status: res.statusCode ?? 0, headers: res.headers, body }));
    });
    req.on("error", reject);
    req.end(options.body);
  });
}

const BASE = () => e2eBaseUrl();
const CROSS_SITE = "This change was refused: it was not sent from a page of this site. Open the page on this site and try again.";

/** The chair console's start form as the page renders it, for a POST without script (the form's own fields, its action's id included). */
function startForm(html: string): URLSearchParams {
  for (const form of html.match(/<form[\s\S]*?<\/form>/g) ?? []) {
    if (!/name="move"[^>]*value="start"|value="start"[^>]*name="move"/.test(form)) continue;
    const fields = new URLSearchParams();
    for (const input of form.match(/<input[^>]*>/g) ?? []) {
      const name = /name="([^"]*)"/.exec(input)?.[1];
      if (!name || /type="(checkbox|radio|submit)"/.test(input)) continue;
      fields.append(name, (/value="([^"]*)"/.exec(input)?.[1] ?? "").replaceAll("&quot;", '"').replaceAll("&amp;", "&"));
    }
    fields.set("move", "start");
    fields.set("confirmed", "yes");
    return fields;
  }
  throw new Error("the console shows no start form");
}

test("a server action runs only when sent from a page of the site: no Origin, or another site's, is a translated 403 and changes nothing", async ({ db }) => {
  const { hearing, chair } = await makeWorldWithHearing(db, { ready: true });
  const cookie = `${SESSION_COOKIE}=${await sessionToken(chair)}`;
  const path = `/en/chair?hearing=${hearing.id}`;
  const consolePage = await send(`${BASE()}${path}`, { headers: { cookie } });
  expect(consolePage.status).toBe(200);
  const form = startForm(consolePage.body);
  expect([...form.keys()].some((name) => name.startsWith("$ACTION"))).toBe(true);
  // As a browser without script posts the form: multipart, the action's id among the fields.
  const post = async (origin: string | null, locale = "en") => {
    const body = new FormData();
    for (const [name, value] of form) body.append(name, value);
    const response = await fetch(`${BASE()}${path.replace("/en/", `/${locale}/`)}`, {
      method: "POST",
      body,
      headers: { cookie, ...(origin ? { origin } : {}) },
      redirect: "manual",
    });
    return { status: response.status, body: await response.text() };
  };

  for (const origin of [null, "https://evil.example", "null", `${BASE()}.evil.example`]) {
    const refused = await post(origin);
    expect(refused.status, String(origin)).toBe(403);
    expect(refused.body).toBe(CROSS_SITE);
  }
  const inFrench = await post("https://evil.example", "fr");
  expect(inFrench.status).toBe(403);
  expect(inFrench.body).toContain("Cette modification a été refusée");
  expect((await db.hearing.findUniqueOrThrow({ where: { id: hearing.id }, select: { status: true } })).status).toBe("SCHEDULED");

  // The same form from the site itself starts the hearing: the refusals above were about the Origin alone.
  const accepted = await post(BASE());
  expect(accepted.status).toBeLessThan(400);
  await expect.poll(async () => (await db.hearing.findUniqueOrThrow({ where: { id: hearing.id }, select: { status: true } })).status).toBe("LIVE");
});

test("a question route takes JSON from the site only: text/plain is 415, another site or none 403, each in the asker's language, and nothing is stored", async ({
  db,
}) => {
  const { hearing, candidates } = await makeWorldWithHearing(db, { ready: true });
  const candidateId = candidates[0]?.id ?? "";
  const question = JSON.stringify({
    candidateId,
    askerName: "Simple Request",
    askerOrigin: "Elsewhere",
    body: `Would you answer a page elsewhere ${randomBytes(3).toString("hex")}?`,
    website: "",
  });
  const ask = (headers: Record<string, string>, locale = "en") =>
    send(`${BASE()}/api/hearings/${hearing.id}/questions?locale=${locale}`, { method: "POST", body: question, headers });

  const plain = await ask({ origin: BASE(), "content-type": "text/plain" });
  expect(plain.status).toBe(415);
  expect(JSON.parse(plain.body)).toEqual({ error: "This request was refused: its body must be JSON (Content-Type: application/json)." });
  expect(JSON.parse((await ask({ origin: BASE(), "content-type": "text/plain;charset=UTF-8" }, "ar")).body).error).toBe(
    "رُفض هذا الطلب: يجب أن يكون محتواه بصيغة JSON (Content-Type: application/json).",
  );
  for (const headers of [{ origin: "https://evil.example", "content-type": "application/json" }, { "content-type": "application/json" }] as Record<
    string,
    string
  >[]) {
    const refused = await ask(headers);
    expect(refused.status).toBe(403);
    expect(JSON.parse(refused.body)).toEqual({ error: CROSS_SITE });
  }
  const forum = await send(`${BASE()}/api/forum/questions?locale=en`, {
    method: "POST",
    body: JSON.stringify({ candidateId, askerName: "Simple Request", body: "A forum question from elsewhere?" }),
    headers: { origin: "https://evil.example", "content-type": "text/plain" },
  });
  expect(forum.status).toBe(403);
  expect(await db.hearingQuestion.count({ where: { hearingId: hearing.id } })).toBe(0);
  expect(await db.forumQuestion.count({ where: { candidateId } })).toBe(0);
});

test("Mux's webhook, signed, is still taken without an Origin; unsigned it is still refused", async () => {
  // The suite's second server is given Mux, with its webhook secret (./support/second-server.ts).
  const server = await secondServer();
  const secret = SECOND_SERVER_MUX.webhookSecret;
  const raw = JSON.stringify({ type: "video.asset.ready", data: { id: "asset-unknown", upload_id: "upload-unknown" } });
  const t = Math.floor(Date.now() / 1000);
  const signature = `t=${t},v1=${createHmac("sha256", secret).update(`${t}.`).update(raw).digest("hex")}`;
  const signed = await send(`${server.url}/api/webhooks/mux`, {
    method: "POST",
    body: raw,
    headers: { "content-type": "application/json", "mux-signature": signature },
  });
  expect(signed.status, server.output()).toBe(200);
  expect(JSON.parse(signed.body)).toMatchObject({ received: true });
  const unsigned = await send(`${server.url}/api/webhooks/mux`, { method: "POST", body: raw, headers: { "content-type": "application/json" } });
  expect(unsigned.status).toBe(401);
});

/** A members-only hearing, live, with its first candidate speaking and a viewer's question, with its asker's name, on screen. */
async function liveMembersOnlyHearing(db: Parameters<typeof makeWorldWithHearing>[0]) {
  const world = await makeWorldWithHearing(db, { ready: true });
  const first = await db.hearingSlot.findFirstOrThrow({ where: { hearingId: world.hearing.id, position: 1 }, select: { id: true, candidateId: true } });
  const asker = `Asker ${randomBytes(3).toString("hex")}`;
  const onScreen = await db.hearingQuestion.create({
    data: {
      hearingId: world.hearing.id,
      candidateId: first.candidateId,
      source: "WEBCAST",
      askerName: asker,
      body: "What will you do first?",
      bodyHash: randomBytes(16).toString("hex"),
      status: "SHOWN",
      shownAt: new Date(),
    },
  });
  await db.hearing.update({
    where: { id: world.hearing.id },
    data: {
      webcastAccess: "MEMBERS",
      status: "LIVE",
      startedAt: new Date(),
      currentSlotId: first.id,
      phase: "QA",
      phaseStartedAt: new Date(),
      phaseDurationMs: 15 * 60_000,
      currentQuestionId: onScreen.id,
      stateVersion: { increment: 1 },
    },
  });
  const speaker = world.candidates.find((c) => c.id === first.candidateId)?.name ?? "";
  return { ...world, asker, speaker };
}

test("a members-only hearing's live events go to a signed-in member only: 401 for anyone else, in their language", async ({ db }) => {
  const { hearing, asker, speaker } = await liveMembersOnlyHearing(db);
  const events = `${BASE()}/api/hearings/${hearing.id}/events`;

  const anonymous = await send(`${events}?locale=en`);
  expect(anonymous.status).toBe(401);
  expect(anonymous.headers["content-type"]).toContain("application/json");
  expect(JSON.parse(anonymous.body)).toEqual({ error: "This hearing is for members only. Sign in as a member to follow it live." });
  expect(anonymous.body).not.toContain(asker);
  const inRussian = await send(events, { headers: { cookie: "NEXT_LOCALE=ru" } });
  expect(JSON.parse(inRussian.body).error).toBe("Эти слушания только для членов. Войдите как член, чтобы следить за ними в прямом эфире.");

  // A session the account has since left behind (a role change or a disable bumps its version) is no session.
  const member = await makeStaff(db, "MEMBER");
  const stale = await send(events, { headers: { cookie: `${SESSION_COOKIE}=${await sessionToken({ ...member, sessionVersion: 7 })}` } });
  expect(stale.status).toBe(401);
  const disabled = await makeStaff(db, "MEMBER", { disabled: true });
  expect((await send(events, { headers: { cookie: `${SESSION_COOKIE}=${await sessionToken(disabled)}` } })).status).toBe(401);

  const allowed = await send(events, { headers: { cookie: `${SESSION_COOKIE}=${await sessionToken(member)}` }, untilText: asker });
  expect(allowed.status).toBe(200);
  expect(allowed.headers["content-type"]).toContain("text/event-stream");
  expect(allowed.body).toContain('"change":"snapshot"');
  expect(allowed.body).toContain(speaker);

  // A public hearing's stream stays open to all.
  const { hearing: open } = await makeWorldWithHearing(db, { ready: true });
  const publicStream = await send(`${BASE()}/api/hearings/${open.id}/events`, { untilText: '"change":"snapshot"' });
  expect(publicStream.status).toBe(200);
});

test("the public page of a members-only hearing under way says only that: no speaker, no question; a member sees the panel", async ({ page, db }) => {
  const { hearing, asker, speaker } = await liveMembersOnlyHearing(db);
  await page.goto(`/en/hearing/${hearing.id}`);
  await expect(page.getByTestId("live-members-only")).toContainText("A members-only hearing is under way.");
  await expect(page.getByTestId("live-panel")).toHaveCount(0);
  await expect(page.getByTestId("live-speaker")).toHaveCount(0);
  expect(await page.content()).not.toContain(asker);
  await expectAccessible(page);

  await page.goto(`/ar/hearing/${hearing.id}`);
  await expect(page.getByTestId("live-members-only")).toContainText("تُعقد الآن جلسة مقصورة على الأعضاء.");
  await expectAccessible(page);

  await signInAs(page, await makeStaff(db, "MEMBER"));
  await page.goto(`/fr/hearing/${hearing.id}`);
  await expect(page.getByTestId("live-speaker")).toContainText(speaker);
  await expect(page.getByTestId("live-members-only")).toHaveCount(0);
});
