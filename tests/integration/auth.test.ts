import { beforeAll, describe, expect, it } from "vitest";
import { authenticate } from "@/lib/auth/sign-in";
import { loadActor } from "@/lib/auth/current-user";
import { sessionOf } from "../support/user-session";
import { can, ROLES, type Permission, type RoleName } from "@/lib/auth/permissions";
import { SIGN_IN_LIMITS } from "@/lib/auth/limits";
import { createDb, type PrismaClient } from "@/lib/db/client";
import { isDomainError } from "@/lib/errors/domain-error";
import { withAppDatabase } from "../support/app-database";
import { makeCandidate, makeConference, makeMemberState, makePost, makeUser, unique } from "../support/factories";

const database = withAppDatabase();
let db: PrismaClient;
let freshCandidate: () => Promise<string>;

beforeAll(async () => {
  db = createDb(database.url());
  const conference = await makeConference(db);
  const post = await makePost(db, conference.id);
  const state = await makeMemberState(db);
  // A candidate account is bound to exactly one candidature, so each test makes its own.
  freshCandidate = async () => (await makeCandidate(db, { conferenceId: conference.id, postId: post.id, memberStateId: state.id })).id;
});

const AREA: Record<RoleName, Permission> = {
  SECRETARIAT: "enter:admin-area:any",
  CHAIR: "enter:chair-area:any",
  CANDIDATE: "enter:workspace:own",
  ETHICS_OFFICER: "enter:ethics-area:any",
  MEMBER: "enter:member-area:any",
};

async function signIn(email: string, password: string, ip = unique("ip")) {
  const user = await authenticate({ email, password, ip });
  return user ? loadActor(await sessionOf(user.id, user.sessionVersion)) : null;
}

describe("sign-in and permission checks on real Postgres", () => {
  it.each(ROLES)("a %s signs in and may enter its own area only", async (role) => {
    const made = await makeUser(db, role, role === "CANDIDATE" ? { candidateId: await freshCandidate() } : {});
    const actor = await signIn(made.email.toUpperCase(), made.password);
    expect(actor?.role).toBe(role);
    for (const other of ROLES) {
      const allowed = can(actor, AREA[other], { userId: actor?.id, candidateId: actor?.candidateId });
      expect(allowed, `${role} → ${other}`).toBe(other === role);
    }
  });

  it("binds a candidate to their own candidature and to no other", async () => {
    const candidateId = await freshCandidate();
    const made = await makeUser(db, "CANDIDATE", { candidateId });
    const actor = await signIn(made.email, made.password);
    expect(can(actor, "edit:profile:own", { candidateId })).toBe(true);
    expect(can(actor, "edit:profile:own", { candidateId: "someone-else" })).toBe(false);
  });

  it("refuses a wrong password and an unknown account", async () => {
    const made = await makeUser(db, "MEMBER");
    expect(await signIn(made.email, `${made.password}x`)).toBeNull();
    expect(await signIn(`${unique("nobody")}@example.test`, "whatever")).toBeNull();
  });

  it("refuses a disabled account, even with the right password", async () => {
    const made = await makeUser(db, "SECRETARIAT", { disabled: true });
    expect(await signIn(made.email, made.password)).toBeNull();
  });

  it("ends a live session at once when the account is disabled", async () => {
    const made = await makeUser(db, "SECRETARIAT");
    const session = await authenticate({ email: made.email, password: made.password, ip: unique("ip") });
    expect(session).not.toBeNull();
    await db.user.update({ where: { id: made.id }, data: { disabledAt: new Date() } });
    const actor = await loadActor(await sessionOf(made.id, session?.sessionVersion ?? -1));
    expect(actor).toBeNull();
    expect(can(actor, "manage:user:any")).toBe(false);
  });

  it("applies a role change on the next request", async () => {
    const made = await makeUser(db, "SECRETARIAT");
    const session = await authenticate({ email: made.email, password: made.password, ip: unique("ip") });
    await db.user.update({ where: { id: made.id }, data: { role: "MEMBER" } });
    const actor = await loadActor(await sessionOf(made.id, session?.sessionVersion ?? -1));
    expect(actor?.role).toBe("MEMBER");
    expect(can(actor, "enter:admin-area:any")).toBe(false);
  });

  it("refuses a session whose version was superseded", async () => {
    const made = await makeUser(db, "CHAIR");
    const session = await authenticate({ email: made.email, password: made.password, ip: unique("ip") });
    await db.user.update({ where: { id: made.id }, data: { sessionVersion: { increment: 1 } } });
    expect(await loadActor(await sessionOf(made.id, session?.sessionVersion ?? -1))).toBeNull();
  });

  // docs/decisions/022-sessions-and-sign-in-limits.md. Failures older than the attempt are
  // written as rows (as other app instances would have) with the times the rule reads, so
  // the waits are known without sleeping and only the attempts under test run scrypt.
  async function failures(email: string, ip: string, ...secondsAgo: number[]) {
    await db.loginAttempt.createMany({ data: secondsAgo.map((s) => ({ email, ip, succeeded: false, at: new Date(Date.now() - s * 1000) })) });
  }

  async function refusal(promise: Promise<unknown>) {
    try {
      await promise;
      return null;
    } catch (error) {
      if (!isDomainError(error)) throw error;
      return { code: error.code, messageKey: error.messageKey, retryAfterSeconds: error.retryAfterSeconds };
    }
  }

  it("wrong passwords for an account from one address never refuse the right password from another", async () => {
    const made = await makeUser(db, "SECRETARIAT");
    const attacker = unique("ip");
    // Far more failures than any limit, from one address and from many.
    await failures(made.email, attacker, ...Array.from({ length: 25 }, (_, i) => i));
    for (let i = 0; i < 20; i++) await failures(made.email, unique("ip"), 1);
    expect(await refusal(authenticate({ email: made.email, password: made.password, ip: attacker }))).toMatchObject({ code: "RATE_LIMITED" });
    expect(await authenticate({ email: made.email, password: made.password, ip: unique("ip") })).toMatchObject({ id: made.id });
  });

  it("lets an address fail a few times, then makes each next attempt wait longer, the right password too", async () => {
    const made = await makeUser(db, "CHAIR");
    const ip = unique("ip");
    // Two failures: a third attempt is still free, and is recorded.
    await failures(made.email, ip, 30, 20);
    expect(await authenticate({ email: made.email, password: "wrong", ip })).toBeNull();
    // Six failures, the last just now: 8 s to wait, whatever the password (and whatever a loaded
    // machine takes to ask: the wait left is what is told).
    await failures(made.email, ip, 0, 0, 0);
    const first = await refusal(authenticate({ email: made.email, password: made.password, ip }));
    expect(first).toMatchObject({ code: "RATE_LIMITED", messageKey: "signInLimits.wait" });
    expect(first?.retryAfterSeconds).toBeGreaterThan(4);
    expect(first?.retryAfterSeconds).toBeLessThanOrEqual(8);
    // One more failure: the wait has doubled.
    await failures(made.email, ip, 0);
    const second = await refusal(authenticate({ email: made.email, password: made.password, ip }));
    expect(second?.retryAfterSeconds).toBeGreaterThan(8);
    expect(second?.retryAfterSeconds).toBeLessThanOrEqual(16);
    // A refused attempt is not recorded (it would lengthen the wait it was refused for).
    expect(await db.loginAttempt.count({ where: { email: made.email, ip } })).toBe(7);
  });

  it("lets the address try again once its wait has passed, and forgets its failures on success", async () => {
    const made = await makeUser(db, "MEMBER");
    const ip = unique("ip");
    // Four failures, the last 3 s ago: the wait was 2 s.
    await failures(made.email, ip, 40, 30, 20, 3);
    expect(await authenticate({ email: made.email, password: made.password, ip })).toMatchObject({ id: made.id });
    // After the success, the earlier failures no longer count: three free failures again.
    await failures(made.email, ip, 0, 0);
    expect(await authenticate({ email: made.email, password: made.password, ip })).toMatchObject({ id: made.id });
  });

  it("caps the wait", async () => {
    const made = await makeUser(db, "MEMBER");
    const ip = unique("ip");
    await failures(made.email, ip, ...Array.from({ length: 28 }, () => 0));
    const capped = await refusal(authenticate({ email: made.email, password: made.password, ip }));
    expect(capped?.retryAfterSeconds).toBeGreaterThan(SIGN_IN_LIMITS.maxDelayMs / 1000 - 60);
    expect(capped?.retryAfterSeconds).toBeLessThanOrEqual(SIGN_IN_LIMITS.maxDelayMs / 1000);
  });

  it("under attack from many addresses, an account makes each failing address wait from its first failure, and no other", async () => {
    const made = await makeUser(db, "ETHICS_OFFICER");
    for (let i = 0; i < SIGN_IN_LIMITS.accountUnderAttack; i++) await failures(made.email, unique("ip"), 1);
    const failedOnce = unique("ip");
    await failures(made.email, failedOnce, 0);
    expect(await refusal(authenticate({ email: made.email, password: made.password, ip: failedOnce }))).toMatchObject({ messageKey: "signInLimits.wait" });
    expect(await authenticate({ email: made.email, password: made.password, ip: unique("ip") })).toMatchObject({ id: made.id });
  });

  it("rate-limits failed sign-ins per address across accounts", async () => {
    const ip = unique("ip");
    // The spray so far, as other app instances recorded it (the limit reads these rows): all
    // but the last two attempts, so the test runs three real scrypt verifications, not 32.
    await db.loginAttempt.createMany({
      data: Array.from({ length: SIGN_IN_LIMITS.perAddress - 2 }, () => ({ email: `${unique("spray")}@example.test`, ip, succeeded: false })),
    });
    // The last two, through sign-in itself: the second is still allowed, and both are recorded.
    for (let i = 0; i < 2; i++) {
      expect(await authenticate({ email: `${unique("spray")}@example.test`, password: "wrong", ip })).toBeNull();
    }
    expect(await db.loginAttempt.count({ where: { ip, succeeded: false } })).toBe(SIGN_IN_LIMITS.perAddress);
    const made = await makeUser(db, "MEMBER");
    // Refused before the hash, with the time until enough failures leave the window.
    expect(await refusal(authenticate({ email: made.email, password: made.password, ip }))).toMatchObject({
      messageKey: "signInLimits.addressLimited",
      retryAfterSeconds: expect.any(Number),
    });
    expect(await db.loginAttempt.count({ where: { ip } })).toBe(SIGN_IN_LIMITS.perAddress);
    // Another address is not affected.
    expect(await authenticate({ email: made.email, password: made.password, ip: unique("ip") })).not.toBeNull();
  });
});
