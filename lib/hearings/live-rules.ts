// The live hearing's state machine (Council study ¶6, ¶7): pure, shared by the services and
// the tests. The clock is never ticked: the time left is computed from when the phase
// started, its planned duration, the extensions granted and, while paused, when it paused.
// A resume moves `phaseStartedAt` forward by the length of the pause, so that
// `(pausedAt ?? now) − phaseStartedAt` is always the time actually spoken in the phase —
// the figure equal time is measured by.

export type LiveStatus = "SCHEDULED" | "LIVE" | "ENDED";
export type LivePhase = "IDLE" | "PRESENTATION" | "QA";

export type LiveState = {
  status: LiveStatus;
  currentSlotId: string | null;
  phase: LivePhase;
  phaseStartedAt: Date | null;
  /** Planned duration of the phase; extensions are added on top (see `phaseClock`). */
  phaseDurationMs: number | null;
  pausedAt: Date | null;
};

export type LiveHearing = LiveState & { presentationMinutes: number; qaMinutes: number };

/** A slot of the running order, as the rules need it. */
export type RunningSlot = { id: string; position: number | null; presentationStartedAt: Date | null };

export type Move =
  | { type: "start" }
  | { type: "startPresentation" }
  | { type: "startQa" }
  | { type: "pause" }
  | { type: "resume" }
  | { type: "extend"; addedMs: number }
  | { type: "next" }
  | { type: "end" };

export type MoveType = Move["type"];

/** Why a move is refused: a key of the "hearingLive" catalog. */
export type Refusal =
  | "notScheduled"
  | "notLive"
  | "noRunningOrder"
  | "notIdle"
  | "alreadyPresented"
  | "notInPresentation"
  | "nothingRunning"
  | "alreadyPaused"
  | "notPaused"
  | "qaNotStarted"
  | "lastCandidate";

export type SlotWrite = {
  slotId: string;
  data: { presentationStartedAt?: Date; presentationActualMs?: number; qaStartedAt?: Date; qaActualMs?: number; finishedAt?: Date };
};

export type Transition = {
  state: LiveState;
  /** Actual times recorded on the slots (¶6: equal time, shown afterwards). */
  slotWrites: SlotWrite[];
  /** An extension to log against the current slot and phase. */
  extension: { slotId: string; phase: LivePhase; addedMs: number } | null;
  /** The question on screen is taken down (its candidate's turn is over). */
  clearQuestion: boolean;
};

export type MoveResult = { ok: true; transition: Transition } | { ok: false; reason: Refusal };

const MINUTE_MS = 60_000;

/** The running order: slots with a drawn position, first to last. */
export function runningOrder(slots: readonly RunningSlot[]): RunningSlot[] {
  return slots.filter((s) => s.position !== null).sort((a, b) => (a.position ?? 0) - (b.position ?? 0));
}

/** Time actually spoken in the current phase: pauses excluded (a resume shifts the start). */
export function elapsedMs(state: Pick<LiveState, "phaseStartedAt" | "pausedAt">, now: Date): number {
  if (!state.phaseStartedAt) return 0;
  const until = state.pausedAt ?? now;
  return Math.max(0, until.getTime() - state.phaseStartedAt.getTime());
}

export type PhaseClock = { durationMs: number; elapsedMs: number; remainingMs: number; overrunMs: number; paused: boolean };

/** The clock every viewer sees; `remainingMs` stops at 0 and the rest shows as overrun. */
export function phaseClock(state: Pick<LiveState, "phaseStartedAt" | "phaseDurationMs" | "pausedAt">, extensionsMs: number, now: Date): PhaseClock | null {
  if (!state.phaseStartedAt || state.phaseDurationMs === null) return null;
  const durationMs = state.phaseDurationMs + extensionsMs;
  const elapsed = elapsedMs(state, now);
  return {
    durationMs,
    elapsedMs: elapsed,
    remainingMs: Math.max(0, durationMs - elapsed),
    overrunMs: Math.max(0, elapsed - durationMs),
    paused: state.pausedAt !== null,
  };
}

const IDLE = { phase: "IDLE", phaseStartedAt: null, phaseDurationMs: null, pausedAt: null } as const;

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

function refuse(reason: Refusal): MoveResult {
  return { ok: false, reason };
}

function accept(state: LiveState, rest: Partial<Omit<Transition, "state">> = {}): MoveResult {
  return { ok: true, transition: { state, slotWrites: [], extension: null, clearQuestion: false, ...rest } };
}

/** What the current phase's end records on the current slot. */
function closePhase(hearing: LiveHearing, now: Date): SlotWrite["data"] {
  const spoken = elapsedMs(hearing, now);
  if (hearing.phase === "PRESENTATION") return { presentationActualMs: spoken };
  if (hearing.phase === "QA") return { qaActualMs: spoken };
  return {};
}

/** Applies `move` at `now`, or says why it is refused. Nothing else decides what is legal. */
export function applyMove(hearing: LiveHearing, slots: readonly RunningSlot[], move: Move, now: Date): MoveResult {
  if (move.type === "start") {
    if (hearing.status !== "SCHEDULED") return refuse("notScheduled");
    const order = runningOrder(slots);
    // ¶7: the order is drawn by lot before the hearing opens; every presenter has a place.
    if (order.length === 0 || order.length !== slots.length) return refuse("noRunningOrder");
    return accept({ status: "LIVE", currentSlotId: (order[0] as RunningSlot).id, ...IDLE });
  }
  if (hearing.status !== "LIVE" || !hearing.currentSlotId) return refuse("notLive");
  const slotId = hearing.currentSlotId;
  const running = hearing.phase !== "IDLE";

  switch (move.type) {
    case "startPresentation": {
      if (running) return refuse("notIdle");
      const slot = slots.find((s) => s.id === slotId);
      if (slot?.presentationStartedAt) return refuse("alreadyPresented");
      return accept(
        { ...stateOf(hearing), phase: "PRESENTATION", phaseStartedAt: now, phaseDurationMs: hearing.presentationMinutes * MINUTE_MS, pausedAt: null },
        { slotWrites: [{ slotId, data: { presentationStartedAt: now } }] },
      );
    }
    case "startQa": {
      if (hearing.phase !== "PRESENTATION") return refuse("notInPresentation");
      return accept(
        { ...stateOf(hearing), phase: "QA", phaseStartedAt: now, phaseDurationMs: hearing.qaMinutes * MINUTE_MS, pausedAt: null },
        { slotWrites: [{ slotId, data: { ...closePhase(hearing, now), qaStartedAt: now } }] },
      );
    }
    case "pause": {
      if (!running) return refuse("nothingRunning");
      if (hearing.pausedAt) return refuse("alreadyPaused");
      return accept({ ...stateOf(hearing), pausedAt: now });
    }
    case "resume": {
      if (!running || !hearing.pausedAt || !hearing.phaseStartedAt) return refuse("notPaused");
      const pausedFor = Math.max(0, now.getTime() - hearing.pausedAt.getTime());
      return accept({ ...stateOf(hearing), phaseStartedAt: new Date(hearing.phaseStartedAt.getTime() + pausedFor), pausedAt: null });
    }
    case "extend": {
      if (!running) return refuse("nothingRunning");
      return accept(stateOf(hearing), { extension: { slotId, phase: hearing.phase, addedMs: move.addedMs } });
    }
    case "next": {
      // Equal time: a candidate's turn ends after their questions and answers, not before.
      if (hearing.phase !== "QA") return refuse("qaNotStarted");
      const order = runningOrder(slots);
      const at = order.findIndex((s) => s.id === slotId);
      const following = order[at + 1];
      if (!following) return refuse("lastCandidate");
      return accept(
        { ...stateOf(hearing), currentSlotId: following.id, ...IDLE },
        { slotWrites: [{ slotId, data: { ...closePhase(hearing, now), finishedAt: now } }], clearQuestion: true },
      );
    }
    case "end": {
      // The chair may close the hearing at any point; what was spoken is still recorded.
      return accept(
        { ...stateOf(hearing), status: "ENDED", currentSlotId: null, ...IDLE },
        { slotWrites: [{ slotId, data: { ...closePhase(hearing, now), finishedAt: now } }], clearQuestion: true },
      );
    }
  }
}

/**
 * Every move names the state version it was made against (the console sends the one it was
 * rendered with): a move made on any other version — a second press of the same button, a
 * tab left open, a retry after a lost answer — is refused and changes nothing, so the same
 * move can never be made twice (docs/decisions/021-chair-moves-name-their-version.md).
 */
export function isStaleMove(expectedVersion: number, currentVersion: number): boolean {
  return expectedVersion !== currentVersion;
}

/** Where a hearing is, as a refusal tells the chair: values for the "hearingLive.staleMove" message. */
export function whereabouts(state: Pick<LiveState, "status" | "phase" | "pausedAt">, candidateName: string | null, version: number) {
  return {
    status: state.status,
    phase: state.phase,
    paused: state.pausedAt ? "yes" : "no",
    candidate: candidateName ?? "",
    version,
  };
}

export type OrderSlot = RunningSlot & { finishedAt: Date | null };

export type OrderProgress = {
  /** Slots on the running order, first to last, with where each candidate's turn is. */
  items: { id: string; position: number; turn: "done" | "current" | "waiting" }[];
  /** Turns finished. */
  done: number;
  total: number;
  /** Candidates on the order who have not begun to present (ending now leaves them unheard). */
  notSpoken: number;
};

/** The running order with its progress (a turn is done once the chair moved past it or ended it). */
export function orderProgress(slots: readonly OrderSlot[], currentSlotId: string | null): OrderProgress {
  const order = runningOrder(slots) as OrderSlot[];
  const items = order.map((s) => ({
    id: s.id,
    position: s.position ?? 0,
    turn: s.id === currentSlotId ? ("current" as const) : s.finishedAt ? ("done" as const) : ("waiting" as const),
  }));
  return {
    items,
    done: items.filter((i) => i.turn === "done").length,
    total: items.length,
    notSpoken: order.filter((s) => s.presentationStartedAt === null).length,
  };
}
