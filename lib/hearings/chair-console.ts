import "server-only";
import { assertCan } from "@/lib/auth/assert";
import type { Actor } from "@/lib/auth/permissions";
import { db } from "@/lib/db";
import { applyMove, orderProgress, type MoveType } from "./live-rules";
import { LIVE_FIELDS } from "./live";
import { quotaPreview as previewOf, type QuotaPreview } from "@/lib/draw/quota";
import { stratifiedDrawOf } from "./quota-draw";
import { hearingStage, STAGE_FIELDS, type HearingStage } from "./stage";
import { startBlockers, type StartBlockerCode } from "./start-checks";

// The chair's console (¶6, ¶7): the hearing the signed-in chair chairs, and which of the
// running moves the rules allow now (the services decide again when a move is made).

export type ChairHearing = {
  id: string;
  /** The state version the console is rendered at: every move it sends names it. */
  version: number;
  /** A rehearsal: marked at the top of the console, never public (docs/decisions/018-rehearsal-hearings.md). */
  rehearsal: boolean;
  conferenceName: string;
  timeZone: string;
  startsAt: Date;
  status: "SCHEDULED" | "LIVE" | "ENDED";
  stage: HearingStage;
  phase: "IDLE" | "PRESENTATION" | "QA";
  paused: boolean;
  questionsPerCandidate: number;
  current: { candidateId: string; name: string; position: number | null } | null;
  /** The running order, first to last, with where each turn is; and how far the hearing has gone. */
  order: { slotId: string; position: number; name: string; turn: "done" | "current" | "waiting" }[];
  progress: { done: number; total: number; notSpoken: number };
  /** Hearing moves the rules allow at this moment, in the order a hearing uses them. */
  legalMoves: ButtonMove[];
  /**
   * The current candidate's questions: drawn already, still to show, one on screen, and
   * those still awaiting a decision (a draw leaves them out for good, so the chair is warned).
   */
  questions: { drawn: boolean; toShow: number; onScreen: boolean; pending: number };
  seedCommitted: boolean;
  /**
   * Before the start: what blocks it on today's data (start-checks.ts), judged again by the
   * start itself; null once the hearing has started.
   */
  startBlockers: StartBlockerCode[] | null;
  /** Before the current candidate's draw, with a quota: the approved questions per stratum against it (docs/fairness.md#quota-draws). */
  quotaPreview: QuotaPreview | null;
};

/** The moves made by a button; "extend" is a form of its own. */
type ButtonMove = Exclude<MoveType, "extend">;

const MOVE_ORDER: ButtonMove[] = ["start", "startPresentation", "pause", "resume", "startQa", "next", "end"];

/**
 * The hearing `actor` chairs: `requested` when given (whatever its state), else the one
 * running, else the next scheduled one of a conference that is not closed (docs/decisions/012).
 * Null when there is none (or `requested` is not theirs).
 */
export async function getChairHearing(actor: Actor | null, requested?: string): Promise<ChairHearing | null> {
  assertCan(actor, "run:hearing:own", { chairId: actor?.id ?? null });
  const chaired = await db().hearing.findMany({
    where: {
      chairId: actor.id,
      ...(requested ? { id: requested } : { OR: [{ status: "LIVE" }, { status: "SCHEDULED", conference: { closedAt: null } }] }),
    },
    orderBy: [{ startsAt: "asc" }, { id: "asc" }],
    select: { id: true, status: true, rehearsal: true },
  });
  // The real hearing running comes first, then a rehearsal running or waiting (the secretariat
  // started it to be run now), then the next real one (docs/decisions/018-rehearsal-hearings.md).
  const pick =
    chaired.find((h) => h.status === "LIVE" && !h.rehearsal) ?? chaired.find((h) => h.status === "LIVE") ?? chaired.find((h) => h.rehearsal) ?? chaired[0];
  if (!pick) return null;
  const hearing = await db().hearing.findUniqueOrThrow({
    where: { id: pick.id },
    select: {
      ...LIVE_FIELDS,
      ...STAGE_FIELDS,
      startsAt: true,
      rehearsal: true,
      conference: { select: { name: true, timeZone: true } },
      currentSlot: { select: { position: true, candidate: { select: { id: true, name: true } } } },
      slots: { select: { id: true, position: true, presentationStartedAt: true, finishedAt: true, candidate: { select: { name: true } } } },
    },
  });
  assertCan(actor, "run:hearing:own", { chairId: hearing.chairId });
  const now = new Date();
  const legalMoves = MOVE_ORDER.filter((type) => {
    return applyMove(hearing, hearing.slots, { type }, now).ok;
  });
  const candidateId = hearing.currentSlot?.candidate.id ?? null;
  const [drawn, toShow, pending] = candidateId
    ? await Promise.all([
        db().draw.count({ where: { hearingId: hearing.id, kind: "QUESTIONS", candidateId } }),
        db().hearingQuestion.count({ where: { hearingId: hearing.id, candidateId, status: "DRAWN" } }),
        db().hearingQuestion.count({ where: { hearingId: hearing.id, candidateId, status: "PENDING" } }),
      ])
    : [0, 0, 0];
  const quotaPreview = candidateId && drawn === 0 ? await previewQuota(hearing.id, candidateId, hearing.questionsPerCandidate) : null;
  const progress = orderProgress(hearing.slots, hearing.currentSlotId);
  const names = new Map(hearing.slots.map((s) => [s.id, s.candidate.name]));
  const blockers = hearing.status === "SCHEDULED" ? (await startBlockers(db(), hearing.id)).map((b) => b.code) : null;
  return {
    id: hearing.id,
    version: hearing.stateVersion,
    rehearsal: hearing.rehearsal,
    conferenceName: hearing.conference.name,
    timeZone: hearing.conference.timeZone,
    startsAt: hearing.startsAt,
    status: hearing.status,
    stage: hearingStage(hearing),
    phase: hearing.phase,
    paused: hearing.pausedAt !== null,
    questionsPerCandidate: hearing.questionsPerCandidate,
    current: hearing.currentSlot
      ? { candidateId: hearing.currentSlot.candidate.id, name: hearing.currentSlot.candidate.name, position: hearing.currentSlot.position }
      : null,
    legalMoves,
    order: progress.items.map((i) => ({ slotId: i.id, position: i.position, name: names.get(i.id) ?? "", turn: i.turn })),
    progress: { done: progress.done, total: progress.total, notSpoken: progress.notSpoken },
    questions: { drawn: drawn > 0, toShow, onScreen: hearing.currentQuestionId !== null, pending },
    seedCommitted: hearing.seedHash !== null,
    startBlockers: blockers,
    quotaPreview,
  };
}

/** The candidate's approved questions per stratum against the hearing's quota; null without a quota. */
async function previewQuota(hearingId: string, candidateId: string, places: number): Promise<QuotaPreview | null> {
  const [hearing, approved] = await Promise.all([
    db().hearing.findUniqueOrThrow({ where: { id: hearingId }, select: { questionQuota: true } }),
    db().hearingQuestion.findMany({ where: { hearingId, candidateId, status: "APPROVED" }, select: { id: true, askerKind: true, askerRegion: true } }),
  ]);
  const stratified = stratifiedDrawOf(hearing.questionQuota, places, approved);
  return stratified ? previewOf(Object.values(stratified.strata), stratified.quota) : null;
}
