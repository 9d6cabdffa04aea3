import { beforeAll, describe, expect, it } from "vitest";
import { startUserSession } from "@/lib/auth/user-session-rows";
import type { Actor, RoleName } from "@/lib/auth/permissions";
import { createDb, type PrismaClient } from "@/lib/db/client";
import { beginEnrolment } from "@/lib/second-factor/begin-enrolment";
import { FAILED_ACTION } from "@/lib/second-factor/check";
import { completeSignIn, enrolAtSignIn, beginEnrolmentAtSignIn } from "@/lib/second-factor/complete-sign-in";
import { confirmEnrolment } from "@/lib/second-factor/confirm-enrolment";
import { disableSecondFactor } from "@/lib/second-factor/disable-second-factor";
import { SECOND_FACTOR_LIMITS } from "@/lib/second-factor/limits";
import { secondFactorStatus } from "@/lib/second-factor/queries";
import { hashRecoveryCode } from "@/lib/second-factor/recovery-core";
import { regenerateRecoveryCodes } from "@/lib/second-factor/regenerate-recovery-codes";
import { totpCode } from "@/lib/second-factor/totp-core";
import { withAppDatabase } from "../support/app-database";
import { auditRowsFor } from "../support/audit";
import { makeUser, type TestUser } from "../support/factories";
import { actorOf, refusalOf } from "../support/roles";

const database = withAppDatabase();
let db: PrismaClient;

beforeAll(() => {
  db = createDb(database.url());
});

const STEP_MS = 30_000;
/** Each test's own clock, a step apart per use, so that no code is refused as already used by accident. */
const at = (base: Date, steps: number) => new Date(base.getTime() + steps * STEP_MS);

function actorFor(user: TestUser): Actor {
  return { id: user.id, role: user.role, candidateId: user.candidateId, disabled: false };
}

async function pendingSecret(userId: string): Promise<string> {
  const status = await secondFactorStatus(userId);
  if (!status?.pending) throw new Error("no enrolment under way");
  return status.pending.secret;
}

/** A user of `role` with the second factor on; its secret and recovery codes. */
async function enrolled(role: RoleName, now = new Date()) {
  const user = await makeUser(db, role);
  const actor = actorFor(user);
  await beginEnrolment({ actor });
  const secret = await pendingSecret(user.id);
  const { recoveryCodes } = await confirmEnrolment({ actor, input: { code: totpCode(secret, now) }, now });
  return { user, actor, secret, recoveryCodes };
}

async function pendingSession(userId: string) {
  const row = await startUserSession(userId, { pendingSecondFactor: true });
  return { sessionId: row.id, userId, pendingSecondFactor: true };
}

describe("enrolment", () => {
  it("keeps the secret sealed until a first code confirms it, then gives ten recovery codes kept as digests only, audited", async () => {
    const now = new Date();
    const user = await makeUser(db, "CHAIR");
    const actor = actorFor(user);
    await beginEnrolment({ actor });
    const secret = await pendingSecret(user.id);
    const stored = await db.user.findUniqueOrThrow({ where: { id: user.id } });
    expect(stored.totpSecret).not.toContain(secret);
    expect(stored.totpEnabledAt).toBeNull();

    expect(await refusalOf(confirmEnrolment({ actor, input: { code: "000000" }, now }))).toMatchObject({
      code: "INVALID_INPUT",
      fieldErrors: { code: "secondFactor.codeWrong" },
    });
    const { recoveryCodes } = await confirmEnrolment({ actor, input: { code: totpCode(secret, now) }, now });
    expect(recoveryCodes).toHaveLength(10);

    const after = await db.user.findUniqueOrThrow({ where: { id: user.id }, include: { recoveryCodes: true } });
    expect(after.totpEnabledAt).not.toBeNull();
    expect(after.recoveryCodes.map((r) => r.codeHash).sort()).toEqual(recoveryCodes.map((c) => hashRecoveryCode(user.id, c)).sort());
    const audit = await auditRowsFor(db, "User", user.id);
    expect(audit.map((a) => a.action)).toEqual([FAILED_ACTION, "second-factor-enabled"]);
    const written = JSON.stringify(audit.map((a) => [a.before, a.after]));
    for (const code of recoveryCodes) expect(written).not.toContain(code);
    expect(written).not.toContain(secret);

    expect(await refusalOf(beginEnrolment({ actor }))).toMatchObject({ code: "CONFLICT", messageKey: "secondFactor.alreadyEnabled" });
  });

  it("is not offered to members, and refuses the anonymous and a disabled account", async () => {
    const member = await makeUser(db, "MEMBER");
    expect(await refusalOf(beginEnrolment({ actor: actorFor(member) }))).toMatchObject({ code: "FORBIDDEN" });
    expect(await refusalOf(confirmEnrolment({ actor: actorFor(member), input: { code: "123456" } }))).toMatchObject({ code: "FORBIDDEN" });
    expect(await refusalOf(beginEnrolment({ actor: null }))).toMatchObject({ code: "UNAUTHENTICATED" });
    expect(await refusalOf(beginEnrolment({ actor: actorOf("CHAIR", { disabled: true }) }))).toMatchObject({ code: "FORBIDDEN" });
    const candidate = await makeUser(db, "CANDIDATE");
    await beginEnrolment({ actor: actorFor(candidate) });
    expect((await secondFactorStatus(candidate.id))?.pending).not.toBeNull();
  });
});

describe("the sign-in's second step", () => {
  it("completes a pending session with the app's code, and refuses the same code on another session", async () => {
    const now = new Date();
    const { user, secret } = await enrolled("SECRETARIAT", now);
    const first = await pendingSession(user.id);
    const code = totpCode(secret, at(now, 1));
    await completeSignIn({ session: first, input: { code }, now: at(now, 1) });
    expect((await db.userSession.findUniqueOrThrow({ where: { id: first.sessionId } })).pendingSecondFactor).toBe(false);

    const second = await pendingSession(user.id);
    expect(await refusalOf(completeSignIn({ session: second, input: { code }, now: at(now, 1) }))).toMatchObject({
      fieldErrors: { code: "secondFactor.codeWrong" },
    });
    expect((await db.userSession.findUniqueOrThrow({ where: { id: second.sessionId } })).pendingSecondFactor).toBe(true);
  });

  it("takes a recovery code once, audited with what is left", async () => {
    const { user, recoveryCodes } = await enrolled("ETHICS_OFFICER");
    const [code] = recoveryCodes;
    if (!code) throw new Error("no code");
    const result = await completeSignIn({ session: await pendingSession(user.id), input: { code: code.toUpperCase() } });
    expect(result).toEqual({ usedRecoveryCode: true, remaining: 9 });
    expect(await refusalOf(completeSignIn({ session: await pendingSession(user.id), input: { code } }))).toMatchObject({ code: "INVALID_INPUT" });
    const audit = await auditRowsFor(db, "User", user.id);
    expect(audit.filter((a) => a.action === "recovery-code-used").map((a) => a.after)).toEqual([{ unusedRecoveryCodes: 9 }]);
  });

  it("refuses codes for the rest of the window after too many wrong ones, even a right one", async () => {
    const now = new Date();
    const { user, secret } = await enrolled("CHAIR", now);
    const session = await pendingSession(user.id);
    for (let i = 0; i < SECOND_FACTOR_LIMITS.perAccount; i++) {
      expect(await refusalOf(completeSignIn({ session, input: { code: "000000" }, now: at(now, 1) }))).toMatchObject({ code: "INVALID_INPUT" });
    }
    expect(await refusalOf(completeSignIn({ session, input: { code: totpCode(secret, at(now, 1)) }, now: at(now, 1) }))).toMatchObject({
      code: "RATE_LIMITED",
      messageKey: "secondFactor.rateLimited",
    });
    // Per account: another session of it is refused as well.
    expect(
      await refusalOf(completeSignIn({ session: await pendingSession(user.id), input: { code: totpCode(secret, at(now, 1)) }, now: at(now, 1) })),
    ).toMatchObject({ code: "RATE_LIMITED" });
  });

  it("refuses a session that is not pending, and none", async () => {
    const { user, secret } = await enrolled("CHAIR");
    const full = await startUserSession(user.id, { pendingSecondFactor: false });
    const code = totpCode(secret, at(new Date(), 1));
    expect(await refusalOf(completeSignIn({ session: { sessionId: full.id, userId: user.id, pendingSecondFactor: false }, input: { code } }))).toMatchObject({
      code: "UNAUTHENTICATED",
    });
    expect(await refusalOf(completeSignIn({ session: null, input: { code } }))).toMatchObject({ code: "UNAUTHENTICATED" });
  });

  it("enrols a staff account that has no factor yet, and completes its session with the first code", async () => {
    const now = new Date();
    const user = await makeUser(db, "SECRETARIAT");
    const session = await pendingSession(user.id);
    expect(await refusalOf(completeSignIn({ session, input: { code: "123456" } }))).toMatchObject({
      code: "CONFLICT",
      messageKey: "secondFactor.enrolmentNeeded",
    });
    await beginEnrolmentAtSignIn({ session });
    const secret = await pendingSecret(user.id);
    const { recoveryCodes } = await enrolAtSignIn({ session, input: { code: totpCode(secret, now) }, now });
    expect(recoveryCodes).toHaveLength(10);
    expect((await db.userSession.findUniqueOrThrow({ where: { id: session.sessionId } })).pendingSecondFactor).toBe(false);
  });
});

describe("turning it off and new recovery codes", () => {
  it("need the password and a code; a wrong one counts as a failed attempt", async () => {
    const now = new Date();
    const { user, actor, secret } = await enrolled("CANDIDATE", now);
    expect(
      await refusalOf(disableSecondFactor({ actor, input: { password: "not the password", code: totpCode(secret, at(now, 1)) }, now: at(now, 1) })),
    ).toMatchObject({
      fieldErrors: { password: "secondFactor.passwordWrong" },
    });
    expect(await refusalOf(disableSecondFactor({ actor, input: { password: user.password, code: "000000" }, now: at(now, 1) }))).toMatchObject({
      fieldErrors: { code: "secondFactor.codeWrong" },
    });
    const result = await disableSecondFactor({ actor, input: { password: user.password, code: totpCode(secret, at(now, 1)) }, now: at(now, 1) });
    expect(result).toEqual({ required: false });
    const after = await db.user.findUniqueOrThrow({ where: { id: user.id }, include: { recoveryCodes: true } });
    expect([after.totpSecret, after.totpEnabledAt, after.recoveryCodes.length]).toEqual([null, null, 0]);
    const actions = (await auditRowsFor(db, "User", user.id)).map((a) => a.action);
    expect(actions).toEqual(["second-factor-enabled", FAILED_ACTION, FAILED_ACTION, "second-factor-disabled"]);
  });

  it("a candidate cannot turn off or renew another account's factor: the services act on the actor's own account only", async () => {
    const now = new Date();
    const victim = await enrolled("CHAIR", now);
    const other = await makeUser(db, "CANDIDATE");
    const input = { userId: victim.user.id, password: victim.user.password, code: totpCode(victim.secret, at(now, 1)) };
    expect(await refusalOf(disableSecondFactor({ actor: actorFor(other), input, now: at(now, 1) }))).toMatchObject({
      code: "CONFLICT",
      messageKey: "secondFactor.notEnabled",
    });
    expect(await refusalOf(regenerateRecoveryCodes({ actor: actorFor(other), input, now: at(now, 1) }))).toMatchObject({ code: "CONFLICT" });
    expect(await refusalOf(disableSecondFactor({ actor: null, input, now: at(now, 1) }))).toMatchObject({ code: "UNAUTHENTICATED" });
    expect(await refusalOf(disableSecondFactor({ actor: { ...victim.actor, disabled: true }, input, now: at(now, 1) }))).toMatchObject({ code: "FORBIDDEN" });
    expect((await db.user.findUniqueOrThrow({ where: { id: victim.user.id } })).totpEnabledAt).not.toBeNull();
  });

  it("new recovery codes replace the old ones", async () => {
    const now = new Date();
    const { user, actor, secret, recoveryCodes } = await enrolled("SECRETARIAT", now);
    const fresh = await regenerateRecoveryCodes({ actor, input: { password: user.password, code: totpCode(secret, at(now, 1)) }, now: at(now, 1) });
    expect(fresh.recoveryCodes).toHaveLength(10);
    const [old] = recoveryCodes;
    const [renewed] = fresh.recoveryCodes;
    expect(await refusalOf(completeSignIn({ session: await pendingSession(user.id), input: { code: old } }))).toMatchObject({ code: "INVALID_INPUT" });
    await completeSignIn({ session: await pendingSession(user.id), input: { code: renewed } });
    const actions = (await auditRowsFor(db, "User", user.id)).map((a) => a.action);
    expect(actions).toContain("recovery-codes-regenerated");
    // Turning off a required role's factor says it will be asked for again.
    const off = await disableSecondFactor({ actor, input: { password: user.password, code: totpCode(secret, at(now, 2)) }, now: at(now, 2) });
    expect(off).toEqual({ required: true });
  });
});
