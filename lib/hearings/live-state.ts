import "server-only";
import { db, type Tx } from "@/lib/db";
import { questionClockOf, type QuestionClock } from "./clocks-rules";
import type { LivePhase, LiveStatus } from "./live-rules";

/**
 * What every viewer of the hearing sees, the same for all (¶6, ¶7): who speaks, the phase,
 * the clock's inputs, the question being answered, the current candidate's published draw.
 * The browser computes the time left from `phaseStartedAt`, `durationMs`, `pausedAt` and the
 * offset between its clock and `serverTime`: nothing ticks on the server.
 */
export type PublicHearingState = {
  hearingId: string;
  version: number;
  status: LiveStatus;
  candidate: { id: string; name: string; position: number | null } | null;
  phase: LivePhase;
  phaseStartedAt: string | null;
  /** Planned duration plus the extensions granted in this phase. */
  durationMs: number | null;
  pausedAt: string | null;
  question: { id: string; text: string; askerName: string; source: "ROOM" | "WEBCAST"; position: number | null } | null;
  /**
   * The clock of the question on screen, when the hearing sets a limit per question or per answer
   * (docs/fairness.md#finer-clocks): part of the state, so a viewer who reconnects has it too.
   */
  questionClock: QuestionClock | null;
  /**
   * The current candidate's question draw, published as it is made (¶7), with the public
   * entropy the chair typed (the dice read aloud in the room, docs/decisions/007-verifiable-draw.md) and the
   * commitment it was made under, so that a viewer can note both at the moment of the draw.
   */
  draw: {
    id: string;
    eligibleIds: string[];
    result: string[];
    requested: number;
    drawn: number;
    shortfall: boolean;
    /** Null for a draw recorded before public entropy existed. */
    entropy: string | null;
    seedHash: string | null;
    /** Questions still awaiting a decision, and set aside, when the draw was made. */
    pendingCount: number | null;
    setAsideCount: number | null;
    drawnAt: string;
  } | null;
  serverTime: string;
};

/** The public state as stored, at `now`; null when there is no such hearing. */
export async function readPublicState(client: Tx, hearingId: string, now = new Date()): Promise<PublicHearingState | null> {
  const hearing = await client.hearing.findUnique({
    where: { id: hearingId },
    select: {
      id: true,
      stateVersion: true,
      status: true,
      phase: true,
      phaseStartedAt: true,
      phaseDurationMs: true,
      pausedAt: true,
      questionsPerCandidate: true,
      questionLimitSeconds: true,
      answerLimitSeconds: true,
      questionClockStartedAt: true,
      answerClockStartedAt: true,
      currentSlot: { select: { id: true, position: true, candidate: { select: { id: true, name: true } } } },
      currentQuestion: { select: { id: true, body: true, askerName: true, source: true, drawPosition: true } },
    },
  });
  if (!hearing) return null;
  const slot = hearing.currentSlot;
  const [extensions, draw] = slot
    ? await Promise.all([
        hearing.phase === "IDLE" ? null : client.hearingExtension.aggregate({ where: { slotId: slot.id, phase: hearing.phase }, _sum: { addedMs: true } }),
        client.draw.findFirst({
          where: { hearingId, kind: "QUESTIONS", candidateId: slot.candidate.id },
          orderBy: { createdAt: "desc" },
          select: {
            id: true,
            eligibleIds: true,
            result: true,
            count: true,
            entropy: true,
            seedHash: true,
            pendingCount: true,
            setAsideCount: true,
            createdAt: true,
          },
        }),
      ])
    : [null, null];
  const extensionsMs = extensions?._sum.addedMs ?? 0;
  const question = hearing.currentQuestion;
  return {
    hearingId: hearing.id,
    version: hearing.stateVersion,
    status: hearing.status,
    candidate: slot ? { id: slot.candidate.id, name: slot.candidate.name, position: slot.position } : null,
    phase: hearing.phase,
    phaseStartedAt: hearing.phaseStartedAt?.toISOString() ?? null,
    durationMs: hearing.phaseDurationMs === null ? null : hearing.phaseDurationMs + extensionsMs,
    pausedAt: hearing.pausedAt?.toISOString() ?? null,
    question: question
      ? { id: question.id, text: question.body, askerName: question.askerName, source: question.source, position: question.drawPosition }
      : null,
    questionClock: question ? questionClockOf(hearing) : null,
    draw: draw
      ? {
          id: draw.id,
          eligibleIds: draw.eligibleIds,
          result: draw.result,
          requested: hearing.questionsPerCandidate,
          drawn: draw.count,
          shortfall: draw.count < hearing.questionsPerCandidate,
          entropy: draw.entropy,
          seedHash: draw.seedHash,
          pendingCount: draw.pendingCount,
          setAsideCount: draw.setAsideCount,
          drawnAt: draw.createdAt.toISOString(),
        }
      : null,
    serverTime: now.toISOString(),
  };
}

/** The state every viewer sees; public, like the running order (only the stream may be restricted). */
export async function getPublicHearingState(hearingId: string): Promise<PublicHearingState | null> {
  return readPublicState(db(), hearingId);
}

/** The channel every app instance LISTENs on; the payload is `<hearingId>:<version>`. */
export const HEARING_CHANNEL = "hearing_events";

/**
 * Inside the change's transaction: bump the version, store the event a late viewer can
 * replay, and NOTIFY — which Postgres delivers only at commit, so no viewer hears of a change
 * that was rolled back.
 */
export async function publishChange(tx: Tx, hearingId: string, type: string, now: Date): Promise<PublicHearingState> {
  await tx.hearing.update({ where: { id: hearingId }, data: { stateVersion: { increment: 1 } }, select: { id: true } });
  const state = await readPublicState(tx, hearingId, now);
  if (!state) throw new Error(`Hearing ${hearingId} vanished inside its own transaction`);
  await tx.hearingEvent.create({ data: { hearingId, version: state.version, type, payload: state } });
  await tx.$executeRaw`SELECT pg_notify(${HEARING_CHANNEL}, ${`${hearingId}:${state.version}`})`;
  return state;
}

export type HearingEventRow = { version: number; type: string; payload: unknown };

/** How many missed events a reader is sent before it is simply given the current state. */
export const REPLAY_LIMIT = 100;

/**
 * Stored events of a hearing with `after < version ≤ upTo` (no upper bound when null),
 * oldest first; at most the newest REPLAY_LIMIT, since each carries the whole state.
 */
export async function readHearingEvents(client: Tx, hearingId: string, after: number, upTo: number | null): Promise<HearingEventRow[]> {
  const rows = await client.hearingEvent.findMany({
    where: { hearingId, version: { gt: after, ...(upTo === null ? {} : { lte: upTo }) } },
    orderBy: { version: "desc" },
    take: REPLAY_LIMIT,
    select: { version: true, type: true, payload: true },
  });
  return rows.reverse();
}
