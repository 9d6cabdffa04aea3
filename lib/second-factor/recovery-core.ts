import { createHash, randomInt } from "node:crypto";

// Recovery codes: single-use stand-ins for the authenticator (docs/decisions/023-second-factor.md).
// Ten at a time, shown once; only a digest is kept. A code is ten characters from an alphabet
// without look-alikes (no 0/o, 1/l/i), about 50 bits: far beyond guessing within the attempt
// limit, so a fast digest is enough, salted with the account so one code is never another's.
// No "server-only": the demo loader stores the demo's published codes with the same digest.

export const RECOVERY_CODE_COUNT = 10;
const ALPHABET = "23456789abcdefghjkmnpqrstuvwxyz";
const LENGTH = 10;

/** A fresh code, shown as two groups of five ("k7m2q-x9c4d"). */
export function newRecoveryCode(): string {
  let code = "";
  for (let i = 0; i < LENGTH; i++) code += ALPHABET[randomInt(ALPHABET.length)];
  return `${code.slice(0, 5)}-${code.slice(5)}`;
}

export function newRecoveryCodes(count = RECOVERY_CODE_COUNT): string[] {
  return Array.from({ length: count }, newRecoveryCode);
}

/** As typed: case, spaces and dashes do not matter. */
export function normaliseRecoveryCode(value: string): string {
  return value.toLowerCase().replace(/[\s-]/g, "");
}

/** Whether a typed value has a recovery code's shape (and not a six-digit TOTP code's). */
export function looksLikeRecoveryCode(value: string): boolean {
  const code = normaliseRecoveryCode(value);
  return code.length === LENGTH && [...code].every((c) => ALPHABET.includes(c));
}

export function hashRecoveryCode(userId: string, code: string): string {
  return createHash("sha256")
    .update(`${userId}:${normaliseRecoveryCode(code)}`, "utf8")
    .digest("hex");
}
