// The parity report (¶6: the same presentation and the same Q&A time for every candidate):
// planned against actual time per candidate and phase, with the extensions granted and why,
// and how many questions were drawn for and answered by each candidate (a draw made with
// fewer approved questions than configured, or a hearing ended before the questions were
// put, shows here). Pure arithmetic, shared by the public page and the tests.

export type ParityPhase = "PRESENTATION" | "QA";

export type ParitySlot = {
  candidateId: string;
  name: string;
  position: number | null;
  presentationActualMs: number | null;
  qaActualMs: number | null;
  extensions: readonly { phase: string; addedMs: number; reason: string; at: Date | string }[];
  /** The candidate's questions that a draw picked, by their status now (DRAWN, SHOWN, ANSWERED). */
  drawnQuestions: readonly { status: string }[];
};

/** Questions a draw picked for the candidate, and how many of them the candidate answered. */
export type QuestionFigures = { drawn: number; answered: number };

export type PhaseFigures = {
  plannedMs: number;
  extendedMs: number;
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
  extensions: { phase: ParityPhase; addedMs: number; reason: string; at: string }[];
  questions: QuestionFigures;
};

export type ParityReport = {
  plannedPresentationMs: number;
  plannedQaMs: number;
  /** The number of questions to draw for every candidate (¶6: 2 or 3). */
  questionsPerCandidate: number;
  rows: ParityRow[];
  /** Longest minus shortest actual total among those who spoke in both phases. */
  spreadMs: number | null;
};

const MINUTE_MS = 60_000;

function figures(plannedMs: number, actualMs: number | null, extendedMs: number): PhaseFigures {
  return { plannedMs, extendedMs, actualMs, differenceMs: actualMs === null ? null : actualMs - plannedMs };
}

function isPhase(phase: string): phase is ParityPhase {
  return phase === "PRESENTATION" || phase === "QA";
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
  slots: readonly ParitySlot[];
}): ParityReport {
  const plannedPresentationMs = input.presentationMinutes * MINUTE_MS;
  const plannedQaMs = input.qaMinutes * MINUTE_MS;
  const rows = [...input.slots]
    .sort((a, b) => (a.position ?? Number.MAX_SAFE_INTEGER) - (b.position ?? Number.MAX_SAFE_INTEGER))
    .map((slot): ParityRow => {
      const extensions = slot.extensions
        .flatMap((e) => (isPhase(e.phase) ? [{ phase: e.phase, addedMs: e.addedMs, reason: e.reason, at: new Date(e.at).toISOString() }] : []))
        .sort((a, b) => a.at.localeCompare(b.at));
      const extended = (phase: ParityPhase) => extensions.filter((e) => e.phase === phase).reduce((sum, e) => sum + e.addedMs, 0);
      const both = slot.presentationActualMs !== null && slot.qaActualMs !== null;
      return {
        candidateId: slot.candidateId,
        name: slot.name,
        position: slot.position,
        presentation: figures(plannedPresentationMs, slot.presentationActualMs, extended("PRESENTATION")),
        qa: figures(plannedQaMs, slot.qaActualMs, extended("QA")),
        totalActualMs: both ? (slot.presentationActualMs ?? 0) + (slot.qaActualMs ?? 0) : null,
        extensions,
        questions: questionFigures(slot.drawnQuestions),
      };
    });
  const totals = rows.flatMap((r) => (r.totalActualMs === null ? [] : [r.totalActualMs]));
  return {
    plannedPresentationMs,
    plannedQaMs,
    questionsPerCandidate: input.questionsPerCandidate,
    rows,
    spreadMs: totals.length === 0 ? null : Math.max(...totals) - Math.min(...totals),
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
