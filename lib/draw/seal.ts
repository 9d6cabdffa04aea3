import "server-only";
import { env } from "@/lib/env";
import { DomainError } from "@/lib/errors/domain-error";
import { sealingKeyFrom, sealSeedWith, unsealSeedWith } from "./seal-core";

// The committed seed is sealed (AES-256-GCM) until the reveal, so that reading the database
// is not enough to foresee a draw (docs/decisions/014-hearing-record-integrity.md). The key
// is SEED_SEALING_KEY (64 hex characters), or else derived from AUTH_SECRET by HKDF-SHA256
// (salt "hustings", info "seed-sealing-v1"); it never enters the database. Node's crypto only
// (lib/draw/seal-core.ts).

export { sealingKeyFrom };

/** This server's key; refused (not a 500) when the deployment has neither variable. */
export function sealingKey(): Buffer {
  const key = sealingKeyFrom(env());
  if (!key) throw new DomainError("CONFLICT", { messageKey: "adminHearing.noSealingKey" });
  return key;
}

/** The seed (64 lower-case hex) sealed under this server's key, or `key`. */
export function sealSeed(seedHex: string, key: Buffer = sealingKey()): string {
  return sealSeedWith(key, seedHex);
}

/** The seed in lower-case hex. A wrong key or an altered value is refused, never guessed. */
export function unsealSeed(sealed: string, key?: Buffer): string {
  // A legacy plain seed needs no key: a deployment without one can still reveal it.
  return unsealSeedWith(sealed.startsWith("v1-plain:") ? Buffer.alloc(32) : (key ?? sealingKey()), sealed);
}
