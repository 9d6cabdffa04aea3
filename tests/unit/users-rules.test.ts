import { describe, expect, it } from "vitest";
import { isRefusedAccountAddress } from "@/lib/candidates/contact-domain";
import { leavesNoActiveSecretariat } from "@/lib/users/last-secretariat";
import { changeRoleSchema, createUserSchema, passwordLength, setPasswordSchema, updateUserSchema } from "@/lib/users/schema";
import { hashSetupToken, isSetupTokenUsable, newSetupToken, SETUP_LINK_DAYS } from "@/lib/users/setup-token";

function fieldErrors(result: { success: boolean; error?: { issues: { path: PropertyKey[]; message: string }[] } }) {
  return Object.fromEntries((result.error?.issues ?? []).map((i) => [i.path.join("."), i.message]));
}

describe("the last active secretariat account", () => {
  it("cannot be the one disabled or demoted", () => {
    expect(leavesNoActiveSecretariat(["a"], "a")).toBe(true);
  });
  it("can go when another active secretariat remains", () => {
    expect(leavesNoActiveSecretariat(["a", "b"], "a")).toBe(false);
  });
  it("is not concerned by a change to another account", () => {
    expect(leavesNoActiveSecretariat(["a"], "someone-else")).toBe(false);
  });
});

describe("one-time set-password links", () => {
  it("carry 32 random bytes, base64url, and keep only their sha256", () => {
    const now = new Date("2030-01-01T00:00:00Z");
    const link = newSetupToken(now);
    expect(Buffer.from(link.token, "base64url")).toHaveLength(32);
    expect(link.token).toMatch(/^[A-Za-z0-9_-]{43}$/);
    expect(link.tokenHash).toBe(hashSetupToken(link.token));
    expect(link.tokenHash).toMatch(/^[0-9a-f]{64}$/);
    expect(link.tokenHash).not.toContain(link.token);
    expect(newSetupToken(now).token).not.toBe(link.token);
  });
  it(`are valid ${SETUP_LINK_DAYS} days, once`, () => {
    const now = new Date("2030-01-01T00:00:00Z");
    const { expiresAt } = newSetupToken(now);
    expect(expiresAt.toISOString()).toBe("2030-01-08T00:00:00.000Z");
    expect(isSetupTokenUsable({ expiresAt, usedAt: null }, new Date("2030-01-07T23:59:59Z"))).toBe(true);
    expect(isSetupTokenUsable({ expiresAt, usedAt: null }, expiresAt)).toBe(false);
    expect(isSetupTokenUsable({ expiresAt, usedAt: now }, now)).toBe(false);
  });
});

describe("the password policy", () => {
  const ok = "correct horse battery";
  it("takes 12 to 200 characters, counted as the reader counts them", () => {
    expect(setPasswordSchema.safeParse({ token: "t", password: "x".repeat(12), passwordConfirm: "x".repeat(12) }).success).toBe(true);
    expect(fieldErrors(setPasswordSchema.safeParse({ token: "t", password: "x".repeat(11), passwordConfirm: "x".repeat(11) }))).toEqual({
      password: "tooShort:12",
    });
    expect(fieldErrors(setPasswordSchema.safeParse({ token: "t", password: "x".repeat(201), passwordConfirm: "x".repeat(201) }))).toEqual({
      password: "tooLong:200",
    });
    // Twelve Chinese characters, or emoji of two UTF-16 units each, are twelve characters.
    expect(passwordLength("😀".repeat(12))).toBe(12);
    expect(setPasswordSchema.safeParse({ token: "t", password: "密码密码密码密码密码密码", passwordConfirm: "密码密码密码密码密码密码" }).success).toBe(true);
  });
  it("asks for the same password twice", () => {
    expect(fieldErrors(setPasswordSchema.safeParse({ token: "t", password: ok, passwordConfirm: `${ok}!` }))).toEqual({
      passwordConfirm: "auth.passwordsDiffer",
    });
  });
});

describe("the user forms", () => {
  it("lower-case the address and read the staff checkbox", () => {
    const parsed = createUserSchema.parse({
      email: "  Jane.Doe@Example.ORG ",
      name: "Jane Doe",
      role: "MEMBER",
      isStaff: "on",
      candidateId: "",
      memberStateId: "",
    });
    expect(parsed).toEqual({
      email: "jane.doe@example.org",
      name: "Jane Doe",
      role: "MEMBER",
      isStaff: true,
      candidateId: null,
      memberStateId: null,
      nationalityId: null,
    });
  });
  it("need a candidature for a candidate account", () => {
    expect(fieldErrors(createUserSchema.safeParse({ email: "c@example.org", name: "C", role: "CANDIDATE" }))).toEqual({
      candidateId: "adminUsers.candidateRequired",
    });
    expect(fieldErrors(changeRoleSchema.safeParse({ userId: "u", role: "CANDIDATE", candidateId: "" }))).toEqual({
      candidateId: "adminUsers.candidateRequired",
    });
    expect(changeRoleSchema.safeParse({ userId: "u", role: "CANDIDATE", candidateId: "c1" }).success).toBe(true);
  });
  it("refuse an unknown role and a bad address", () => {
    expect(fieldErrors(createUserSchema.safeParse({ email: "not-an-address", name: "X", role: "ROOT" }))).toEqual({ email: "email", role: "choose" });
  });
});

describe("the account's details form", () => {
  it("keeps the administration and the nationality apart, each a state or none", () => {
    expect(updateUserSchema.parse({ userId: "u", email: " A@Example.ORG", name: "A", memberStateId: "s1", nationalityId: "s2" })).toEqual({
      userId: "u",
      email: "a@example.org",
      name: "A",
      memberStateId: "s1",
      nationalityId: "s2",
      isStaff: false,
    });
    expect(updateUserSchema.parse({ userId: "u", email: "a@example.org", name: "A", memberStateId: "", nationalityId: "", isStaff: "on" })).toMatchObject({
      memberStateId: null,
      nationalityId: null,
      isStaff: true,
    });
    expect(createUserSchema.parse({ email: "a@example.org", name: "A", role: "CHAIR", nationalityId: "s2" }).nationalityId).toBe("s2");
  });
  it("refuses a missing account, a bad address, an empty name, an overlong id", () => {
    expect(fieldErrors(updateUserSchema.safeParse({ email: "nope", name: " ", nationalityId: "x".repeat(65) }))).toEqual({
      userId: "required",
      email: "email",
      name: "required",
      nationalityId: "tooLong:64",
    });
  });
});

describe("a candidate account's address (Ethics Office guidance, A)", () => {
  const domains = ["itu.int"];
  it("is refused on a corporate domain or a subdomain of one, whatever the case", () => {
    expect(isRefusedAccountAddress({ role: "CANDIDATE", email: "someone@itu.int" }, domains)).toBe(true);
    expect(isRefusedAccountAddress({ role: "CANDIDATE", email: "Someone@Mail.ITU.INT" }, domains)).toBe(true);
  });
  it("is accepted elsewhere, or with no corporate domain listed", () => {
    expect(isRefusedAccountAddress({ role: "CANDIDATE", email: "someone@notitu.int" }, domains)).toBe(false);
    expect(isRefusedAccountAddress({ role: "CANDIDATE", email: "someone@itu.int" }, [])).toBe(false);
  });
  it("does not concern the Union's own people in other roles", () => {
    for (const role of ["SECRETARIAT", "CHAIR", "ETHICS_OFFICER", "MEMBER"]) {
      expect(isRefusedAccountAddress({ role, email: "officer@itu.int" }, domains)).toBe(false);
    }
  });
});
