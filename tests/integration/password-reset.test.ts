import { beforeAll, describe, expect, it } from "vitest";
import { loadActor } from "@/lib/auth/current-user";
import { startUserSession } from "@/lib/auth/user-session-rows";
import { createDb, type PrismaClient } from "@/lib/db/client";
import { deliverDue } from "@/lib/mail/worker";
import { RESET_LIMITS } from "@/lib/users/password-reset-limits";
import { requestPasswordReset } from "@/lib/users/request-password-reset";
import { setPassword, usableSetupLinkPurpose } from "@/lib/users/set-password";
import { hashSetupToken } from "@/lib/users/setup-token";
import { withAppDatabase } from "../support/app-database";
import { auditRowsFor } from "../support/audit";
import { makeUser, unique } from "../support/factories";
import { refusalOf } from "../support/roles";

// The reset message's link is built on NEXTAUTH_URL (read once, on first use).
process.env.NEXTAUTH_URL = "https://hustings.example.test";

const database = withAppDatabase();
let db: PrismaClient;

beforeAll(() => {
  db = createDb(database.url());
});

/** A new address each time, so that the in-memory per-address limit of one test does not reach another. */
const ip = () => `192.0.2.${Math.floor(Math.random() * 250) + 1}-${unique("a")}`;

const outboxFor = (to: string) => db.outboxMessage.findMany({ where: { toAddress: to }, orderBy: { createdAt: "asc" } });

function tokenOf(body: string): string {
  const match = /\/set-password\/([A-Za-z0-9_-]+)/.exec(body);
  if (!match?.[1]) throw new Error("no link in the message");
  return match[1];
}

describe("asking for a reset link", () => {
  it("sends an account a single-use link of 30 minutes through the outbox, in the asker's language, and audits it", async () => {
    const user = await makeUser(db, "CANDIDATE");
    const before = Date.now();
    await requestPasswordReset({ input: { email: user.email.toUpperCase() }, ip: ip(), locale: "fr" });
    const [mail, ...more] = await outboxFor(user.email);
    expect(more).toHaveLength(0);
    expect(mail).toMatchObject({ kind: "password-reset", status: "PENDING", subject: "Réinitialisez votre mot de passe Hustings" });
    expect(mail?.body).toContain("https://hustings.example.test/fr/set-password/");
    const token = tokenOf(mail?.body ?? "");
    const row = await db.passwordSetupToken.findUniqueOrThrow({ where: { tokenHash: hashSetupToken(token) } });
    expect(row.purpose).toBe("RESET");
    const minutes = (row.expiresAt.getTime() - before) / 60_000;
    expect(minutes).toBeGreaterThan(29.9);
    expect(minutes).toBeLessThanOrEqual(30.1);
    const audit = await auditRowsFor(db, "User", user.id);
    expect(audit.map((a) => [a.action, a.actorId])).toEqual([["password-reset-requested", null]]);
    expect(JSON.stringify(audit.map((a) => [a.before, a.after]))).not.toContain(token);
  });

  it("answers an unknown address, a disabled account and an account without a password the same, and sends nothing", async () => {
    const disabled = await makeUser(db, "CHAIR", { disabled: true });
    const ssoMember = await db.user.create({ data: { email: `${unique("sso")}@example.test`, name: "SSO member", role: "MEMBER" } });
    const unknown = `${unique("nobody")}@example.test`;
    for (const email of [unknown, disabled.email, ssoMember.email]) {
      await expect(requestPasswordReset({ input: { email }, ip: ip(), locale: "en" })).resolves.toBeUndefined();
      expect(await outboxFor(email)).toHaveLength(0);
    }
    expect(await db.passwordSetupToken.count({ where: { userId: { in: [disabled.id, ssoMember.id] } } })).toBe(0);
  });

  it("is limited per typed address, whether or not it has an account, and per asking address", async () => {
    const user = await makeUser(db, "CANDIDATE");
    const unknown = `${unique("nobody")}@example.test`;
    for (const email of [user.email, unknown]) {
      for (let i = 0; i < RESET_LIMITS.perEmail.max; i++) await requestPasswordReset({ input: { email }, ip: ip(), locale: "en" });
      expect(await refusalOf(requestPasswordReset({ input: { email }, ip: ip(), locale: "en" }))).toMatchObject({
        code: "RATE_LIMITED",
        messageKey: "passwordReset.rateLimited",
      });
    }
    // Only the newest link works.
    const tokens = await db.passwordSetupToken.findMany({ where: { userId: user.id }, orderBy: { createdAt: "asc" } });
    expect(tokens).toHaveLength(RESET_LIMITS.perEmail.max);
    expect(tokens.filter((t) => t.expiresAt.getTime() > Date.now())).toHaveLength(1);

    const asker = ip();
    for (let i = 0; i < RESET_LIMITS.perAddress.max; i++)
      await requestPasswordReset({ input: { email: `${unique("n")}@example.test` }, ip: asker, locale: "en" });
    expect(await refusalOf(requestPasswordReset({ input: { email: `${unique("n")}@example.test` }, ip: asker, locale: "en" }))).toMatchObject({
      code: "RATE_LIMITED",
    });
  });

  it("is sent with its link, and the stored copy forgets its text once sent", async () => {
    const user = await makeUser(db, "CANDIDATE");
    await requestPasswordReset({ input: { email: user.email }, ip: ip(), locale: "en" });
    const sent: { to: string; text: string }[] = [];
    await deliverDue({ transport: { send: async (mail) => void sent.push({ to: mail.to, text: mail.text }) }, batch: 100 });
    expect(sent.find((m) => m.to === user.email)?.text).toContain("https://hustings.example.test/en/set-password/");
    const [stored] = await outboxFor(user.email);
    expect(stored).toMatchObject({ status: "SENT", body: "" });
  });

  it("refuses an address that is not one, translated", async () => {
    expect(await refusalOf(requestPasswordReset({ input: { email: "not an address" }, ip: ip(), locale: "en" }))).toMatchObject({
      code: "INVALID_INPUT",
      fieldErrors: { email: "email" },
    });
  });
});

describe("using the link", () => {
  it("sets the new password once, ends the account's other sessions, and refuses a common password", async () => {
    const user = await makeUser(db, "ETHICS_OFFICER");
    const session = await startUserSession(user.id, { pendingSecondFactor: false });
    const claims = { userId: user.id, sessionVersion: 0, sessionId: session.id };
    expect(await loadActor(claims)).not.toBeNull();
    await requestPasswordReset({ input: { email: user.email }, ip: ip(), locale: "en" });
    const [mail] = await outboxFor(user.email);
    const token = tokenOf(mail?.body ?? "");
    expect(await usableSetupLinkPurpose(token)).toBe("RESET");

    expect(await refusalOf(setPassword({ input: { token, password: "Password1234", passwordConfirm: "Password1234" } }))).toMatchObject({
      code: "INVALID_INPUT",
      fieldErrors: { password: "passwordReset.commonPassword" },
    });
    const before = await db.user.findUniqueOrThrow({ where: { id: user.id } });
    const fresh = "lantern quietly over Geneva harbour";
    await setPassword({ input: { token, password: fresh, passwordConfirm: fresh } });
    const after = await db.user.findUniqueOrThrow({ where: { id: user.id } });
    expect(after.sessionVersion).toBe(before.sessionVersion + 1);
    expect(after.passwordHash).not.toBe(before.passwordHash);
    // The session's cookie carried the old version: it no longer opens.
    expect(await loadActor(claims)).toBeNull();
    expect(await refusalOf(setPassword({ input: { token, password: `${fresh}!`, passwordConfirm: `${fresh}!` } }))).toMatchObject({ code: "NOT_FOUND" });
    expect(await usableSetupLinkPurpose(token)).toBeNull();
  });

  it("refuses an expired link", async () => {
    const user = await makeUser(db, "CANDIDATE");
    await requestPasswordReset({ input: { email: user.email }, ip: ip(), locale: "en" });
    const [mail] = await outboxFor(user.email);
    const token = tokenOf(mail?.body ?? "");
    await db.passwordSetupToken.update({ where: { tokenHash: hashSetupToken(token) }, data: { expiresAt: new Date(Date.now() - 1000) } });
    expect(
      await refusalOf(setPassword({ input: { token, password: "lantern quietly over Geneva", passwordConfirm: "lantern quietly over Geneva" } })),
    ).toMatchObject({
      code: "NOT_FOUND",
      messageKey: "auth.setupLinkInvalid",
    });
  });
});
