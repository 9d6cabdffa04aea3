import "server-only";
import type { Tx } from "@/lib/db";
import { hashRecoveryCode, newRecoveryCodes } from "./recovery-core";

/** A new set of recovery codes for the account; the old ones (used or not) stop working. Only digests are stored. */
export async function replaceRecoveryCodes(tx: Tx, userId: string): Promise<string[]> {
  const codes = newRecoveryCodes();
  await tx.recoveryCode.deleteMany({ where: { userId } });
  await tx.recoveryCode.createMany({ data: codes.map((code) => ({ userId, codeHash: hashRecoveryCode(userId, code) })) });
  return codes;
}
