import { createCipheriv, createDecipheriv, hkdfSync, randomBytes } from "node:crypto";
import { Secret, TOTP } from "otpauth";

// The TOTP second factor's arithmetic and sealing, with explicit keys and times
// (docs/decisions/023-second-factor.md). No "server-only": the demo loader and the end-to-end
// tests enrol accounts with the same functions and the test server's key.
//
// RFC 6238 with the parameters every authenticator app understands: HMAC-SHA1, 6 digits,
// 30-second steps, a 160-bit secret (RFC 4226 §4 asks for at least 128). A code is accepted
// one step either side of now (clock drift and typing time), and only for a step later than
// the last one accepted, so a code seen over a shoulder cannot be used again.

export const TOTP_PARAMS = { algorithm: "SHA1", digits: 6, period: 30, window: 1, secretBytes: 20 } as const;
/** The issuer an authenticator app shows beside the account. */
export const TOTP_ISSUER = "Hustings";

/** A new secret, in base32 (what an authenticator app is given). */
export function newTotpSecret(): string {
  return new Secret({ size: TOTP_PARAMS.secretBytes }).base32;
}

/** The time step of `at`. */
export function totpStep(at: Date): number {
  return Math.floor(at.getTime() / 1000 / TOTP_PARAMS.period);
}

/** The otpauth:// address an authenticator app reads from the QR code. */
export function totpUri(secretBase32: string, accountEmail: string): string {
  return new TOTP({
    issuer: TOTP_ISSUER,
    label: accountEmail,
    secret: Secret.fromBase32(secretBase32),
    algorithm: TOTP_PARAMS.algorithm,
    digits: TOTP_PARAMS.digits,
    period: TOTP_PARAMS.period,
  }).toString();
}

/** The code of `secret` at `at` (for tests and the demo's documentation). */
export function totpCode(secretBase32: string, at: Date = new Date()): string {
  return TOTP.generate({
    secret: Secret.fromBase32(secretBase32),
    algorithm: TOTP_PARAMS.algorithm,
    digits: TOTP_PARAMS.digits,
    period: TOTP_PARAMS.period,
    timestamp: at.getTime(),
  });
}

/** Digits only: spaces and dashes an app shows between groups are dropped. */
export function normaliseTotpCode(value: string): string {
  return value.replace(/[\s-]/g, "");
}

/**
 * The step a code belongs to, if it is valid at `at` (one step either side) and later than
 * `lastStep`; otherwise null. A code already used, or older than the last one used, is refused.
 */
export function acceptTotpCode(secretBase32: string, code: string, at: Date, lastStep: number | null): number | null {
  const token = normaliseTotpCode(code);
  if (!/^\d{6}$/.test(token)) return null;
  const delta = TOTP.validate({
    token,
    secret: Secret.fromBase32(secretBase32),
    algorithm: TOTP_PARAMS.algorithm,
    digits: TOTP_PARAMS.digits,
    period: TOTP_PARAMS.period,
    timestamp: at.getTime(),
    window: TOTP_PARAMS.window,
  });
  if (delta === null) return null;
  const step = totpStep(at) + delta;
  if (lastStep !== null && step <= lastStep) return null;
  return step;
}

// Sealing: AES-256-GCM, the key from TOTP_SEALING_KEY (64 hex) or derived from AUTH_SECRET by
// HKDF-SHA256 (salt "hustings", info "totp-sealing-v1"), never stored in the database. The
// associated data binds a sealed secret to its account: copied onto another user's row, it
// does not open.

export type TotpKeySource = { TOTP_SEALING_KEY?: string; AUTH_SECRET?: string };

const PREFIX = "t1:";
const IV_BYTES = 12;
const TAG_BYTES = 16;

export function totpKeyFrom(source: TotpKeySource): Buffer | null {
  if (source.TOTP_SEALING_KEY) return Buffer.from(source.TOTP_SEALING_KEY, "hex");
  if (source.AUTH_SECRET) return Buffer.from(hkdfSync("sha256", source.AUTH_SECRET, "hustings", "totp-sealing-v1", 32));
  return null;
}

function aad(userId: string): Buffer {
  return Buffer.from(`hustings-totp-v1:${userId}`, "utf8");
}

export function sealTotpSecretWith(key: Buffer, userId: string, secretBase32: string): string {
  const iv = randomBytes(IV_BYTES);
  const cipher = createCipheriv("aes-256-gcm", key, iv, { authTagLength: TAG_BYTES });
  cipher.setAAD(aad(userId));
  const ciphertext = Buffer.concat([cipher.update(secretBase32, "utf8"), cipher.final()]);
  return PREFIX + Buffer.concat([iv, cipher.getAuthTag(), ciphertext]).toString("base64url");
}

/** The secret in base32, or null when the key is not the one it was sealed with or the value was altered. */
export function unsealTotpSecretWith(key: Buffer, userId: string, sealed: string): string | null {
  if (!sealed.startsWith(PREFIX)) return null;
  const bytes = Buffer.from(sealed.slice(PREFIX.length), "base64url");
  if (bytes.length <= IV_BYTES + TAG_BYTES) return null;
  try {
    const decipher = createDecipheriv("aes-256-gcm", key, bytes.subarray(0, IV_BYTES), { authTagLength: TAG_BYTES });
    decipher.setAAD(aad(userId));
    decipher.setAuthTag(bytes.subarray(IV_BYTES, IV_BYTES + TAG_BYTES));
    return Buffer.concat([decipher.update(bytes.subarray(IV_BYTES + TAG_BYTES)), decipher.final()]).toString("utf8");
  } catch {
    return null;
  }
}
