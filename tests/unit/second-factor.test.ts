import { describe, expect, it } from "vitest";
import { readFileSync } from "node:fs";
import { hashRecoveryCode, looksLikeRecoveryCode, newRecoveryCodes, normaliseRecoveryCode, RECOVERY_CODE_COUNT } from "@/lib/second-factor/recovery-core";
import {
  acceptTotpCode,
  newTotpSecret,
  sealTotpSecretWith,
  totpCode,
  totpKeyFrom,
  totpStep,
  totpUri,
  unsealTotpSecretWith,
} from "@/lib/second-factor/totp-core";
import { isCommonPassword } from "@/lib/users/common-passwords";
import { needsSecondFactor, mayEnrolSecondFactor } from "@/lib/auth/second-factor-rule";

const SECRET = "JBSWY3DPEHPK3PXPJBSWY3DPEHPK3PXP";
const AT = new Date("2026-12-02T12:00:15Z");
const STEP_MS = 30_000;

describe("TOTP codes (RFC 6238)", () => {
  it("matches the RFC 6238 test vector for SHA-1 (T = 59 s, 8 digits → last six 287082)", () => {
    // RFC 6238 Appendix B: secret "12345678901234567890" (ASCII), time 59 → 94287082.
    const rfcSecret = "GEZDGNBVGY3TQOJQGEZDGNBVGY3TQOJQ";
    expect(totpCode(rfcSecret, new Date(59_000))).toBe("287082");
  });

  it("accepts the code of now and of one step either side, and nothing further", () => {
    const now = totpStep(AT);
    expect(acceptTotpCode(SECRET, totpCode(SECRET, AT), AT, null)).toBe(now);
    expect(acceptTotpCode(SECRET, totpCode(SECRET, new Date(AT.getTime() - STEP_MS)), AT, null)).toBe(now - 1);
    expect(acceptTotpCode(SECRET, totpCode(SECRET, new Date(AT.getTime() + STEP_MS)), AT, null)).toBe(now + 1);
    expect(acceptTotpCode(SECRET, totpCode(SECRET, new Date(AT.getTime() - 2 * STEP_MS)), AT, null)).toBeNull();
    expect(acceptTotpCode(SECRET, totpCode(SECRET, new Date(AT.getTime() + 2 * STEP_MS)), AT, null)).toBeNull();
  });

  it("refuses a code already used, and an older one after a newer was used", () => {
    const code = totpCode(SECRET, AT);
    const step = acceptTotpCode(SECRET, code, AT, null);
    expect(step).not.toBeNull();
    expect(acceptTotpCode(SECRET, code, AT, step)).toBeNull();
    const previous = totpCode(SECRET, new Date(AT.getTime() - STEP_MS));
    expect(acceptTotpCode(SECRET, previous, AT, step)).toBeNull();
    expect(acceptTotpCode(SECRET, totpCode(SECRET, new Date(AT.getTime() + STEP_MS)), AT, step)).toBe((step ?? 0) + 1);
  });

  it("takes the code with the spaces an app shows, and refuses what is not six digits", () => {
    const code = totpCode(SECRET, AT);
    expect(acceptTotpCode(SECRET, `${code.slice(0, 3)} ${code.slice(3)}`, AT, null)).toBe(totpStep(AT));
    expect(acceptTotpCode(SECRET, "12345", AT, null)).toBeNull();
    expect(acceptTotpCode(SECRET, "abcdef", AT, null)).toBeNull();
    expect(acceptTotpCode(SECRET, "", AT, null)).toBeNull();
  });

  it("draws 160-bit secrets and gives an otpauth address an app reads", () => {
    const secret = newTotpSecret();
    expect(secret).toMatch(/^[A-Z2-7]{32}$/);
    expect(newTotpSecret()).not.toBe(secret);
    const uri = new URL(totpUri(secret, "chair@example.org"));
    expect(uri.protocol).toBe("otpauth:");
    expect(uri.searchParams.get("secret")).toBe(secret);
    expect(uri.searchParams.get("issuer")).toBe("Hustings");
    expect(uri.searchParams.get("digits")).toBe("6");
    expect(uri.searchParams.get("period")).toBe("30");
  });
});

describe("sealing the TOTP secret", () => {
  const key = totpKeyFrom({ AUTH_SECRET: "a-test-secret-of-at-least-thirty-two-characters" });
  if (!key) throw new Error("no key");

  it("opens with the same key and account only", () => {
    const sealed = sealTotpSecretWith(key, "user-a", SECRET);
    expect(sealed).not.toContain(SECRET);
    expect(unsealTotpSecretWith(key, "user-a", sealed)).toBe(SECRET);
    expect(unsealTotpSecretWith(key, "user-b", sealed)).toBeNull();
    const other = totpKeyFrom({ TOTP_SEALING_KEY: "11".repeat(32) });
    expect(other && unsealTotpSecretWith(other, "user-a", sealed)).toBeNull();
    expect(unsealTotpSecretWith(key, "user-a", `${sealed.slice(0, -2)}AA`)).toBeNull();
    expect(unsealTotpSecretWith(key, "user-a", "not sealed")).toBeNull();
  });

  it("prefers TOTP_SEALING_KEY, derives from AUTH_SECRET otherwise, and has none without either", () => {
    expect(totpKeyFrom({ TOTP_SEALING_KEY: "11".repeat(32), AUTH_SECRET: "x".repeat(32) })?.toString("hex")).toBe("11".repeat(32));
    expect(totpKeyFrom({ AUTH_SECRET: "x".repeat(32) })?.length).toBe(32);
    expect(totpKeyFrom({})).toBeNull();
  });
});

describe("recovery codes", () => {
  it("are ten distinct codes of two groups of five, without look-alike characters", () => {
    const codes = newRecoveryCodes();
    expect(codes).toHaveLength(RECOVERY_CODE_COUNT);
    expect(new Set(codes).size).toBe(RECOVERY_CODE_COUNT);
    for (const code of codes) {
      expect(code).toMatch(/^[2-9a-z]{5}-[2-9a-z]{5}$/);
      expect(code).not.toMatch(/[01ilo]/);
      expect(looksLikeRecoveryCode(code)).toBe(true);
    }
  });

  it("are read whatever the case, spaces and dashes, and are hashed per account", () => {
    expect(normaliseRecoveryCode(" K7M2Q x9c4d ")).toBe("k7m2qx9c4d");
    expect(hashRecoveryCode("u1", "k7m2q-x9c4d")).toBe(hashRecoveryCode("u1", "K7M2QX9C4D"));
    expect(hashRecoveryCode("u1", "k7m2q-x9c4d")).not.toBe(hashRecoveryCode("u2", "k7m2q-x9c4d"));
    expect(looksLikeRecoveryCode("123456")).toBe(false);
  });
});

describe("who gives a second factor", () => {
  it("is required of the secretariat, the chair and the Ethics Office, optional for candidates, not offered to members", () => {
    for (const role of ["SECRETARIAT", "CHAIR", "ETHICS_OFFICER"]) expect(needsSecondFactor({ role, totpEnabledAt: null })).toBe(true);
    expect(needsSecondFactor({ role: "CANDIDATE", totpEnabledAt: null })).toBe(false);
    expect(needsSecondFactor({ role: "CANDIDATE", totpEnabledAt: new Date() })).toBe(true);
    expect(needsSecondFactor({ role: "MEMBER", totpEnabledAt: null })).toBe(false);
    expect(mayEnrolSecondFactor("CANDIDATE")).toBe(true);
    expect(mayEnrolSecondFactor("MEMBER")).toBe(false);
  });
});

describe("the common-password list", () => {
  const list = new Set(readFileSync("data/common-passwords.txt", "utf8").split("\n").filter(Boolean));

  it("ships tens of thousands of lower-cased passwords", () => {
    expect(list.size).toBeGreaterThan(40_000);
    expect(list.has("password")).toBe(true);
  });

  it("refuses listed passwords, listed words with digits or punctuation around them, and a listed word twice", () => {
    for (const weak of [
      "password1234",
      "Password1234",
      "PASSWORD!!2026",
      "qwertyuiop123",
      "dragon2026!!!",
      "monkeymonkey",
      "123456789012",
      "hustings2026!",
      "  letmein1234  ",
    ]) {
      expect(isCommonPassword(weak), weak).toBe(true);
    }
  });

  it("lets through passphrases and the demo's published passwords", () => {
    for (const good of ["correct horse battery staple", "tangerine-orbit-velvet-42", "demo-secretariat", "Nairobi plenary, row 7"]) {
      expect(isCommonPassword(good), good).toBe(false);
    }
  });
});
