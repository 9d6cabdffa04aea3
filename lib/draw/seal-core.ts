import { createCipheriv, createDecipheriv, hkdfSync, randomBytes } from "node:crypto";
import { DomainError } from "../errors/domain-error";

// The sealing of the hearing's seed with an explicit key (lib/draw/seal.ts binds it to this
// server's key). No "server-only" here: the end-to-end tests seal the seeds of the hearings
// they make with the test server's key (docs/decisions/014-hearing-record-integrity.md).
//
// Sealed form: "v2:" + base64url(iv 12 bytes ‖ tag 16 bytes ‖ ciphertext of the 32 seed bytes),
// AES-256-GCM with the associated data "hustings-seed-v2". Hearings committed before v2 kept
// their seed as "v1-plain:<hex>" (the migration *_hearing_record_integrity); it is read back as it is.

const SEED = /^[0-9a-f]{64}$/;
const SEALED_PREFIX = "v2:";
const LEGACY_PREFIX = "v1-plain:";
const IV_BYTES = 12;
const TAG_BYTES = 16;
/** Binds a ciphertext to its purpose: a sealed seed cannot be passed off as anything else. */
const AAD = Buffer.from("hustings-seed-v2", "utf8");

export type SealingSource = { SEED_SEALING_KEY?: string; AUTH_SECRET?: string };

/** The 32-byte key from the environment's values, or null when neither is set. */
export function sealingKeyFrom(source: SealingSource): Buffer | null {
  if (source.SEED_SEALING_KEY) return Buffer.from(source.SEED_SEALING_KEY, "hex");
  if (source.AUTH_SECRET) return Buffer.from(hkdfSync("sha256", source.AUTH_SECRET, "hustings", "seed-sealing-v1", 32));
  return null;
}

export function sealSeedWith(key: Buffer, seedHex: string): string {
  if (!SEED.test(seedHex)) throw new RangeError("A seed is 64 lower-case hex characters");
  const iv = randomBytes(IV_BYTES);
  const cipher = createCipheriv("aes-256-gcm", key, iv, { authTagLength: TAG_BYTES });
  cipher.setAAD(AAD);
  const ciphertext = Buffer.concat([cipher.update(Buffer.from(seedHex, "hex")), cipher.final()]);
  return SEALED_PREFIX + Buffer.concat([iv, cipher.getAuthTag(), ciphertext]).toString("base64url");
}

/** The seed in lower-case hex. A wrong key or an altered value is refused, never guessed. */
export function unsealSeedWith(key: Buffer, sealed: string): string {
  if (sealed.startsWith(LEGACY_PREFIX)) {
    const seed = sealed.slice(LEGACY_PREFIX.length);
    if (!SEED.test(seed)) throw new DomainError("CONFLICT", { messageKey: "adminHearing.sealedSeedUnreadable" });
    return seed;
  }
  if (!sealed.startsWith(SEALED_PREFIX)) throw new DomainError("CONFLICT", { messageKey: "adminHearing.sealedSeedUnreadable" });
  const bytes = Buffer.from(sealed.slice(SEALED_PREFIX.length), "base64url");
  if (bytes.length !== IV_BYTES + TAG_BYTES + 32) throw new DomainError("CONFLICT", { messageKey: "adminHearing.sealedSeedUnreadable" });
  const decipher = createDecipheriv("aes-256-gcm", key, bytes.subarray(0, IV_BYTES), { authTagLength: TAG_BYTES });
  decipher.setAAD(AAD);
  decipher.setAuthTag(bytes.subarray(IV_BYTES, IV_BYTES + TAG_BYTES));
  try {
    return Buffer.concat([decipher.update(bytes.subarray(IV_BYTES + TAG_BYTES)), decipher.final()]).toString("hex");
  } catch {
    // The key changed since the commitment, or the value was altered.
    throw new DomainError("CONFLICT", { messageKey: "adminHearing.sealedSeedUnreadable" });
  }
}
