import { db } from "@/lib/db";

/**
 * A chair's move made on the hearing as it stands now: `input` with the hearing's current
 * state version, as the console sends the version it was rendered with
 * (docs/decisions/021-chair-moves-name-their-version.md).
 */
export async function onCurrent<I extends { hearingId: string }>(input: I): Promise<I & { expectedVersion: number }> {
  const { stateVersion } = await db().hearing.findUniqueOrThrow({ where: { id: input.hearingId }, select: { stateVersion: true } });
  return { ...input, expectedVersion: stateVersion };
}
