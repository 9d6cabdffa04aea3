import "server-only";
import type { Tx } from "@/lib/db";

/**
 * The database's clock at the start of the transaction: every instance, whatever its own clock
 * says, freezes answers at the same instant (docs/decisions/047-common-questionnaire.md).
 */
export async function databaseNow(tx: Tx): Promise<Date> {
  const [row] = await tx.$queryRaw<{ now: Date }[]>`SELECT now() AS now`;
  return row!.now;
}
