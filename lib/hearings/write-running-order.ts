// No "server-only" and relative imports only: prisma/seed.ts runs this under tsx, outside Next.
import type { PrismaClient } from "../db/client";
import { ALGORITHM, drawPermutation, sortIds } from "../draw/verifiable-draw";

type Tx = Omit<PrismaClient, "$connect" | "$disconnect" | "$on" | "$transaction" | "$extends">;

/**
 * Draws the running order under a committed seed and writes it: the presenters' positions, in
 * the order drawn, and the Draw row that lets anyone re-run it once the seed is revealed
 * (lib/draw/verifiable-draw.ts, docs/domain.md#hearing-draw). One writing for the secretariat's
 * draw (draw-running-order.ts, which checks the stage and authorises first) and the demo seed,
 * so that the demo's draw verifies as a real one does. Call it inside a transaction.
 */
export async function writeRunningOrder(
  tx: Tx,
  {
    hearingId,
    seed,
    seedHash,
    entropy,
    presenterIds,
    actorId,
  }: { hearingId: string; seed: string; seedHash: string; entropy: string; presenterIds: readonly string[]; actorId: string | null },
) {
  const eligibleIds = sortIds(presenterIds);
  const result = drawPermutation({ seed, kind: "RUNNING_ORDER", hearingId, candidateId: null, entropy, eligibleIds });
  // Positions are unique per hearing: clear them before writing the new order.
  await tx.hearingSlot.updateMany({ where: { hearingId }, data: { position: null } });
  for (const [index, candidateId] of result.entries()) {
    await tx.hearingSlot.update({ where: { hearingId_candidateId: { hearingId, candidateId } }, data: { position: index + 1 } });
  }
  return tx.draw.create({
    data: { hearingId, kind: "RUNNING_ORDER", eligibleIds, count: result.length, result, algorithm: ALGORITHM, seedHash, entropy, actorId },
    select: { id: true, eligibleIds: true, result: true, algorithm: true, count: true, seedHash: true, entropy: true, createdAt: true },
  });
}
