import "server-only";
import { emitAudit } from "@/lib/audit/emit";
import { assertCan } from "@/lib/auth/assert";
import type { Actor, Permission } from "@/lib/auth/permissions";
import { lockConferenceForChange } from "@/lib/conferences/lock";
import { chairDb, type Tx } from "@/lib/db";
import { unsealSeed } from "@/lib/draw/seal";
import { ALGORITHM, drawQuestions, sortIds } from "@/lib/draw/verifiable-draw";
import { ALGORITHM_V3, drawStratified } from "@/lib/draw/verifiable-draw-v3";
import { DomainError } from "@/lib/errors/domain-error";
import { parseInput } from "@/lib/validation/parse";
import { beginAnswerOn, NO_QUESTION_CLOCK, resumeQuestionClock, withSlotPlan } from "./clocks-live";
import type { ExtensionKind } from "./clocks-schema";
import { applyMove, isStaleMove, whereabouts, type LiveState, type Move } from "./live-rules";
import {
  drawQuestionsSchema,
  endHearingSchema,
  extendSchema,
  hearingMoveSchema,
  questionActionSchema,
  startHearingSchema,
  VERSION_MISSING,
} from "./live-schema";
import { publishChange, type PublicHearingState } from "./live-state";
import { decisionRefusal, type QuestionDecision } from "./question-moves";
import { setAsideSchema } from "./questions-schema";
import { stratifiedDrawOf } from "./quota-draw";
import { START_BLOCKER_CODES, startBlockers } from "./start-checks";

// The chair's console (¶6, ¶7): every move is checked against the hearing's chair, made in
// one transaction that holds the hearing row, recorded on the slots, announced to every
// viewer (version, event, NOTIFY at commit) and written to the audit log. Every move names
// the state version it was made against and is refused on any other, inside that same
// transaction: a duplicate or stale move changes nothing (docs/decisions/021-chair-moves-name-their-version.md).

type Call = { actor: Actor | null; input: unknown };

const RUN: Permission = "run:hearing:own";
const MODERATE: Permission = "moderate:hearing-question:own";

export const LIVE_FIELDS = {
  id: true,
  chairId: true,
  stateVersion: true,
  status: true,
  currentSlotId: true,
  phase: true,
  phaseStartedAt: true,
  phaseDurationMs: true,
  pausedAt: true,
  currentQuestionId: true,
  presentationMinutes: true,
  qaMinutes: true,
  questionsPerCandidate: true,
  // The stage (lib/hearings/stage.ts): the commitment, its reveal, the closed record.
  seedHash: true,
  seedCommittedAt: true,
  seedRevealedAt: true,
  closedAt: true,
} as const;

function refuse(reason: string): never {
  throw new DomainError("CONFLICT", { messageKey: `hearingLive.${reason}` });
}

/**
 * Parses a move's input; a move that names no state version is refused as a whole (the
 * console always sends it: only a client that predates it, or a forged one, omits it).
 */
function parseMove<S extends Parameters<typeof parseInput>[0]>(schema: S, input: unknown): ReturnType<typeof parseInput<S>> {
  try {
    return parseInput(schema, input);
  } catch (error) {
    // Alone, it is the move's fault, not a field's; with other fields wrong, those are said first.
    const fields = error instanceof DomainError ? Object.keys(error.fieldErrors ?? {}) : [];
    if (fields.length === 1 && fields[0] === "expectedVersion") throw new DomainError("CONFLICT", { messageKey: VERSION_MISSING });
    throw error;
  }
}

/**
 * "own" can only be judged against the hearing, which is read after the input is parsed;
 * before that, refuse whoever could run no hearing at all (anonymous, other roles).
 */
export function assertMayActOnSomeHearing(actor: Actor | null, permission: Permission): asserts actor is Actor {
  assertCan(actor, permission, { chairId: actor?.id ?? null });
}

/**
 * Locks the hearing row for the rest of the change and checks that `actor` chairs it. The
 * hearing's own conference is locked first (the order the secretariat's changes take), and a
 * closed conference refuses every move (docs/decisions/012).
 */
async function lockOwnHearing(tx: Tx, actor: Actor, permission: Permission, hearingId: string, expectedVersion: number) {
  const found = await tx.hearing.findUnique({ where: { id: hearingId }, select: { chairId: true, conferenceId: true } });
  // An unknown hearing has no chair: refused like somebody else's, revealing nothing.
  assertCan(actor, permission, { chairId: found?.chairId ?? null });
  if (!found) throw new DomainError("NOT_FOUND");
  await lockConferenceForChange(tx, found.conferenceId);
  await tx.$queryRaw`SELECT id FROM "Hearing" WHERE id = ${hearingId} FOR UPDATE`;
  const hearing = await tx.hearing.findUniqueOrThrow({ where: { id: hearingId }, select: LIVE_FIELDS });
  // The chair may have been changed before the row was locked.
  assertCan(actor, permission, { chairId: hearing.chairId });
  // A closed record changes no more (docs/decisions/014-hearing-record-integrity.md).
  if (hearing.closedAt) refuse("recordClosed");
  // Made on another view of the hearing than the one there is now: nothing is changed, and
  // the chair is told where the hearing is (the console then shows it).
  if (isStaleMove(expectedVersion, hearing.stateVersion)) {
    const slot = hearing.currentSlotId
      ? await tx.hearingSlot.findUnique({ where: { id: hearing.currentSlotId }, select: { candidate: { select: { name: true } } } })
      : null;
    throw new DomainError("CONFLICT", {
      messageKey: "hearingLive.staleMove",
      values: whereabouts(hearing, slot?.candidate.name ?? null, hearing.stateVersion),
    });
  }
  return hearing;
}

function stateOf(h: LiveState): LiveState {
  return {
    status: h.status,
    currentSlotId: h.currentSlotId,
    phase: h.phase,
    phaseStartedAt: h.phaseStartedAt,
    phaseDurationMs: h.phaseDurationMs,
    pausedAt: h.pausedAt,
  };
}

type ParsedMove = { hearingId: string; expectedVersion: number; move: Move; reason?: string; kind?: ExtensionKind };

type LockedHearing = Awaited<ReturnType<typeof lockOwnHearing>>;

/** Checks made inside a move's transaction, after the locks; returns fields to write with it. */
type MoveGuard = (tx: Tx, hearing: LockedHearing, now: Date) => Promise<Record<string, unknown>>;

function simple(move: Move, schema: typeof hearingMoveSchema | typeof endHearingSchema | typeof startHearingSchema = hearingMoveSchema) {
  return (input: unknown): ParsedMove => {
    const { hearingId, expectedVersion } = parseMove(schema, input);
    return { hearingId, expectedVersion, move };
  };
}

async function runMove(call: Call, type: string, parse: (input: unknown) => ParsedMove, guard?: MoveGuard) {
  const { actor } = call;
  assertMayActOnSomeHearing(actor, RUN);
  const { hearingId, expectedVersion, move, reason = null, kind = "EXTENSION" } = parse(call.input);
  return chairDb().$transaction(async (tx) => {
    const hearing = await lockOwnHearing(tx, actor, RUN, hearingId, expectedVersion);
    const slots = await tx.hearingSlot.findMany({ where: { hearingId: hearing.id }, select: { id: true, position: true, presentationStartedAt: true } });
    const now = new Date();
    // The guard first: its refusal lists everything that blocks, not only the first thing.
    const extra = guard ? await guard(tx, hearing, now) : {};
    // The current slot's own durations when its candidate split the equal slot (docs/fairness.md#finer-clocks).
    const result = applyMove(await withSlotPlan(tx, hearing), slots, move, now);
    if (!result.ok) refuse(result.reason);
    const { state, slotWrites, extension, clearQuestion } = result.transition;
    await tx.hearing.update({
      where: { id: hearing.id },
      data: { ...state, ...extra, ...(clearQuestion ? { currentQuestionId: null, ...NO_QUESTION_CLOCK } : {}) },
    });
    for (const write of slotWrites) await tx.hearingSlot.update({ where: { id: write.slotId }, data: write.data });
    if (extension) await tx.hearingExtension.create({ data: { ...extension, reason: reason ?? "", kind, actorId: actor.id } });
    const published = await publishChange(tx, hearing.id, type, now);
    await emitAudit(tx, {
      actor,
      area: "hearing",
      action: type,
      entity: "Hearing",
      entityId: hearing.id,
      before: { ...stateOf(hearing), version: published.version - 1 },
      after: { ...state, ...extra, version: published.version, slotWrites, extension: extension ? { ...extension, reason, kind } : null },
    });
    return published;
  });
}

/**
 * Everything the start depends on, judged again now, inside the starting transaction
 * (start-checks.ts): refused with the list of what blocks. The start records when, and
 * which Member States' candidates are on the running order: they share the costs (¶6).
 */
const startGuard: MoveGuard = async (tx, hearing, now) => {
  // Started or ended already: the move's own refusal says so.
  if (hearing.status !== "SCHEDULED") return {};
  const blockers = await startBlockers(tx, hearing.id);
  if (blockers.length > 0) {
    const found = new Set(blockers.map((b) => b.code));
    throw new DomainError("CONFLICT", {
      messageKey: "hearingLive.startBlocked",
      values: { count: blockers.length, ...Object.fromEntries(START_BLOCKER_CODES.map((code) => [code, found.has(code) ? "yes" : "no"])) },
    });
  }
  const onTheOrder = await tx.hearingSlot.findMany({
    where: { hearingId: hearing.id, position: { not: null } },
    select: { candidate: { select: { memberStateId: true } } },
  });
  const costStateIds = [...new Set(onTheOrder.map((s) => s.candidate.memberStateId))].sort();
  return { startedAt: now, costStateIds };
};

/**
 * SCHEDULED → LIVE, at the first candidate of the running order, nobody speaking yet. Cannot
 * be undone (it fixes the presenters and who shares the costs): refused unless confirmed.
 */
export const startHearing = (call: Call) => runMove(call, "hearing-started", simple({ type: "start" }, startHearingSchema), startGuard);
export const startPresentation = (call: Call) => runMove(call, "presentation-started", simple({ type: "startPresentation" }));
export const startQa = (call: Call) => runMove(call, "qa-started", simple({ type: "startQa" }));
export const pauseHearing = (call: Call) => runMove(call, "paused", simple({ type: "pause" }));
export const resumeHearing = (call: Call) => runMove(call, "resumed", simple({ type: "resume" }), resumeQuestionClock);
export const nextCandidate = (call: Call) => runMove(call, "next-candidate", simple({ type: "next" }));
/** Cannot be undone: refused unless the chair confirmed it (`confirmed=yes`, sent by the confirmation dialog). */
export const endHearing = (call: Call) => runMove(call, "hearing-ended", simple({ type: "end" }, endHearingSchema));

/** More time for the current phase, with a reason that is logged and published afterwards. */
export const extendPhase = (call: Call) =>
  runMove(call, "extended", (input) => {
    const { hearingId, expectedVersion, minutes, reason, kind } = parseMove(extendSchema, input);
    // An accommodation (kind DISABILITY or TECHNICAL) is shown apart in the parity report (docs/fairness.md#accommodation).
    return { hearingId, expectedVersion, move: { type: "extend", addedMs: minutes * 60_000 }, reason, kind };
  });

async function moderate(call: Call, to: QuestionDecision) {
  const { actor } = call;
  assertMayActOnSomeHearing(actor, MODERATE);
  // Setting aside takes a reason, published with the open pool; approving clears it (docs/fairness.md#after-the-hearing).
  const input = to === "SET_ASIDE" ? parseMove(setAsideSchema, call.input) : { ...parseMove(questionActionSchema, call.input), reason: null };
  return chairDb().$transaction(async (tx) => {
    // A decision does not change the version: deciding several questions on one view is
    // fine, a second press on the same one is refused by the question's own status.
    const hearing = await lockOwnHearing(tx, actor, MODERATE, input.hearingId, input.expectedVersion);
    // Questions are decided until the end; after it the queue is part of the record.
    if (hearing.status === "ENDED") refuse("hearingEnded");
    const question = await tx.hearingQuestion.findFirst({ where: { id: input.questionId, hearingId: hearing.id }, select: { id: true, status: true } });
    if (!question) throw new DomainError("NOT_FOUND", { messageKey: "hearingLive.questionNotFound" });
    // Once drawn, a question belongs to a published draw: it can no longer be changed.
    const refusal = decisionRefusal(question.status, to);
    if (refusal) refuse(refusal);
    const updated = await tx.hearingQuestion.update({
      where: { id: question.id },
      data: { status: to, setAsideReason: input.reason },
      select: { id: true, status: true },
    });
    await emitAudit(tx, {
      actor,
      area: "hearing",
      action: to === "APPROVED" ? "question-approved" : "question-set-aside",
      entity: "HearingQuestion",
      entityId: question.id,
      before: { status: question.status },
      after: { status: to, setAsideReason: input.reason },
    });
    // No NOTIFY: the queue is the chair's, not the viewers' (docs/toolchain.md#listen-and-notify: notify chair events only).
    return updated;
  });
}

export const approveQuestion = (call: Call) => moderate(call, "APPROVED");
export const setAsideQuestion = (call: Call) => moderate(call, "SET_ASIDE");

/** The hearing, live, with a current candidate; for the question moves. */
async function lockLive(tx: Tx, actor: Actor, hearingId: string, expectedVersion: number) {
  const hearing = await lockOwnHearing(tx, actor, RUN, hearingId, expectedVersion);
  if (hearing.status !== "LIVE" || !hearing.currentSlotId) refuse("notLive");
  const slot = await tx.hearingSlot.findUniqueOrThrow({ where: { id: hearing.currentSlotId }, select: { candidateId: true } });
  return { ...hearing, candidateId: slot.candidateId };
}

type LiveHearing = Awaited<ReturnType<typeof lockLive>>;

async function questionMove<I extends { hearingId: string; expectedVersion: number }>(
  call: Call,
  type: string,
  change: (tx: Tx, hearing: LiveHearing, now: Date, input: I) => Promise<object>,
  parse: (input: unknown) => I = (input) => parseMove(hearingMoveSchema, input) as I,
) {
  const { actor } = call;
  assertMayActOnSomeHearing(actor, RUN);
  const input = parse(call.input);
  return chairDb().$transaction(async (tx) => {
    const hearing = await lockLive(tx, actor, input.hearingId, input.expectedVersion);
    const now = new Date();
    const after = await change(tx, hearing, now, input);
    const published = await publishChange(tx, hearing.id, type, now);
    await emitAudit(tx, { actor, area: "hearing", action: type, entity: "Hearing", entityId: hearing.id, after: { ...after, version: published.version } });
    return published;
  });
}

/**
 * ¶6, ¶7: the configured number (2 or 3) drawn at random from the current candidate's
 * approved questions, verifiably (lib/draw/verifiable-draw.ts): from the sealed seed and the
 * public entropy the chair types from the dice rolled in the room, the sorted eligible ids
 * published with the result. With fewer approved than configured, all are drawn and the
 * published draw says so (`shortfall`): refusing would leave the candidate with none.
 * While questions still await a decision the draw is refused unless the chair confirms:
 * a question left pending can never be drawn for this candidate (docs/decisions/014).
 */
export const drawForCurrentCandidate = (call: Call) =>
  questionMove(
    call,
    "questions-drawn",
    async (tx, hearing, _now, input: { hearingId: string; expectedVersion: number; entropy: string; confirmPending: boolean }) => {
      if (hearing.seedRevealedAt) refuse("seedRevealed");
      if (!hearing.seedHash) refuse("seedNotCommitted");
      if (!hearing.seedCommittedAt) refuse("legacyCommitment");
      const secret = await tx.hearing.findUniqueOrThrow({ where: { id: hearing.id }, select: { sealedSeed: true, questionQuota: true } });
      if (!secret.sealedSeed) refuse("seedNotCommitted");
      const earlier = await tx.draw.count({ where: { hearingId: hearing.id, kind: "QUESTIONS", candidateId: hearing.candidateId } });
      if (earlier > 0) refuse("alreadyDrawn");
      const queue = await tx.hearingQuestion.groupBy({
        by: ["status"],
        where: { hearingId: hearing.id, candidateId: hearing.candidateId, status: { in: ["PENDING", "SET_ASIDE"] } },
        _count: { _all: true },
      });
      const pendingCount = queue.find((g) => g.status === "PENDING")?._count._all ?? 0;
      const setAsideCount = queue.find((g) => g.status === "SET_ASIDE")?._count._all ?? 0;
      if (pendingCount > 0 && !input.confirmPending) {
        throw new DomainError("CONFLICT", { messageKey: "hearingLive.pendingQuestions", values: { count: pendingCount } });
      }
      const approved = await tx.hearingQuestion.findMany({
        where: { hearingId: hearing.id, candidateId: hearing.candidateId, status: "APPROVED" },
        select: { id: true, askerKind: true, askerRegion: true },
      });
      if (approved.length === 0) refuse("noApprovedQuestions");
      const eligibleIds = sortIds(approved.map((q) => q.id));
      // With a quota, the stratified draw (hustings-draw-v3, docs/decisions/045-quota-draws.md); without, v2 as ever.
      const stratified = stratifiedDrawOf(secret.questionQuota, hearing.questionsPerCandidate, approved);
      const seed = unsealSeed(secret.sealedSeed);
      const common = { seed, hearingId: hearing.id, candidateId: hearing.candidateId, entropy: input.entropy };
      const result = stratified
        ? drawStratified({ ...common, ...stratified })
        : drawQuestions({ ...common, kind: "QUESTIONS", eligibleIds, count: Math.min(hearing.questionsPerCandidate, eligibleIds.length) });
      const count = result.length;
      const draw = await tx.draw.create({
        data: {
          hearingId: hearing.id,
          kind: "QUESTIONS",
          candidateId: hearing.candidateId,
          eligibleIds,
          count,
          result,
          algorithm: stratified ? ALGORITHM_V3 : ALGORITHM,
          seedHash: hearing.seedHash,
          entropy: input.entropy,
          pendingCount,
          setAsideCount,
          ...(stratified ? { quota: stratified.quota, strata: stratified.strata } : {}),
          actorId: call.actor?.id ?? null,
        },
        select: { id: true },
      });
      for (const [index, id] of result.entries()) {
        await tx.hearingQuestion.update({ where: { id }, data: { status: "DRAWN", drawId: draw.id, drawPosition: index + 1 } });
      }
      return {
        drawId: draw.id,
        candidateId: hearing.candidateId,
        seedHash: hearing.seedHash,
        entropy: input.entropy,
        eligibleIds,
        result,
        ...(stratified ? { algorithm: ALGORITHM_V3, quota: stratified.quota, strata: stratified.strata } : {}),
        requested: hearing.questionsPerCandidate,
        pendingCount,
        setAsideCount,
      };
    },
    (input) => parseMove(drawQuestionsSchema, input),
  );

/** The next drawn question goes on screen, in drawn order, during Q&A. */
export const showQuestion = (call: Call) =>
  questionMove(call, "question-shown", async (tx, hearing, now) => {
    if (hearing.phase !== "QA") refuse("notInQa");
    if (hearing.currentQuestionId) refuse("answerCurrentFirst");
    const next = await tx.hearingQuestion.findFirst({
      where: { hearingId: hearing.id, candidateId: hearing.candidateId, status: "DRAWN" },
      orderBy: { drawPosition: "asc" },
      select: { id: true },
    });
    if (!next) refuse("noQuestionLeft");
    await tx.hearingQuestion.update({ where: { id: next.id }, data: { status: "SHOWN", shownAt: now } });
    // Its own clock starts (docs/fairness.md#finer-clocks).
    await tx.hearing.update({ where: { id: hearing.id }, data: { currentQuestionId: next.id, questionClockStartedAt: now, answerClockStartedAt: null } });
    return { questionId: next.id };
  });

/** The question on screen has been answered: it leaves the screen. */
export const markAnswered = (call: Call) =>
  questionMove(call, "question-answered", async (tx, hearing, now) => {
    if (!hearing.currentQuestionId) refuse("noQuestionShown");
    await tx.hearingQuestion.update({ where: { id: hearing.currentQuestionId }, data: { status: "ANSWERED", answeredAt: now } });
    await tx.hearing.update({ where: { id: hearing.id }, data: { currentQuestionId: null, ...NO_QUESTION_CLOCK } });
    return { questionId: hearing.currentQuestionId };
  });

/** The question on screen has been put: its answer's clock starts (docs/fairness.md#finer-clocks). */
export const beginAnswer = (call: Call) => questionMove(call, "answer-begun", (tx, hearing, now) => beginAnswerOn(tx, hearing, now));

export type { PublicHearingState };
