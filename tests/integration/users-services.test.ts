import { beforeAll, describe, expect, it } from "vitest";
import { authenticate } from "@/lib/auth/sign-in";
import { loadActor } from "@/lib/auth/current-user";
import { sessionOf } from "../support/user-session";
import { createDb, type PrismaClient } from "@/lib/db/client";
import { changeRole } from "@/lib/users/change-role";
import { createUser } from "@/lib/users/create-user";
import { disableUser } from "@/lib/users/disable-user";
import { enableUser } from "@/lib/users/enable-user";
import { issueSetupLink } from "@/lib/users/issue-setup-link";
import { setPassword } from "@/lib/users/set-password";
import { hashSetupToken } from "@/lib/users/setup-token";
import { updateUser } from "@/lib/users/update-user";
import { getUserForAdmin, listCandidaturesWithoutAccount, listUsersForAdmin } from "@/lib/users/users-admin";
import type { Actor } from "@/lib/auth/permissions";
import { withAppDatabase } from "../support/app-database";
import { auditRowsFor } from "../support/audit";
import { makeMemberState, makeUser, unique } from "../support/factories";
import { makeFreeCandidature, makePendingUser, makeSecretariat } from "../support/factories-users";
import { expectOnlyRoleAllowed, refusalOf } from "../support/roles";

const database = withAppDatabase();
let db: PrismaClient;
let actor: Actor;

beforeAll(async () => {
  db = createDb(database.url());
  ({ actor } = await makeSecretariat(db));
});

const email = () => `${unique("new")}@Example.TEST`;
const PASSWORD = "a long enough passphrase";

describe("createUser", () => {
  it("creates an account without a password, lower-cased, with a one-time link whose digest only is kept, audited", async () => {
    const state = await makeMemberState(db);
    const address = email();
    const result = await createUser({ actor, input: { email: address, name: "Ada Lovelace", role: "CHAIR", memberStateId: state.id, isStaff: "on" } });
    expect(result.user).toMatchObject({ email: address.toLowerCase(), role: "CHAIR", memberStateId: state.id, isStaff: true });
    const stored = await db.user.findUniqueOrThrow({ where: { id: result.user.id }, include: { setupTokens: true } });
    expect(stored.passwordHash).toBeNull();
    expect(stored.setupTokens).toHaveLength(1);
    expect(stored.setupTokens[0]?.tokenHash).toBe(hashSetupToken(result.token));
    const days = ((stored.setupTokens[0]?.expiresAt.getTime() ?? 0) - Date.now()) / 86_400_000;
    expect(days).toBeGreaterThan(6.99);
    expect(days).toBeLessThanOrEqual(7);
    const audit = await auditRowsFor(db, "User", result.user.id);
    expect(audit.map((a) => [a.area, a.action, a.actorId])).toEqual([["user", "created", actor.id]]);
    const written = JSON.stringify(audit.map((a) => [a.before, a.after]));
    expect(written).not.toContain(result.token);
    expect(written).not.toContain(hashSetupToken(result.token));
  });

  it("binds a candidate account to a candidature without one, and refuses a second account for it", async () => {
    const candidature = await makeFreeCandidature(db);
    const made = await createUser({ actor, input: { email: email(), name: "Candidate", role: "CANDIDATE", candidateId: candidature.id } });
    expect(made.user).toMatchObject({ candidateId: candidature.id, memberStateId: candidature.memberStateId });
    expect(await refusalOf(createUser({ actor, input: { email: email(), name: "Again", role: "CANDIDATE", candidateId: candidature.id } }))).toMatchObject({
      code: "CONFLICT",
      fieldErrors: { candidateId: "adminUsers.candidateTaken" },
    });
  });

  it("refuses invalid input, a taken address, a candidate without a candidature", async () => {
    expect(await refusalOf(createUser({ actor, input: { email: "nope", name: "", role: "MEMBER" } }))).toEqual({
      code: "INVALID_INPUT",
      messageKey: undefined,
      fieldErrors: { email: "email", name: "required" },
    });
    const taken = await makeUser(db, "MEMBER");
    expect((await refusalOf(createUser({ actor, input: { email: taken.email.toUpperCase(), name: "Twin", role: "MEMBER" } }))).fieldErrors).toEqual({
      email: "adminUsers.emailTaken",
    });
    expect((await refusalOf(createUser({ actor, input: { email: email(), name: "C", role: "CANDIDATE" } }))).fieldErrors).toEqual({
      candidateId: "adminUsers.candidateRequired",
    });
  });

  it("is for the secretariat only", async () => {
    await expectOnlyRoleAllowed("SECRETARIAT", (a) => createUser({ actor: a, input: { email: email(), name: "X", role: "MEMBER" } }));
  });
});

describe("setPassword and issueSetupLink", () => {
  it("sets the password once with a valid link, ends the sessions, and audits it as the user", async () => {
    const address = `${unique("pending")}@example.test`;
    const { user, token } = await makePendingUser(db, address);
    await setPassword({ input: { token, password: PASSWORD, passwordConfirm: PASSWORD } });
    const signedIn = await authenticate({ email: address, password: PASSWORD, ip: unique("ip") });
    expect(signedIn?.id).toBe(user.id);
    expect(signedIn?.sessionVersion).toBe(user.sessionVersion + 1);
    expect(await refusalOf(setPassword({ input: { token, password: PASSWORD, passwordConfirm: PASSWORD } }))).toMatchObject({
      messageKey: "auth.setupLinkInvalid",
    });
    const audit = await auditRowsFor(db, "User", user.id);
    expect(audit.map((a) => [a.action, a.actorId])).toEqual([["password-set", user.id]]);
  });

  it("refuses an expired or unknown link, a short password, two different passwords", async () => {
    const expired = await makePendingUser(db, `${unique("old")}@example.test`, { expiresAt: new Date(Date.now() - 1000) });
    expect(await refusalOf(setPassword({ input: { token: expired.token, password: PASSWORD, passwordConfirm: PASSWORD } }))).toMatchObject({
      code: "NOT_FOUND",
      messageKey: "auth.setupLinkInvalid",
    });
    expect(await refusalOf(setPassword({ input: { token: "made-up", password: PASSWORD, passwordConfirm: PASSWORD } }))).toMatchObject({
      messageKey: "auth.setupLinkInvalid",
    });
    const { token } = await makePendingUser(db, `${unique("p")}@example.test`);
    expect((await refusalOf(setPassword({ input: { token, password: "short", passwordConfirm: "short" } }))).fieldErrors).toEqual({ password: "tooShort:12" });
    expect((await refusalOf(setPassword({ input: { token, password: PASSWORD, passwordConfirm: "something else entirely" } }))).fieldErrors).toEqual({
      passwordConfirm: "auth.passwordsDiffer",
    });
  });

  it("a new link makes the previous one stop working, and is audited", async () => {
    const { user, token } = await makePendingUser(db, `${unique("again")}@example.test`);
    const fresh = await issueSetupLink({ actor, input: { userId: user.id } });
    expect(await refusalOf(setPassword({ input: { token, password: PASSWORD, passwordConfirm: PASSWORD } }))).toMatchObject({
      messageKey: "auth.setupLinkInvalid",
    });
    await setPassword({ input: { token: fresh.token, password: PASSWORD, passwordConfirm: PASSWORD } });
    const audit = await auditRowsFor(db, "User", user.id);
    expect(audit.map((a) => a.action)).toEqual(["setup-link-issued", "password-set"]);
    expect(await refusalOf(issueSetupLink({ actor, input: { userId: "" } }))).toMatchObject({ code: "INVALID_INPUT" });
  });

  it("issuing a link is for the secretariat only", async () => {
    const { user } = await makePendingUser(db, `${unique("r")}@example.test`);
    await expectOnlyRoleAllowed("SECRETARIAT", (a) => issueSetupLink({ actor: a, input: { userId: user.id } }));
  });
});

describe("disableUser and enableUser", () => {
  it("disabling ends the user's live session at once and their pending links; both are audited", async () => {
    const member = await makeUser(db, "MEMBER");
    const session = await authenticate({ email: member.email, password: member.password, ip: unique("ip") });
    const link = await issueSetupLink({ actor, input: { userId: member.id } });
    await disableUser({ actor, input: { userId: member.id, confirmed: "yes" } });
    expect(await loadActor(await sessionOf(member.id, session?.sessionVersion ?? -1))).toBeNull();
    expect(await refusalOf(setPassword({ input: { token: link.token, password: PASSWORD, passwordConfirm: PASSWORD } }))).toMatchObject({
      messageKey: "auth.setupLinkInvalid",
    });
    expect(await authenticate({ email: member.email, password: member.password, ip: unique("ip") })).toBeNull();
    await enableUser({ actor, input: { userId: member.id } });
    expect(await authenticate({ email: member.email, password: member.password, ip: unique("ip") })).not.toBeNull();
    // The old session does not come back with the account.
    expect(await loadActor(await sessionOf(member.id, session?.sessionVersion ?? -1))).toBeNull();
    const audit = await auditRowsFor(db, "User", member.id);
    expect(audit.map((a) => a.action)).toEqual(["setup-link-issued", "disabled", "enabled"]);
    expect(audit[1]?.before).toMatchObject({ disabledAt: null });
    expect(audit[1]?.after).toMatchObject({ disabledAt: expect.any(String) });
  });

  it("refuses invalid input, an unknown user, a second disable or enable", async () => {
    expect(await refusalOf(disableUser({ actor, input: { confirmed: "yes" } }))).toMatchObject({ code: "INVALID_INPUT", fieldErrors: { userId: "required" } });
    expect(await refusalOf(enableUser({ actor, input: {} }))).toMatchObject({ code: "INVALID_INPUT" });
    expect(await refusalOf(disableUser({ actor, input: { userId: "nobody", confirmed: "yes" } }))).toMatchObject({ code: "NOT_FOUND" });
    const member = await makeUser(db, "MEMBER");
    expect(await refusalOf(enableUser({ actor, input: { userId: member.id } }))).toMatchObject({ messageKey: "adminUsers.alreadyEnabled" });
    await disableUser({ actor, input: { userId: member.id, confirmed: "yes" } });
    expect(await refusalOf(disableUser({ actor, input: { userId: member.id, confirmed: "yes" } }))).toMatchObject({ messageKey: "adminUsers.alreadyDisabled" });
  });

  it("are for the secretariat only", async () => {
    const member = await makeUser(db, "MEMBER");
    await expectOnlyRoleAllowed("SECRETARIAT", (a) => disableUser({ actor: a, input: { userId: member.id, confirmed: "yes" } }));
    const disabled = await makeUser(db, "MEMBER", { disabled: true });
    await expectOnlyRoleAllowed("SECRETARIAT", (a) => enableUser({ actor: a, input: { userId: disabled.id } }));
  });
});

describe("changeRole", () => {
  it("ends the sessions, unbinds a candidature when leaving CANDIDATE, and is audited", async () => {
    const candidature = await makeFreeCandidature(db);
    const candidate = await makeUser(db, "CANDIDATE", { candidateId: candidature.id });
    const session = await authenticate({ email: candidate.email, password: candidate.password, ip: unique("ip") });
    const after = await changeRole({ actor, input: { userId: candidate.id, role: "MEMBER" } });
    expect(after).toMatchObject({ role: "MEMBER", candidateId: null });
    expect(await loadActor(await sessionOf(candidate.id, session?.sessionVersion ?? -1))).toBeNull();
    // The candidature is free again for another account.
    const back = await changeRole({ actor, input: { userId: candidate.id, role: "CANDIDATE", candidateId: candidature.id } });
    expect(back.candidateId).toBe(candidature.id);
    const audit = await auditRowsFor(db, "User", candidate.id);
    expect(audit.map((a) => a.action)).toEqual(["role-changed", "role-changed"]);
    expect(audit[0]?.before).toMatchObject({ role: "CANDIDATE", candidateId: candidature.id });
    expect(audit[0]?.after).toMatchObject({ role: "MEMBER", candidateId: null });
  });

  it("refuses becoming a candidate without a free candidature, an unknown role, no change", async () => {
    const member = await makeUser(db, "MEMBER");
    expect((await refusalOf(changeRole({ actor, input: { userId: member.id, role: "CANDIDATE" } }))).fieldErrors).toEqual({
      candidateId: "adminUsers.candidateRequired",
    });
    expect((await refusalOf(changeRole({ actor, input: { userId: member.id, role: "KING" } }))).fieldErrors).toEqual({ role: "choose" });
    const taken = await makeFreeCandidature(db);
    await makeUser(db, "CANDIDATE", { candidateId: taken.id });
    expect(await refusalOf(changeRole({ actor, input: { userId: member.id, role: "CANDIDATE", candidateId: taken.id } }))).toMatchObject({ code: "CONFLICT" });
    expect(await refusalOf(changeRole({ actor, input: { userId: member.id, role: "MEMBER" } }))).toMatchObject({ messageKey: "adminUsers.roleUnchanged" });
  });

  it("is for the secretariat only", async () => {
    const member = await makeUser(db, "MEMBER");
    await expectOnlyRoleAllowed("SECRETARIAT", (a) => changeRole({ actor: a, input: { userId: member.id, role: "CHAIR" } }));
  });
});

describe("the users list", () => {
  it("is for the secretariat only, and never carries a password hash", async () => {
    const { users } = await listUsersForAdmin(actor);
    expect(users.length).toBeGreaterThan(0);
    expect(JSON.stringify(users)).not.toContain("scrypt$");
    await expectOnlyRoleAllowed("SECRETARIAT", (a) => listUsersForAdmin(a));
    await expectOnlyRoleAllowed("SECRETARIAT", (a) => listUsersForAdmin(a, { q: "x", page: "2" }));
  });

  // 53 accounts sharing a tag in their name: two pages of 50; two made at the same instant.
  async function makeTagged() {
    const tag = unique("Paged");
    const base = Date.UTC(2020, 0, 1);
    await db.user.createMany({
      data: Array.from({ length: 53 }, (_, i) => ({
        email: `${unique("paged")}@example.test`,
        name: `${tag} ${String(i).padStart(2, "0")}`,
        role: "MEMBER" as const,
        createdAt: new Date(base + Math.min(i, 51) * 1000),
      })),
    });
    const made = await db.user.findMany({ where: { name: { startsWith: tag } }, select: { id: true, createdAt: true } });
    // Newest first, then the greater id first.
    const expected = made.sort((a, b) => b.createdAt.getTime() - a.createdAt.getTime() || (a.id < b.id ? 1 : -1)).map((u) => u.id);
    return { tag, expected };
  }

  it("searches a name or an address whatever its case and spaces, newest first, 50 a page, ties by id", async () => {
    const { tag, expected } = await makeTagged();
    const first = await listUsersForAdmin(actor, { q: `  ${tag.toUpperCase()} ` });
    expect(first).toMatchObject({ total: 53, page: 1, pageCount: 2, pageSize: 50, q: tag.toUpperCase() });
    const second = await listUsersForAdmin(actor, { q: tag, page: "2" });
    expect(second).toMatchObject({ total: 53, page: 2, pageCount: 2 });
    expect([...first.users, ...second.users].map((u) => u.id)).toEqual(expected);
    // Read twice, a page is the same page.
    expect((await listUsersForAdmin(actor, { q: tag, page: "2" })).users.map((u) => u.id)).toEqual(second.users.map((u) => u.id));

    const member = await makeUser(db, "MEMBER");
    const byAddress = await listUsersForAdmin(actor, { q: member.email.toUpperCase() });
    expect(byAddress.users.map((u) => u.id)).toEqual([member.id]);
    expect(byAddress.users[0]).toMatchObject({ email: member.email, hasPassword: true });
  });

  it("takes a page out of bounds or not a number as the nearest page, and an odd search as a search", async () => {
    const { tag, expected } = await makeTagged();
    for (const page of ["0", "-3", "abc", "1.5", "", undefined, ["x", "2"]]) {
      expect((await listUsersForAdmin(actor, { q: tag, page })).page, String(page)).toBe(1);
    }
    const past = await listUsersForAdmin(actor, { q: tag, page: "99999999999999999999" });
    expect(past).toMatchObject({ page: 2, pageCount: 2 });
    expect(past.users.map((u) => u.id)).toEqual(expected.slice(50));
    expect((await listUsersForAdmin(actor, { q: [tag, "other"], page: ["2"] })).users).toHaveLength(3);

    // Wildcards, quotes and a NUL are text; a search longer than any address finds nothing; none of them fails.
    for (const q of ["%", "_", "\\", "' OR 1=1 --", `${tag}\u0000`, "x".repeat(10_000)]) {
      const result = await listUsersForAdmin(actor, { q });
      const text = result.q.toLowerCase();
      expect(text.length, q.slice(0, 20)).toBeGreaterThan(0);
      expect(
        result.users.every((u) => u.name.toLowerCase().includes(text) || u.email.includes(text)),
        q.slice(0, 20),
      ).toBe(true);
    }
    expect((await listUsersForAdmin(actor, { q: `${tag}\u0000` })).total).toBe(53);
    expect(await listUsersForAdmin(actor, { q: "x".repeat(10_000) })).toMatchObject({ total: 0, page: 1, pageCount: 1, users: [] });
    // Nothing matches: one empty page, not an error.
    expect(await listUsersForAdmin(actor, { q: unique("nobody"), page: "3" })).toMatchObject({ total: 0, page: 1, pageCount: 1, users: [] });
    expect(await listUsersForAdmin(actor, null)).toMatchObject({ page: 1 });
  });
});

describe("candidatures without an account", () => {
  it("lists those of every open conference with their conference, not of a closed one nor those with an account", async () => {
    const open = await makeFreeCandidature(db);
    const other = await makeFreeCandidature(db);
    const closed = await makeFreeCandidature(db);
    await db.conference.update({ where: { id: closed.conferenceId }, data: { closedAt: new Date() } });
    const taken = await makeFreeCandidature(db);
    await db.user.update({ where: { id: (await makeUser(db, "CANDIDATE")).id }, data: { candidateId: taken.id } });

    const ids = (await listCandidaturesWithoutAccount(actor)).map((c) => c.id);
    expect(ids).toEqual(expect.arrayContaining([open.id, other.id]));
    expect(ids).not.toContain(closed.id);
    expect(ids).not.toContain(taken.id);
    const row = (await listCandidaturesWithoutAccount(actor)).find((c) => c.id === open.id);
    expect(row?.conference.name).toEqual(expect.any(String));
    await expectOnlyRoleAllowed("SECRETARIAT", (a) => listCandidaturesWithoutAccount(a));
  });
});

describe("nationality", () => {
  it("is set at creation apart from the administration, checked, and audited", async () => {
    const administration = await makeMemberState(db);
    const nationality = await makeMemberState(db);
    const made = await createUser({
      actor,
      input: { email: email(), name: "Chair", role: "CHAIR", memberStateId: administration.id, nationalityId: nationality.id },
    });
    expect(made.user).toMatchObject({ memberStateId: administration.id, nationalityId: nationality.id });
    const [row] = await auditRowsFor(db, "User", made.user.id);
    expect(row?.after).toMatchObject({ memberStateId: administration.id, nationalityId: nationality.id });
    expect(await refusalOf(createUser({ actor, input: { email: email(), name: "X", role: "CHAIR", nationalityId: "no-such-state" } }))).toMatchObject({
      code: "NOT_FOUND",
      fieldErrors: { nationalityId: "adminUsers.memberStateNotFound" },
    });
    // Nothing is written by the refusal: no account with a made-up nationality.
    expect(await db.user.count({ where: { nationalityId: "no-such-state" } })).toBe(0);
  });

  it("is set, changed and cleared by the secretariat, each change audited with the ids before and after", async () => {
    const chair = await makeUser(db, "CHAIR");
    const first = await makeMemberState(db);
    const second = await makeMemberState(db);
    const details = { userId: chair.id, email: chair.email, name: "The Chair" };
    const set = await updateUser({ actor, input: { ...details, nationalityId: first.id } });
    expect(set).toMatchObject({ nationalityId: first.id, memberStateId: null, name: "The Chair" });
    await updateUser({ actor, input: { ...details, nationalityId: second.id } });
    const cleared = await updateUser({ actor, input: { ...details, nationalityId: "" } });
    expect(cleared.nationalityId).toBeNull();
    const audit = await auditRowsFor(db, "User", chair.id);
    expect(audit.map((a) => [a.action, a.actorId])).toEqual([
      ["updated", actor.id],
      ["updated", actor.id],
      ["updated", actor.id],
    ]);
    expect(
      audit.map((a) => [(a.before as { nationalityId: string | null }).nationalityId, (a.after as { nationalityId: string | null }).nationalityId]),
    ).toEqual([
      [null, first.id],
      [first.id, second.id],
      [second.id, null],
    ]);
    expect(JSON.stringify(audit.map((a) => [a.before, a.after]))).not.toContain("scrypt$");
  });

  it("edits the other details too, and refuses an unknown state, a taken address, no change, an unknown account", async () => {
    const member = await makeUser(db, "MEMBER");
    const state = await makeMemberState(db);
    const address = email();
    const after = await updateUser({ actor, input: { userId: member.id, email: address, name: "Renamed", memberStateId: state.id, isStaff: "on" } });
    expect(after).toMatchObject({ email: address.toLowerCase(), name: "Renamed", memberStateId: state.id, nationalityId: null, isStaff: true });
    const same = { userId: member.id, email: address, name: "Renamed", memberStateId: state.id, isStaff: "on" };
    expect(await refusalOf(updateUser({ actor, input: same }))).toMatchObject({ code: "CONFLICT", messageKey: "adminUsers.unchanged" });
    expect((await refusalOf(updateUser({ actor, input: { ...same, nationalityId: "no-such-state" } }))).fieldErrors).toEqual({
      nationalityId: "adminUsers.memberStateNotFound",
    });
    expect((await refusalOf(updateUser({ actor, input: { ...same, memberStateId: "no-such-state" } }))).fieldErrors).toEqual({
      memberStateId: "adminUsers.memberStateNotFound",
    });
    const other = await makeUser(db, "MEMBER");
    expect((await refusalOf(updateUser({ actor, input: { ...same, email: other.email.toUpperCase() } }))).fieldErrors).toEqual({
      email: "adminUsers.emailTaken",
    });
    expect((await refusalOf(updateUser({ actor, input: { userId: member.id, email: "nope", name: "" } }))).fieldErrors).toEqual({
      email: "email",
      name: "required",
    });
    expect(await refusalOf(updateUser({ actor, input: { ...same, userId: "nobody" } }))).toMatchObject({ code: "NOT_FOUND" });
    expect((await auditRowsFor(db, "User", member.id)).map((a) => a.action)).toEqual(["updated"]);
  });

  it("is shown in the list and on the account's page", async () => {
    const state = await makeMemberState(db);
    const made = await createUser({ actor, input: { email: email(), name: "Listed", role: "MEMBER", nationalityId: state.id } });
    const row = (await listUsersForAdmin(actor, { q: made.user.email })).users.find((u) => u.id === made.user.id);
    expect(row?.nationality).toEqual({ iso2: state.iso2, nameEn: state.nameEn });
    expect(await getUserForAdmin(actor, made.user.id)).toMatchObject({ nationalityId: state.id });
    expect(await refusalOf(getUserForAdmin(actor, "nobody"))).toMatchObject({ code: "NOT_FOUND" });
  });

  it("editing an account, and reading it for editing, are for the secretariat only", async () => {
    const member = await makeUser(db, "MEMBER");
    const state = await makeMemberState(db);
    await expectOnlyRoleAllowed("SECRETARIAT", (a) =>
      updateUser({ actor: a, input: { userId: member.id, email: member.email, name: "X", nationalityId: state.id } }),
    );
    await expectOnlyRoleAllowed("SECRETARIAT", (a) => getUserForAdmin(a, member.id));
    // Every refused role left the account as it was.
    expect(await db.user.findUniqueOrThrow({ where: { id: member.id }, select: { nationalityId: true } })).toEqual({ nationalityId: null });
  });
});

describe("a candidate account's address (Ethics Office guidance, A)", () => {
  const CORPORATE = "itu.int"; // the conference's default corporate domain

  it("is refused on a corporate domain of its conference when the account is created, a subdomain too", async () => {
    for (const address of [`${unique("c")}@${CORPORATE}`, `${unique("c")}@Mail.ITU.int`]) {
      const candidature = await makeFreeCandidature(db);
      expect(await refusalOf(createUser({ actor, input: { email: address, name: "C", role: "CANDIDATE", candidateId: candidature.id } }))).toEqual({
        code: "INVALID_INPUT",
        messageKey: undefined,
        fieldErrors: { email: "adminUsers.corporateAddress" },
        values: undefined,
      });
      expect(await db.user.count({ where: { candidateId: candidature.id } })).toBe(0);
    }
  });

  it("follows the candidature's conference's own list, and does not concern the other roles", async () => {
    const candidature = await makeFreeCandidature(db);
    await db.conference.update({ where: { id: candidature.conferenceId }, data: { corporateDomains: ["example.net"] } });
    expect(
      (await refusalOf(createUser({ actor, input: { email: `${unique("c")}@example.net`, name: "C", role: "CANDIDATE", candidateId: candidature.id } })))
        .fieldErrors,
    ).toEqual({ email: "adminUsers.corporateAddress" });
    const made = await createUser({ actor, input: { email: `${unique("c")}@${CORPORATE}`, name: "C", role: "CANDIDATE", candidateId: candidature.id } });
    expect(made.user.candidateId).toBe(candidature.id);
    const officer = await createUser({ actor, input: { email: `${unique("officer")}@${CORPORATE}`, name: "Officer", role: "SECRETARIAT" } });
    expect(officer.user.role).toBe("SECRETARIAT");
  });

  it("is refused when an account on a corporate domain is bound to a candidature", async () => {
    const staff = await createUser({ actor, input: { email: `${unique("staff")}@${CORPORATE}`, name: "Staff", role: "MEMBER" } });
    const candidature = await makeFreeCandidature(db);
    expect(await refusalOf(changeRole({ actor, input: { userId: staff.user.id, role: "CANDIDATE", candidateId: candidature.id } }))).toMatchObject({
      code: "INVALID_INPUT",
      fieldErrors: { candidateId: "adminUsers.corporateAddressToBind" },
    });
    expect(await db.user.findUniqueOrThrow({ where: { id: staff.user.id }, select: { role: true, candidateId: true } })).toEqual({
      role: "MEMBER",
      candidateId: null,
    });
    // A private address first, and then the binding is accepted.
    await updateUser({ actor, input: { userId: staff.user.id, email: email(), name: "Staff" } });
    const bound = await changeRole({ actor, input: { userId: staff.user.id, role: "CANDIDATE", candidateId: candidature.id } });
    expect(bound).toMatchObject({ role: "CANDIDATE", candidateId: candidature.id });
    expect((await auditRowsFor(db, "User", staff.user.id)).map((a) => a.action)).toEqual(["created", "updated", "role-changed"]);
  });

  it("is refused when a candidate account's address is changed to one, and not for another role", async () => {
    const candidature = await makeFreeCandidature(db);
    const candidate = await makeUser(db, "CANDIDATE", { candidateId: candidature.id });
    expect((await refusalOf(updateUser({ actor, input: { userId: candidate.id, email: `${unique("c")}@News.${CORPORATE}`, name: "C" } }))).fieldErrors).toEqual(
      { email: "adminUsers.corporateAddress" },
    );
    expect((await db.user.findUniqueOrThrow({ where: { id: candidate.id } })).email).toBe(candidate.email);
    expect(await auditRowsFor(db, "User", candidate.id)).toEqual([]);
    const chair = await makeUser(db, "CHAIR");
    const moved = await updateUser({ actor, input: { userId: chair.id, email: `${unique("chair")}@${CORPORATE}`, name: "Chair" } });
    expect(moved.email.endsWith(`@${CORPORATE}`)).toBe(true);
  });
});
