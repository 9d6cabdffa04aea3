import { slotPlan } from "./clocks-rules";

// The parity report (¶6: the same presentation and the same Q&A time for every candidate):
// planned against actual time per candidate and phase, with the extensions granted and why,
// and how many questions were drawn for and answered by each candidate (a draw made with
// fewer approved questions than configured, or a hearing ended before the questions were
// put, shows here). Pure arithmetic, shared by the public page and the tests.
//
// A candidate who split the equal slot (docs/fairness.md#finer-clocks) is measured against their own
// planned phases; candidates are compared on their totals, which are equal by construction.
// Accommodations (docs/fairness.md#accommodation) are listed apart from extensions: the time they
// granted and the candidate used is not counted as unequal time.

export type ParityPhase = "PRESENTATION" | "QA";

export type ParitySlot = {
  candidateId: string;
  name: string;
  position: number | null;
  presentationActualMs: number | null;
  qaActualMs: number | null;
  extensions: readonly { phase: string; addedMs: number; reason: string; at: Date | string; kind?: string }[];
  /** The candidate's split of the equal slot (null or absent: the hearing's pair). */
  plannedPresentationMs?: number | null;
  plannedQaMs?: number | null;
  /** The candidate's questions that a draw picked, by their status now (DRAWN, SHOWN, ANSWERED). */
  drawnQuestions: readonly { status: string }[];
};

/** Questions a draw picked for the candidate, and how many of them the candidate answered. */
export type QuestionFigures = { drawn: number; answered: number };

export type PhaseFigures = {
  plannedMs: number;
  /** Ordinary extensions only. */
  extendedMs: number;
  /** Accommodations granted for the phase. */
  accommodatedMs: number;
  /** Null when the phase never took place (the hearing ended before it). */
  actualMs: number | null;
  /** Actual minus planned (extensions not counted): positive means over time. */
  differenceMs: number | null;
};

export type ParityRow = {
  candidateId: string;
  name: string;
  position: number | null;
  presentation: PhaseFigures;
  qa: PhaseFigures;
  /** Both phases spoken; null when either did not take place. */
  totalActualMs: number | null;
  /** The total compared with the others: time over the plan that an accommodation covered is taken out. */
  comparableTotalMs: number | null;
  /** Whether this candidate's phases differ from the hearing's pair (their own split). */
  split: boolean;
  extensions: { phase: ParityPhase; addedMs: number; reason: string; at: string }[];
  accommodations: { phase: ParityPhase; kind: "DISABILITY" | "TECHNICAL"; addedMs: number; reason: string; at: string }[];
  questions: QuestionFigures;
};

export type ParityReport = {
  plannedPresentationMs: number;
  plannedQaMs: number;
  /** The number of questions to draw for every candidate (¶6: 2 or 3). */
  questionsPerCandidate: number;
  rows: ParityRow[];
  /** Longest minus shortest comparable total among those who spoke in both phases (accommodations apart). */
  spreadMs: number | null;
  /** Some candidates split the slot otherwise than others: only totals compare. */
  splitsDiffer: boolean;
};

const MINUTE_MS = 60_000;

function figures(plannedMs: number, actualMs: number | null, extendedMs: number, accommodatedMs: number): PhaseFigures {
  return { plannedMs, extendedMs, accommodatedMs, actualMs, differenceMs: actualMs === null ? null : actualMs - plannedMs };
}

function isPhase(phase: string): phase is ParityPhase {
  return phase === "PRESENTATION" || phase === "QA";
}

function isAccommodationKind(kind: string): kind is "DISABILITY" | "TECHNICAL" {
  return kind === "DISABILITY" || kind === "TECHNICAL";
}

/**
 * The total compared with the other candidates': time spoken beyond the planned total, up to
 * what accommodations granted, is the accommodation's, not unequal time (docs/fairness.md#accommodation).
 * An accommodation not used takes nothing off.
 */
export function comparableTotal(actualMs: number, plannedMs: number, accommodatedMs: number): number {
  return actualMs - Math.min(accommodatedMs, Math.max(0, actualMs - plannedMs));
}

const DRAWN_STATUSES = new Set(["DRAWN", "SHOWN", "ANSWERED"]);

function questionFigures(questions: readonly { status: string }[]): QuestionFigures {
  const drawn = questions.filter((q) => DRAWN_STATUSES.has(q.status));
  return { drawn: drawn.length, answered: drawn.filter((q) => q.status === "ANSWERED").length };
}

/** Rows in running order (undrawn slots last), extensions oldest first. */
export function parityReport(input: {
  presentationMinutes: number;
  qaMinutes: number;
  questionsPerCandidate: number;
  /** Whether the hearing let candidates split the equal slot (their splits are used only then). */
  splitAllowed?: boolean;
  /** The split's bounds, as the live clock applied them (a split outside them was not used). */
  minPresentationMinutes?: number | null;
  minQaMinutes?: number | null;
  slots: readonly ParitySlot[];
}): ParityReport {
  const plannedPresentationMs = input.presentationMinutes * MINUTE_MS;
  const plannedQaMs = input.qaMinutes * MINUTE_MS;
  const rows = [...input.slots]
    .sort((a, b) => (a.position ?? Number.MAX_SAFE_INTEGER) - (b.position ?? Number.MAX_SAFE_INTEGER))
    .map((slot): ParityRow => {
      const all = slot.extensions
        .flatMap((e) =>
          isPhase(e.phase) ? [{ phase: e.phase, addedMs: e.addedMs, reason: e.reason, at: new Date(e.at).toISOString(), kind: e.kind ?? "EXTENSION" }] : [],
        )
        .sort((a, b) => a.at.localeCompare(b.at));
      const extensions = all.filter((e) => !isAccommodationKind(e.kind)).map(({ kind: _kind, ...e }) => e);
      const accommodations = all.flatMap(({ kind, ...e }) => (isAccommodationKind(kind) ? [{ ...e, kind }] : []));
      const sum = (list: readonly { phase: ParityPhase; addedMs: number }[], phase: ParityPhase) =>
        list.filter((e) => e.phase === phase).reduce((total, e) => total + e.addedMs, 0);
      const plan = slotPlan(
        {
          presentationMinutes: input.presentationMinutes,
          qaMinutes: input.qaMinutes,
          splitAllowed: input.splitAllowed ?? false,
          minPresentationMinutes: input.minPresentationMinutes,
          minQaMinutes: input.minQaMinutes,
        },
        { plannedPresentationMs: slot.plannedPresentationMs ?? null, plannedQaMs: slot.plannedQaMs ?? null },
      );
      const both = slot.presentationActualMs !== null && slot.qaActualMs !== null;
      const totalActualMs = both ? (slot.presentationActualMs ?? 0) + (slot.qaActualMs ?? 0) : null;
      const accommodatedMs = sum(accommodations, "PRESENTATION") + sum(accommodations, "QA");
      return {
        candidateId: slot.candidateId,
        name: slot.name,
        position: slot.position,
        presentation: figures(plan.presentationMs, slot.presentationActualMs, sum(extensions, "PRESENTATION"), sum(accommodations, "PRESENTATION")),
        qa: figures(plan.qaMs, slot.qaActualMs, sum(extensions, "QA"), sum(accommodations, "QA")),
        totalActualMs,
        comparableTotalMs: totalActualMs === null ? null : comparableTotal(totalActualMs, plan.presentationMs + plan.qaMs, accommodatedMs),
        split: plan.split,
        extensions,
        accommodations,
        questions: questionFigures(slot.drawnQuestions),
      };
    });
  const totals = rows.flatMap((r) => (r.comparableTotalMs === null ? [] : [r.comparableTotalMs]));
  return {
    plannedPresentationMs,
    plannedQaMs,
    questionsPerCandidate: input.questionsPerCandidate,
    rows,
    spreadMs: totals.length === 0 ? null : Math.max(...totals) - Math.min(...totals),
    splitsDiffer: rows.some((r) => r.split),
  };
}

/**
 * A duration in the reader's language, to the second: "14 min, 32 sec", "١٤ د و٣٢ ث"…
 * Intl.DurationFormat is not in Node 20, so units are formatted and joined by Intl itself.
 */
export function formatDuration(locale: string, ms: number): string {
  const seconds = Math.round(Math.abs(ms) / 1000);
  const minutes = Math.floor(seconds / 60);
  const rest = seconds % 60;
  const unit = (value: number, name: "minute" | "second") => new Intl.NumberFormat(locale, { style: "unit", unit: name, unitDisplay: "short" }).format(value);
  const parts = minutes > 0 ? [unit(minutes, "minute"), ...(rest > 0 ? [unit(rest, "second")] : [])] : [unit(rest, "second")];
  return new Intl.ListFormat(locale, { style: "narrow", type: "unit" }).format(parts);
}
