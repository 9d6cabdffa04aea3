// The finer clocks in the demo (docs/fairness.md#finer-clocks, docs/fairness.md#accommodation):
// the live demo hearing sets one minute to put a question and three to answer it, lets the
// candidates split the equal slot (at least 5 minutes of presentation and 10 of questions),
// one candidate chose 10 + 20, and another was granted an accommodation in advance. Written as
// the secretariat would have before the commitment. Idempotent: a second load writes nothing.
// Relative imports only: prisma/seed.ts runs this under tsx, outside Next.
import type { PrismaClient } from "../../lib/db/client";

const MINUTE_MS = 60_000;
const SETTINGS = { questionLimitSeconds: 60, answerLimitSeconds: 180, splitAllowed: true, minPresentationMinutes: 5, minQaMinutes: 10 } as const;
/** The candidate bound to the demo candidate account: their workspace shows the split they chose. */
const SPLIT = { name: "Valentina Aráoz Figueroa", plannedPresentationMs: 10 * MINUTE_MS, plannedQaMs: 20 * MINUTE_MS };
const ACCOMMODATION = {
  name: "Siobhán Ní Bhriain",
  kind: "DISABILITY" as const,
  phase: "PRESENTATION" as const,
  addedMs: 3 * MINUTE_MS,
  reason: "Demo: the candidate reads from a braille display and asked in advance for three more minutes to present.",
};

export async function seedClocksDemo(prisma: PrismaClient, ctx: { liveHearingId: string | null; secretariatId?: string | null }): Promise<void> {
  if (!ctx.liveHearingId) return;
  const hearing = await prisma.hearing.findUnique({
    where: { id: ctx.liveHearingId },
    select: {
      id: true,
      questionLimitSeconds: true,
      answerLimitSeconds: true,
      splitAllowed: true,
      minPresentationMinutes: true,
      minQaMinutes: true,
      slots: {
        select: { id: true, plannedPresentationMs: true, plannedQaMs: true, candidate: { select: { name: true } }, extensions: { select: { kind: true } } },
      },
    },
  });
  if (!hearing) return;
  const same = (Object.keys(SETTINGS) as (keyof typeof SETTINGS)[]).every((k) => hearing[k] === SETTINGS[k]);
  if (!same) await prisma.hearing.update({ where: { id: hearing.id }, data: SETTINGS });

  const split = hearing.slots.find((s) => s.candidate.name === SPLIT.name);
  if (split && (split.plannedPresentationMs !== SPLIT.plannedPresentationMs || split.plannedQaMs !== SPLIT.plannedQaMs)) {
    await prisma.hearingSlot.update({ where: { id: split.id }, data: { plannedPresentationMs: SPLIT.plannedPresentationMs, plannedQaMs: SPLIT.plannedQaMs } });
  }

  const accommodated = hearing.slots.find((s) => s.candidate.name === ACCOMMODATION.name);
  if (accommodated && !accommodated.extensions.some((e) => e.kind === ACCOMMODATION.kind)) {
    await prisma.hearingExtension.create({
      data: {
        slotId: accommodated.id,
        phase: ACCOMMODATION.phase,
        addedMs: ACCOMMODATION.addedMs,
        reason: ACCOMMODATION.reason,
        kind: ACCOMMODATION.kind,
        actorId: ctx.secretariatId ?? null,
      },
    });
  }
}
