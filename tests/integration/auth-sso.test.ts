import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { Account, NextAuthOptions, User } from "next-auth";
import { createDb, type PrismaClient } from "@/lib/db/client";
import { ROLES } from "@/lib/auth/permissions";
import { isDomainError } from "@/lib/errors/domain-error";
import { withAppDatabase } from "../support/app-database";
import { auditRowsFor } from "../support/audit";
import { makeCandidate, makeConference, makeMemberState, makePost, makeUser, unique } from "../support/factories";

// Members' single sign-on (docs/decisions/010-member-sso.md): the sign-in rule (lib/sign-in/sso.ts) and its wiring into
// next-auth's callbacks (lib/sign-in/options.ts), on real Postgres. The round trip through a
// real OpenID Connect provider is tests/e2e/member-sso.spec.ts.

// lib/env.ts reads the environment once, at the first call: set before anything runs.
Object.assign(process.env, {
  OIDC_ISSUER: "https://idp.example.org/",
  OIDC_CLIENT_ID: "hustings",
  OIDC_CLIENT_SECRET: "a-client-secret",
  OIDC_NAME: "Example Sign-On",
});

const { signInWithSso, ssoConfig } = await import("@/lib/sign-in/sso");
const { authOptions } = await import("@/lib/sign-in/options");
const { loadActor } = await import("@/lib/auth/current-user");
const { sessionOf } = await import("../support/user-session");

const database = withAppDatabase();
let db: PrismaClient;
let freshCandidate: () => Promise<string>;

beforeAll(async () => {
  db = createDb(database.url());
  const conference = await makeConference(db);
  const post = await makePost(db, conference.id);
  const state = await makeMemberState(db);
  freshCandidate = async () => (await makeCandidate(db, { conferenceId: conference.id, postId: post.id, memberStateId: state.id })).id;
});
afterAll(async () => {
  await db?.$disconnect();
});

function claims(email: string, extra: Record<string, unknown> = {}) {
  return { sub: unique("sub"), email, email_verified: true, name: "Ada Member", ...extra };
}

async function refusalOf(call: () => Promise<unknown>): Promise<string> {
  try {
    await call();
    return "ALLOWED";
  } catch (error) {
    return isDomainError(error) ? `${error.code} ${error.messageKey}` : `unexpected: ${String(error)}`;
  }
}

const newEmail = () => `${unique("sso")}@members.example.test`;

describe("the single sign-on rule", () => {
  it("reads the provider from the environment, without a trailing slash on the issuer", () => {
    expect(ssoConfig()).toEqual({ issuer: "https://idp.example.org", clientId: "hustings", clientSecret: "a-client-secret", name: "Example Sign-On" });
  });

  it.each([
    ["says the address is not verified", { email_verified: false }],
    ["says it is not verified, as a string", { email_verified: "false" }],
    ["does not say whether it is verified", { email_verified: undefined }],
    ["gives no address", { email: undefined }],
    ["gives something that is not an address", { email: "not-an-address" }],
  ])("refuses when the provider %s, and creates nothing", async (_case, extra) => {
    const email = newEmail();
    expect(await refusalOf(() => signInWithSso(claims(email, extra)))).toBe("FORBIDDEN auth.ssoEmailUnverified");
    expect(await db.user.count({ where: { email } })).toBe(0);
  });

  it("signs an existing member in as themselves, whatever the address's case, and writes no audit row", async () => {
    const member = await makeUser(db, "MEMBER");
    const before = await db.auditEvent.count();
    const user = await signInWithSso(claims(member.email.toUpperCase()));
    expect(user).toMatchObject({ id: member.id, email: member.email, role: "MEMBER", sessionVersion: 0 });
    expect(await db.auditEvent.count()).toBe(before);
    expect(await loadActor(await sessionOf(user.id, user.sessionVersion))).toMatchObject({ id: member.id, role: "MEMBER" });
  });

  it('accepts email_verified sent as the string "true"', async () => {
    const member = await makeUser(db, "MEMBER");
    expect((await signInWithSso(claims(member.email, { email_verified: "true" }))).id).toBe(member.id);
  });

  it.each(ROLES.filter((r) => r !== "MEMBER"))("refuses the %s's address: staff roles keep their passwords", async (role) => {
    const staff = await makeUser(db, role, role === "CANDIDATE" ? { candidateId: await freshCandidate() } : {});
    expect(await refusalOf(() => signInWithSso(claims(staff.email)))).toBe("FORBIDDEN auth.ssoStaffAccount");
    expect(await db.user.findUniqueOrThrow({ where: { id: staff.id }, select: { role: true } })).toEqual({ role });
  });

  it.each(["MEMBER", "SECRETARIAT"] as const)("refuses a disabled %s", async (role) => {
    const disabled = await makeUser(db, role, { disabled: true });
    expect(await refusalOf(() => signInWithSso(claims(disabled.email)))).toBe("FORBIDDEN auth.ssoAccountDisabled");
  });

  it("creates a member for an unknown address, audited with no actor, and signs them in", async () => {
    const email = newEmail();
    const sub = unique("sub");
    const user = await signInWithSso({ sub, email, email_verified: true, name: "  Grace Member " });
    const stored = await db.user.findUniqueOrThrow({ where: { email } });
    expect(stored).toMatchObject({ id: user.id, role: "MEMBER", name: "Grace Member", passwordHash: null, disabledAt: null, candidateId: null });
    expect(user.sessionVersion).toBe(stored.sessionVersion);
    const rows = await auditRowsFor(db, "User", stored.id);
    expect(rows).toHaveLength(1);
    expect(rows[0]).toMatchObject({
      actorId: null,
      actorRole: null,
      area: "user",
      action: "created-by-sso",
      after: { email, name: "Grace Member", role: "MEMBER", issuerSubject: sub },
    });
    expect(await loadActor(await sessionOf(user.id, user.sessionVersion))).toMatchObject({ id: stored.id, role: "MEMBER", candidateId: null });

    // The next time, the same account, and no second audit row.
    expect((await signInWithSso(claims(email))).id).toBe(stored.id);
    expect(await auditRowsFor(db, "User", stored.id)).toHaveLength(1);
  });

  it("names a new member after their address when the provider gives no name", async () => {
    const email = newEmail();
    await signInWithSso({ sub: unique("sub"), email, email_verified: true });
    expect((await db.user.findUniqueOrThrow({ where: { email } })).name).toBe(email);
  });

  it("makes one account when the same first sign-in arrives twice at once", async () => {
    const email = newEmail();
    const [a, b] = await Promise.all([signInWithSso(claims(email)), signInWithSso(claims(email))]);
    expect(a.id).toBe(b.id);
    expect(await db.user.count({ where: { email } })).toBe(1);
    expect(await auditRowsFor(db, "User", a.id)).toHaveLength(1);
  });

  it("a disabled account created by single sign-on stays out", async () => {
    const email = newEmail();
    const user = await signInWithSso(claims(email));
    await db.user.update({ where: { id: user.id }, data: { disabledAt: new Date(), sessionVersion: { increment: 1 } } });
    expect(await loadActor(await sessionOf(user.id, user.sessionVersion))).toBeNull();
    expect(await refusalOf(() => signInWithSso(claims(email)))).toBe("FORBIDDEN auth.ssoAccountDisabled");
  });
});

describe("next-auth's callbacks with single sign-on configured", () => {
  // Built once the database exists (withAppDatabase sets DATABASE_URL in beforeAll).
  const options = () => authOptions({ locale: "fr" });
  const oidcAccount: Account = { provider: "oidc", type: "oauth", providerAccountId: "idp-subject" };
  const profileUser = (): User => ({ id: "idp-subject", email: null, name: null, sessionVersion: -1 });
  const signInCallback: NonNullable<NextAuthOptions["callbacks"]>["signIn"] = (params) => options().callbacks!.signIn!(params);
  const jwtCallback: NonNullable<NextAuthOptions["callbacks"]>["jwt"] = (params) => options().callbacks!.jwt!(params);

  it("offers the provider next to the password sign-in, and sends people back in their language", () => {
    expect(options().providers.map((p) => [p.id, p.name, p.type])).toEqual([
      ["credentials", "Credentials", "credentials"],
      ["oidc", "Example Sign-On", "oauth"],
    ]);
    expect(options().pages).toEqual({ signIn: "/fr/sign-in", error: "/fr/sign-in" });
  });

  it("turns the provider's profile into the member's account: the token carries our id, session version and a new session", async () => {
    const member = await makeUser(db, "MEMBER");
    const user = profileUser();
    expect(await signInCallback({ user, account: oidcAccount, profile: claims(member.email) })).toBe(true);
    expect(user).toMatchObject({ id: member.id, email: member.email, sessionVersion: 0 });
    const token = await jwtCallback({ token: { sub: user.id }, user, account: oidcAccount, trigger: "signIn" });
    expect(token).toMatchObject({ uid: member.id, sv: 0, sid: expect.any(String) });
    // docs/decisions/022-sessions-and-sign-in-limits.md: the provider is the members' own authentication, no second factor is pending.
    expect(await db.userSession.findUniqueOrThrow({ where: { id: String(token.sid) } })).toMatchObject({
      userId: member.id,
      pendingSecondFactor: false,
      endedAt: null,
    });
  });

  it.each([
    ["a staff address", async () => (await makeUser(db, "SECRETARIAT")).email, {}, "SsoStaffAccount"],
    ["a disabled member", async () => (await makeUser(db, "MEMBER", { disabled: true })).email, {}, "SsoAccountDisabled"],
    ["an unverified address", async () => newEmail(), { email_verified: false }, "SsoEmailUnverified"],
  ])("refuses %s with the code the sign-in page translates", async (_case, email, extra, code) => {
    const user = profileUser();
    await expect(signInCallback({ user, account: oidcAccount, profile: claims(await email(), extra) })).rejects.toThrow(new Error(code));
    expect(user.sessionVersion).toBe(-1);
  });

  it("never writes a token for a provider profile that was not turned into an account", async () => {
    await expect(Promise.resolve().then(() => jwtCallback({ token: {}, user: profileUser(), account: oidcAccount, trigger: "signIn" }))).rejects.toThrow(
      "AccessDenied",
    );
  });

  it("leaves the password sign-in alone", async () => {
    const user: User = { id: "x", sessionVersion: 3 };
    expect(await signInCallback({ user, account: { provider: "credentials", type: "credentials", providerAccountId: "x" }, credentials: {} })).toBe(true);
    expect(user).toEqual({ id: "x", sessionVersion: 3 });
  });
});
