import { beforeAll, describe, expect, it } from "vitest";
import { authenticate } from "@/lib/auth/sign-in";
import { loadActor } from "@/lib/auth/current-user";
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
  return user ? loadActor(user.id, user.sessionVersion) : null;
}

async function rateLimited(promise: Promise<unknown>): Promise<boolean> {
  try {
    await promise;
    return false;
  } catch (error) {
    return isDomainError(error) && error.code === "RATE_LIMITED";
  }
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
    const actor = await loadActor(made.id, session?.sessionVersion ?? -1);
    expect(actor).toBeNull();
    expect(can(actor, "manage:user:any")).toBe(false);
  });

  it("applies a role change on the next request", async () => {
    const made = await makeUser(db, "SECRETARIAT");
    const session = await authenticate({ email: made.email, password: made.password, ip: unique("ip") });
    await db.user.update({ where: { id: made.id }, data: { role: "MEMBER" } });
    const actor = await loadActor(made.id, session?.sessionVersion ?? -1);
    expect(actor?.role).toBe("MEMBER");
    expect(can(actor, "enter:admin-area:any")).toBe(false);
  });

  it("refuses a session whose version was superseded", async () => {
    const made = await makeUser(db, "CHAIR");
    const session = await authenticate({ email: made.email, password: made.password, ip: unique("ip") });
    await db.user.update({ where: { id: made.id }, data: { sessionVersion: { increment: 1 } } });
    expect(await loadActor(made.id, session?.sessionVersion ?? -1)).toBeNull();
  });

  it("rate-limits failed sign-ins per account, even when the right password follows", async () => {
    const made = await makeUser(db, "MEMBER");
    for (let i = 0; i < SIGN_IN_LIMITS.perAccount; i++) {
      expect(await authenticate({ email: made.email, password: "wrong", ip: unique("ip") })).toBeNull();
    }
    expect(await rateLimited(authenticate({ email: made.email, password: made.password, ip: unique("ip") }))).toBe(true);
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
    expect(await rateLimited(authenticate({ email: made.email, password: made.password, ip }))).toBe(true);
    // Another address is not affected.
    expect(await authenticate({ email: made.email, password: made.password, ip: unique("ip") })).not.toBeNull();
  });
});
