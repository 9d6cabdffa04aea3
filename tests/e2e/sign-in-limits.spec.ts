import { randomInt } from "node:crypto";
import { makeUser } from "../support/factories";
import { expect, expectAccessible, signIn, test } from "./support/fixtures";
import { rawRequest, type RawAnswer } from "./support/raw-request";
import { e2eBaseUrl, SESSION_COOKIE } from "./support/session";

// docs/decisions/022-sessions-and-sign-in-limits.md, through the running server: the address
// the limits count is the socket's, so each "client" below binds its socket to an address of
// its own in 127.0.0.0/8 (all loopback on Linux) and signs in through next-auth's own
// credentials endpoint, as the sign-in form does.

type Answer = RawAnswer;

function request(path: string, opts: { localAddress: string; method?: string; body?: string; cookie?: string }): Promise<Answer> {
  return rawRequest(`${e2eBaseUrl()}${path}`, {
    method: opts.method,
    localAddress: opts.localAddress,
    body: opts.body,
    headers: { ...(opts.cookie ? { cookie: opts.cookie } : {}), ...(opts.body ? { "content-type": "application/x-www-form-urlencoded" } : {}) },
  });
}

function cookiesOf(answer: Answer): string[] {
  return (answer.headers["set-cookie"] ?? []).map((c) => c.split(";")[0] ?? "");
}

/** A password sign-in from `localAddress`: the refusal's code, or the session cookie it set. */
async function signInFrom(localAddress: string, email: string, password: string): Promise<{ error: string | null; session: string | null; answer: Answer }> {
  const csrf = await request("/api/auth/csrf", { localAddress });
  const { csrfToken } = JSON.parse(csrf.body) as { csrfToken: string };
  const body = new URLSearchParams({ csrfToken, email, password, json: "true", callbackUrl: `${e2eBaseUrl()}/en/member` }).toString();
  const answer = await request("/api/auth/callback/credentials", { localAddress, method: "POST", body, cookie: cookiesOf(csrf).join("; ") });
  const url = (JSON.parse(answer.body) as { url?: string }).url ?? "";
  const error = url ? new URL(url, e2eBaseUrl()).searchParams.get("error") : null;
  const session = cookiesOf(answer).find((c) => c.startsWith(`${SESSION_COOKIE}=`)) ?? null;
  return { error, session, answer };
}

/** An address of this test's own: loopback, away from 127.0.0.1 where the browsers are. */
function ownAddress(): string {
  return `127.${randomInt(1, 255)}.${randomInt(0, 256)}.${randomInt(1, 255)}`;
}

const WRONG = "not-the-password-at-all";

test("wrong passwords from one address do not stop the right one from another; that address waits longer each time", async ({ db }) => {
  const chair = await makeUser(db, "CHAIR");
  const attacker = ownAddress();
  const chairsLaptop = ownAddress();

  // Three free failures from the attacker's address, through the server (which records the
  // address it saw); five more written as the server would have, just now, so that the wait
  // (32 s) is far longer than a request on a loaded machine takes. (Nine in all: at ten the
  // account counts as under attack and the failing address waits the longest.)
  for (let i = 0; i < 3; i++) expect((await signInFrom(attacker, chair.email, WRONG)).error).toBe("CredentialsSignin");
  const seen = await db.loginAttempt.findFirstOrThrow({ where: { email: chair.email, succeeded: false }, select: { ip: true } });
  const fail = (n: number) => db.loginAttempt.createMany({ data: Array.from({ length: n }, () => ({ email: chair.email, ip: seen.ip, succeeded: false })) });
  await fail(5);
  const refused = await signInFrom(attacker, chair.email, chair.password);
  expect(refused.error).toMatch(/^RATE_LIMITED:wait:\d+$/);
  expect(refused.session).toBeNull();
  // As HTTP says it: 429, and when to come back.
  expect(refused.answer.status).toBe(429);
  const firstWait = Number(refused.answer.headers["retry-after"]);
  expect(refused.error).toBe(`RATE_LIMITED:wait:${firstWait}`);
  expect(firstWait).toBeGreaterThan(16);
  expect(firstWait).toBeLessThanOrEqual(32);

  // The chair, from an address that did not fail, is signed in.
  const chairSignIn = await signInFrom(chairsLaptop, chair.email, chair.password);
  expect(chairSignIn.error).toBeNull();
  expect(chairSignIn.session).not.toBeNull();
  // The chair's address was counted as its own, not the attacker's.
  expect(await db.loginAttempt.count({ where: { email: chair.email, ip: { not: seen.ip } } })).toBe(1);

  // One more failure, and the attacker's wait doubles.
  await fail(1);
  const longer = await signInFrom(attacker, chair.email, chair.password);
  expect(longer.answer.status).toBe(429);
  const secondWait = Number(longer.answer.headers["retry-after"]);
  expect(secondWait).toBeGreaterThan(32);
  expect(secondWait).toBeLessThanOrEqual(64);
});

test("the sign-in form says how long to wait, in the visitor's language", async ({ page, db, consoleErrors }) => {
  consoleErrors.allow(/status of 401/);
  consoleErrors.allow(/status of 429/);
  const member = await makeUser(db, "MEMBER");
  // One failure from the browser's own address, through the form, tells the address the server sees.
  await signIn(page, "fr", member.email, WRONG);
  await expect(page.getByTestId("sign-in-error")).toBeVisible({ timeout: 30_000 });
  const seen = await db.loginAttempt.findFirstOrThrow({ where: { email: member.email }, select: { ip: true } });
  // Seven more just now: the next attempt must wait 32 s.
  await db.loginAttempt.createMany({ data: Array.from({ length: 7 }, () => ({ email: member.email, ip: seen.ip, succeeded: false })) });
  await page.locator('input[name="password"]').fill(member.password);
  await page.locator('form button[type="submit"]').click();
  await expect(page.getByTestId("sign-in-error")).toHaveText(
    /^Trop de mots de passe erronés pour ce compte depuis votre connexion\. Réessayez dans \d+ secondes\.$/,
  );
  await expectAccessible(page);
  await page.goto("/fr/member");
  await expect(page).toHaveURL(/\/fr\/sign-in\?next=/);
});

// That signing out ends the session on the server (the same cookie, replayed, opens nothing) is
// auth.spec.ts's sign-out test.
