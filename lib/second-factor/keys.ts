import "server-only";
import { env } from "@/lib/env";
import { DomainError } from "@/lib/errors/domain-error";
import { sealTotpSecretWith, totpKeyFrom, unsealTotpSecretWith } from "./totp-core";

// This server's key for the TOTP secrets (TOTP_SEALING_KEY, or derived from AUTH_SECRET:
// lib/second-factor/totp-core.ts). A deployment with neither is refused, not answered with a 500;
// production always has AUTH_SECRET (lib/env.ts).

function key(): Buffer {
  const found = totpKeyFrom(env());
  if (!found) throw new DomainError("CONFLICT", { messageKey: "secondFactor.noSealingKey" });
  return found;
}

export function sealTotpSecret(userId: string, secretBase32: string): string {
  return sealTotpSecretWith(key(), userId, secretBase32);
}

/** The secret, or null when it does not open with this server's key (the key changed: enrol again). */
export function unsealTotpSecret(userId: string, sealed: string): string | null {
  return unsealTotpSecretWith(key(), userId, sealed);
}
