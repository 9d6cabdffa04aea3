import type { PrismaClient } from "../../lib/db/client";
import type { QuestionQuota } from "../../lib/draw/quota";

// The live demo hearing's question quota (docs/fairness.md#quota-draws,
// docs/decisions/045-quota-draws.md): at least one question from Member States, at most one per
// region, exactly one from the public. Set at the hearing's set-up, before its seed is committed
// (prisma/demo/live.ts calls this as `beforeCommit`), as the rule wants: a quota is part of what
// the commitment freezes. Relative imports only: prisma/seed.ts runs this under tsx, outside Next.

export const LIVE_DEMO_QUOTA: QuestionQuota = {
  sources: {
    MEMBER_STATE: { min: 1, max: null },
    SECTOR_MEMBER: { min: 0, max: null },
    PUBLIC: { min: 1, max: 1 },
    PRESS: { min: 0, max: null },
  },
  regionMax: 1,
};

/**
 * Gives the hearing the demo's quota while it is still at its set-up. Idempotent: a hearing
 * with a quota is left as it is. A hearing already committed (a demo loaded before quotas) keeps
 * none: after the commitment only the public re-opening may change it.
 */
export async function seedQuotaDemo(prisma: PrismaClient, hearingId: string): Promise<void> {
  const hearing = await prisma.hearing.findUnique({ where: { id: hearingId }, select: { questionQuota: true, seedHash: true, status: true } });
  if (!hearing || hearing.questionQuota !== null) return;
  if (hearing.seedHash || hearing.status !== "SCHEDULED") {
    console.warn("Live demo hearing already committed: its question quota is left unset (only a public re-opening may change it).");
    return;
  }
  await prisma.hearing.update({ where: { id: hearingId }, data: { questionQuota: LIVE_DEMO_QUOTA } });
}
