import { beforeAll, describe, expect, it } from "vitest";
import type { Account, NextAuthOptions, User } from "next-auth";
import { createDb, type PrismaClient } from "@/lib/db/client";
import { loadActor } from "@/lib/auth/current-user";
import { needsSecondFactor } from "@/lib/auth/second-factor-rule";
import { sessionOptions } from "@/lib/auth/session";
import { completeSecondFactor, endUserSession, startUserSession } from "@/lib/auth/user-session";
import { withAppDatabase } from "../support/app-database";
import { makeUser } from "../support/factories";

// Server-side sessions (docs/decisions/022-sessions-and-sign-in-limits.md) on real Postgres:
// what the jwt callback opens, what loadActor accepts, what signing out ends. Through a
// running server (the cookie replayed after signing out): tests/e2e/sign-in-limits.spec.ts.

const database = withAppDatabase();
let db: PrismaClient;

beforeAll(() => {
  db = createDb(database.url());
});

const credentials: Account = { provider: "credentials", type: "credentials", providerAccountId: "x" };
const jwt: NonNullable<NextAuthOptions["callbacks"]>["jwt"] = (params) => sessionOptions().callbacks!.jwt!(params);

async function open(userId: string, pendingSecondFactor = false) {
  const session = await startUserSession(userId, { pendingSecondFactor });
  return { userId, sessionVersion: 0, sessionId: session.id };
}

describe("the session a sign-in opens", () => {
  it("a password sign-in writes the session's id into the token, pending as the second-factor rule says", async () => {
    for (const totpEnabledAt of [null, new Date()]) {
      const made = await makeUser(db, "SECRETARIAT");
      await db.user.update({ where: { id: made.id }, data: { totpEnabledAt } });
      const user: User = { id: made.id, sessionVersion: 0, role: "SECRETARIAT", totpEnabledAt };
      const token = await jwt({ token: { sub: made.id }, user, account: credentials, trigger: "signIn" });
      expect(token).toMatchObject({ uid: made.id, sv: 0, sid: expect.any(String) });
      const row = await db.userSession.findUniqueOrThrow({ where: { id: String(token.sid) } });
      expect(row).toMatchObject({ userId: made.id, endedAt: null, pendingSecondFactor: needsSecondFactor({ role: "SECRETARIAT", totpEnabledAt }) });
      // It lasts as long as the cookie may: eight hours.
      expect(row.expiresAt.getTime() - row.createdAt.getTime()).toBeGreaterThan(8 * 60 * 60 * 1000 - 5_000);
    }
  });

  it("a later request's token is left as it is: no new session per request", async () => {
    const made = await makeUser(db, "MEMBER");
    const before = await db.userSession.count({ where: { userId: made.id } });
    const token = await jwt({ token: { sub: made.id, uid: made.id, sv: 0, sid: "kept" }, user: undefined as unknown as User, account: null });
    expect(token.sid).toBe("kept");
    expect(await db.userSession.count({ where: { userId: made.id } })).toBe(before);
  });
});

describe("which sessions sign their user in", () => {
  it("an open, complete session of the current version", async () => {
    const made = await makeUser(db, "CHAIR");
    expect(await loadActor(await open(made.id))).toMatchObject({ id: made.id, role: "CHAIR" });
  });

  it("not one that was ended, however often it is ended", async () => {
    const made = await makeUser(db, "CHAIR");
    const claims = await open(made.id);
    await endUserSession(claims.sessionId);
    await endUserSession(claims.sessionId);
    expect(await loadActor(claims)).toBeNull();
    // Giving the second factor afterwards does not bring it back.
    await completeSecondFactor(claims.sessionId);
    expect(await loadActor(claims)).toBeNull();
  });

  it("not one that has expired", async () => {
    const made = await makeUser(db, "MEMBER");
    const claims = await open(made.id);
    await db.userSession.update({ where: { id: claims.sessionId }, data: { expiresAt: new Date(Date.now() - 1_000) } });
    expect(await loadActor(claims)).toBeNull();
  });

  it("not one still waiting for its second factor, until it is given", async () => {
    const made = await makeUser(db, "SECRETARIAT");
    const claims = await open(made.id, true);
    expect(await loadActor(claims)).toBeNull();
    await completeSecondFactor(claims.sessionId);
    expect(await loadActor(claims)).toMatchObject({ id: made.id });
  });

  it("not one that is missing, or that belongs to someone else", async () => {
    const made = await makeUser(db, "MEMBER");
    const other = await makeUser(db, "SECRETARIAT");
    expect(await loadActor({ userId: made.id, sessionVersion: 0, sessionId: "no-such-session" })).toBeNull();
    const theirs = await open(other.id);
    expect(await loadActor({ ...theirs, userId: made.id })).toBeNull();
  });

  it("not one whose user was disabled or whose sessions were all ended by a new version", async () => {
    const disabled = await makeUser(db, "MEMBER");
    const a = await open(disabled.id);
    await db.user.update({ where: { id: disabled.id }, data: { disabledAt: new Date() } });
    expect(await loadActor(a)).toBeNull();
    const bumped = await makeUser(db, "MEMBER");
    const b = await open(bumped.id);
    await db.user.update({ where: { id: bumped.id }, data: { sessionVersion: { increment: 1 } } });
    expect(await loadActor(b)).toBeNull();
  });
});

describe("signing out", () => {
  it("next-auth's sign-out event ends the session its token names, and only that one", async () => {
    const made = await makeUser(db, "MEMBER");
    const signedOut = await open(made.id);
    const otherDevice = await open(made.id);
    await sessionOptions().events!.signOut!({ token: { sub: made.id, uid: made.id, sv: 0, sid: signedOut.sessionId }, session: undefined as never });
    expect(await loadActor(signedOut)).toBeNull();
    expect(await loadActor(otherDevice)).toMatchObject({ id: made.id });
  });
});
