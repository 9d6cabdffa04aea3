import { readFileSync } from "node:fs";
import os from "node:os";
import { SIGN_IN_LIMITS } from "../../lib/auth/limits";
import { HEARING_QUESTION_RATE_LIMITS } from "../../lib/hearings/question-limits";
import { makeUser } from "../support/factories";
import { expect, test } from "./support/fixtures";
import { rawRequest, type RawAnswer } from "./support/raw-request";
import { SECOND_SERVER_ENV, secondServer } from "./support/second-server";
import { makeWorldWithHearing } from "./support/world";

// The client's address and the public pages' script policy, through the running production
// server (server.ts): what a client sends in X-Forwarded-For never chooses the address a limit
// counts, unless TRUSTED_PROXY_HOPS says a proxy of ours wrote it
// (docs/decisions/024-client-address-and-server.md); the server listens on HOSTNAME only; a
// public page's inline scripts are allowed by hash, not by 'unsafe-inline'
// (docs/decisions/025-public-page-script-hashes.md). Every 127.x.y.z is this machine: each
// request's socket is bound to the loopback address that plays its client.

/** A loopback address of this test's own, never one another spec binds (tests/support/burst-load.ts uses 127.20.x.y). */
function loopback(block: number): () => string {
  const third = 1 + Math.floor(Math.random() * 250);
  let last = 0;
  return () => `127.${block}.${third}.${(last += 1)}`;
}

let spoofed = 0;
/** An X-Forwarded-For a client makes up, new each time. */
const spoof = () => `198.51.100.${(spoofed = (spoofed % 250) + 1)}, 203.0.113.${Math.floor(Math.random() * 250) + 1}`;

type Answer = RawAnswer;

function request(base: string, path: string, options: Parameters<typeof rawRequest>[1] = {}): Promise<Answer> {
  return rawRequest(`${base}${path}`, options);
}

/** A sign-in through next-auth's credentials callback, as the form sends it; the error code next-auth answers with, or "signed-in". */
async function signIn(base: string, email: string, password: string, from: string, forwardedFor: string): Promise<string> {
  const headers = { "x-forwarded-for": forwardedFor };
  const csrf = await request(base, "/api/auth/csrf", { localAddress: from, headers });
  const cookie = (csrf.headers["set-cookie"] ?? []).map((c) => c.split(";")[0]).join("; ");
  const { csrfToken } = JSON.parse(csrf.body) as { csrfToken: string };
  const body = new URLSearchParams({ csrfToken, email, password, json: "true", callbackUrl: `${base}/en` }).toString();
  const answer = await request(base, "/api/auth/callback/credentials", {
    method: "POST",
    localAddress: from,
    body,
    headers: { ...headers, cookie, "content-type": "application/x-www-form-urlencoded" },
  });
  const url = (JSON.parse(answer.body) as { url?: string }).url ?? "";
  return new URL(url, base).searchParams.get("error") ?? "signed-in";
}

/**
 * A viewer's question. A 503 (the instance busy, as a cold server on a loaded machine can be)
 * stores nothing and counts toward no limit: it is sent again after its Retry-After, as the
 * question form does.
 */
async function ask(base: string, hearingId: string, candidateId: string, from: string, forwardedFor: string, n: number): Promise<Answer> {
  const body = JSON.stringify({
    candidateId,
    askerName: `Viewer ${n}`,
    askerOrigin: "Loopback",
    body: `Spoofing check ${n} ${Math.random()}: what is your plan?`,
    website: "",
  });
  for (let attempt = 1; ; attempt++) {
    const answer = await request(base, `/api/hearings/${hearingId}/questions?locale=en`, {
      method: "POST",
      localAddress: from,
      body,
      headers: { "content-type": "application/json", "x-forwarded-for": forwardedFor },
    });
    if (answer.status !== 503 || attempt === 10) return answer;
    const wait = Math.min(Number(answer.headers["retry-after"]) || 1, 3) * 1_000;
    await new Promise((resolve) => setTimeout(resolve, wait));
  }
}

test("a made-up X-Forwarded-For does not lift the sign-in limit: the socket's address is the one counted", async ({ db, baseURL }) => {
  const base = baseURL ?? "";
  const next = loopback(43);
  const limited = next();
  const user = await makeUser(db, "MEMBER");
  // This address has used up its failures (across accounts, so none of them is this user's).
  await db.loginAttempt.createMany({
    data: Array.from({ length: SIGN_IN_LIMITS.perAddress }, (_, i) => ({ email: `someone-${i}@example.test`, ip: limited, succeeded: false })),
  });
  // Even the right password, with a new made-up header each time, is refused from there.
  for (let i = 0; i < 3; i++) expect(await signIn(base, user.email, user.password, limited, spoof())).toMatch(/^RATE_LIMITED/);
  // From another address, naming the limited one in the header changes nothing either: signed in.
  expect(await signIn(base, user.email, user.password, next(), limited)).toBe("signed-in");
});

test("a made-up X-Forwarded-For does not lift the hearing's per-address question limit; with one trusted proxy its entry is used", async ({ db, baseURL }) => {
  test.setTimeout(90_000);
  const base = baseURL ?? "";
  const world = await makeWorldWithHearing(db, { posts: 1, ready: true });
  const { hearing } = world;
  await db.hearing.update({ where: { id: hearing.id }, data: { status: "LIVE" } });
  const candidateId = world.candidates[0]?.id ?? "";
  const { max } = HEARING_QUESTION_RATE_LIMITS.perAddress;
  const next = loopback(41);

  // One socket, a new header for every question: the limit still holds after `max`.
  const one = next();
  for (let i = 0; i < max; i++) expect((await ask(base, hearing.id, candidateId, one, spoof(), i)).status).toBe(201);
  for (let i = 0; i < 3; i++) expect((await ask(base, hearing.id, candidateId, one, spoof(), max + i)).status).toBe(429);
  // Another socket claiming to be the first: accepted, on its own count.
  expect((await ask(base, hearing.id, candidateId, next(), one, 99)).status).toBe(201);

  // Behind one trusted proxy (the suite's second server: TRUSTED_PROXY_HOPS=1), the entry that
  // proxy appended (the rightmost) is the client: the socket (the proxy) and what the client
  // wrote left of it do not count.
  const proxied = await secondServer();
  expect(SECOND_SERVER_ENV.TRUSTED_PROXY_HOPS).toBe("1");
  const client = `192.0.2.${Math.floor(Math.random() * 250) + 1}`;
  const viaProxy = () => `${spoof()}, ${client}`;
  const fromProxies = loopback(42);
  for (let i = 0; i < max; i++) expect((await ask(proxied.url, hearing.id, candidateId, fromProxies(), viaProxy(), 200 + i)).status).toBe(201);
  expect((await ask(proxied.url, hearing.id, candidateId, fromProxies(), viaProxy(), 300)).status).toBe(429);
  // Another client through the same proxy is not limited.
  expect((await ask(proxied.url, hearing.id, candidateId, fromProxies(), `${client}, 192.0.2.251`, 301)).status).toBe(201);
});

test("HOSTNAME=127.0.0.1 listens on that address alone", async ({ baseURL }) => {
  const { port } = new URL(baseURL ?? "");
  // Served on 127.0.0.1 …
  expect((await request(baseURL ?? "", "/api/health")).status).toBeLessThan(500);
  // … but not on another address of this machine: any other loopback address, and the
  // machine's own network address when it has one. A server on every interface answers both.
  const refused = (host: string) =>
    request(`http://${host}:${port}`, "/api/health").then(
      () => "answered",
      (error: NodeJS.ErrnoException) => error.code,
    );
  expect(await refused("127.0.0.2")).toBe("ECONNREFUSED");
  const external = Object.values(os.networkInterfaces())
    .flat()
    .find((address) => address && !address.internal && address.family === "IPv4");
  if (external) expect(await refused(external.address)).toBe("ECONNREFUSED");
  // The listening socket itself (Linux): bound to 127.0.0.1 (0100007F), not 0.0.0.0 or ::.
  const hexPort = Number(port).toString(16).toUpperCase().padStart(4, "0");
  const listening = ["/proc/net/tcp", "/proc/net/tcp6"].flatMap((file) => {
    try {
      return readFileSync(file, "utf8")
        .split("\n")
        .slice(1)
        .map((line) => line.trim().split(/\s+/))
        .filter((fields) => fields[1]?.endsWith(`:${hexPort}`) && fields[3] === "0A")
        .map((fields) => fields[1]);
    } catch {
      return [];
    }
  });
  if (listening.length > 0) expect(listening).toEqual([`0100007F:${hexPort}`]);
});

test("a public page's policy allows its inline scripts by hash, and none by 'unsafe-inline'", async ({ db, baseURL }) => {
  const base = baseURL ?? "";
  const world = await makeWorldWithHearing(db, { posts: 1, ready: true });
  const { hearing } = world;
  for (const path of ["/en", `/en/conferences/${world.conference.slug}`, `/ar/hearing/${hearing.id}`]) {
    // Compressed as Next sends it (the server reads it through a decompressed copy) and not.
    for (const encoding of ["gzip", "identity"]) {
      const page = await request(base, path, { headers: { "accept-encoding": encoding } });
      expect(page.status, path).toBe(200);
      const policy = String(page.headers["content-security-policy"]);
      const scriptSrc = /(?:^|;\s*)script-src ([^;]*)/.exec(policy)?.[1] ?? "";
      expect(scriptSrc, path).not.toContain("'unsafe-inline'");
      expect(scriptSrc, path).not.toContain("'unsafe-eval'");
      if (encoding === "identity") {
        const inline = [...page.body.matchAll(/<script(?![^>]*\ssrc=)[^>]*>([\s\S]*?)<\/script>/gi)].map((m) => m[1] ?? "");
        expect(inline.length, path).toBeGreaterThan(0);
        const { createHash } = await import("node:crypto");
        for (const script of inline) expect(scriptSrc, script.slice(0, 80)).toContain(`'sha256-${createHash("sha256").update(script).digest("base64")}'`);
      } else {
        expect(page.headers["content-encoding"]).toBe("gzip");
      }
      // The browser asks again with its copy's tag: the 304 carries no policy, so the stored
      // page keeps the one naming its hashes (a policy on a 304 replaces the stored one).
      const etag = page.headers.etag;
      if (etag) {
        const again = await request(base, path, { headers: { "accept-encoding": encoding, "if-none-match": etag } });
        expect(again.status, path).toBe(304);
        expect(again.headers["content-security-policy"], path).toBeUndefined();
      }
    }
  }
});

test("a public page and the hearing's page run without a policy violation, and client-side navigation still works", async ({ page, db, consoleErrors }) => {
  const world = await makeWorldWithHearing(db, { posts: 1, ready: true });
  const { hearing } = world;
  await page.addInitScript(() => {
    const seen: string[] = [];
    Object.assign(window, { cspViolations: seen });
    document.addEventListener("securitypolicyviolation", (event) => seen.push(`${event.violatedDirective} ${event.blockedURI} ${event.sample}`));
  });
  const violations = () => page.evaluate(() => (window as unknown as { cspViolations: string[] }).cspViolations);

  await page.goto(`/en/conferences/${world.conference.slug}`);
  await expect(page.getByRole("heading", { level: 1 })).toBeVisible();
  // A mark on this document: a client-side navigation keeps it, a full load would not.
  await page.evaluate(() => Object.assign(window, { sameDocument: true }));
  const candidate = world.candidates[0];
  await page.getByRole("link", { name: candidate?.name, exact: true }).click();
  await expect(page).toHaveURL(new RegExp(`/en/candidates/${candidate?.id}$`));
  await expect(page.getByRole("heading", { level: 1 })).toHaveText(candidate?.name ?? "");
  expect(await page.evaluate(() => (window as unknown as { sameDocument?: boolean }).sameDocument)).toBe(true);
  expect(await violations()).toEqual([]);

  await page.goto(`/en/hearing/${hearing.id}`);
  await expect(page.getByRole("heading", { level: 1 })).toBeVisible();
  expect(await violations()).toEqual([]);
  // Again, from the browser's cache confirmed by a 304.
  await page.goto(`/en/hearing/${hearing.id}`);
  await expect(page.getByRole("heading", { level: 1 })).toBeVisible();
  expect(await violations()).toEqual([]);

  // And the policy is enforced: an inline script that is not the framework's does not run.
  consoleErrors.allow(/Executing inline script violates the following Content Security Policy directive/);
  const ran = await page.evaluate(() => {
    const script = document.createElement("script");
    script.textContent = "window.injected = true";
    document.body.append(script);
    return (window as unknown as { injected?: boolean }).injected === true;
  });
  expect(ran).toBe(false);
  await expect.poll(violations).toEqual([expect.stringMatching(/^script-src-elem inline/)]);
});
