"use server";

import { refresh } from "next/cache";
import { formAction, type FormFields } from "@/lib/actions/form-action";
import { TAGS } from "@/lib/cache-tags";
import { DomainError, isDomainError } from "@/lib/errors/domain-error";
import {
  approveQuestion,
  beginAnswer,
  drawForCurrentCandidate,
  endHearing,
  extendPhase,
  markAnswered,
  nextCandidate,
  pauseHearing,
  resumeHearing,
  setAsideQuestion,
  showQuestion,
  startHearing,
  startPresentation,
  startQa,
} from "@/lib/hearings/live";

// The chair's console: each button names its move; the services check that the caller
// chairs this hearing, that the move is legal now and that it was made on the hearing's
// current version, and announce it to every viewer. Every form sends the version it was
// rendered with and what it showed (docs/decisions/021-chair-moves-name-their-version.md):
// - refused (stale, illegal, invalid): the console is rendered afresh, showing the real state;
// - the database busy or out of reach: the console stays as it is and says the move was not
//   made and where the hearing was, as last shown; pressing again is safe, since a move that
//   did go through after all makes the repeat stale.

/** A field of the form, as one string. */
function field(fields: FormFields, name: string): string {
  const value = fields[name];
  return (Array.isArray(value) ? value[0] : value) ?? "";
}

/** The hearing as the console last showed it (sent back by the form): values of "hearingLive.console.notMade". */
function lastShown(fields: FormFields) {
  return {
    status: field(fields, "shownStatus"),
    phase: field(fields, "shownPhase"),
    paused: field(fields, "shownPaused") === "yes" ? "yes" : "no",
    candidate: field(fields, "shownCandidate").slice(0, 200),
  };
}

type Translate = Parameters<NonNullable<Parameters<typeof formAction>[0]["busy"]>>[0];

/** The console's own wording when the database did not answer: nothing was changed. */
const notMade = (t: Translate, fields: FormFields) => t("hearingLive.console.notMade", lastShown(fields));

/** A refusal leaves the console on a view the chair must not act on: it is rendered afresh. */
async function refreshedOnRefusal<R>(run: () => Promise<R>): Promise<R> {
  try {
    return await run();
  } catch (error) {
    if (isDomainError(error)) refresh();
    throw error;
  }
}

const MOVES = {
  start: startHearing,
  startPresentation,
  startQa,
  pause: pauseHearing,
  resume: resumeHearing,
  next: nextCandidate,
  end: endHearing,
  show: showQuestion,
  answered: markAnswered,
  // The question has been put: its answer's clock starts (docs/fairness.md#finer-clocks).
  answerBegins: beginAnswer,
} as const;

export type ConsoleMove = keyof typeof MOVES;

/** The moves that change the hearing's cached pages: its status and public record. */
const PAGE_MOVES: ReadonlySet<ConsoleMove> = new Set(["start", "end"]);

function isMove(value: unknown): value is ConsoleMove {
  return typeof value === "string" && Object.hasOwn(MOVES, value);
}

export const makeMove = formAction({
  run: async (actor, fields) => {
    const move = fields.move;
    if (!isMove(move)) throw new DomainError("INVALID_INPUT");
    const state = await refreshedOnRefusal(() => MOVES[move]({ actor, input: fields }));
    // The start and the end change the whole console (checks, running order, the end's
    // section): it comes back with the answer. Any other move answers with the new version
    // alone, at once; the console asks for its fresh rendering itself
    // (components/hearing/chair-move-form.tsx), so that the answer does not wait on it.
    if (PAGE_MOVES.has(move)) refresh();
    return { move, version: state.version };
  },
  // Only the start and the end change what the hearing's cached pages show (status, record);
  // every other move reaches viewers through the live panel alone (docs/cache.md).
  tags: ({ move }) => (PAGE_MOVES.has(move) ? [TAGS.hearings] : []),
  success: (t, { move }) => (move === "answerBegins" ? t("hearingClocks.console.done") : t(`hearingLive.console.done.${move}`)),
  data: ({ version }) => ({ version: String(version) }),
  busy: notMade,
  // The whole move on the connections viewers cannot take (docs/decisions/019-database-capacity.md).
  reserved: true,
});

/** The service's refusal of a draw while questions still await a decision (docs/decisions/014-hearing-record-integrity.md). */
const PENDING_REFUSAL = "hearingLive.pendingQuestions";

/**
 * The question draw, with the digits of the dice rolled in the room (public entropy). While
 * questions of the candidate still await a decision the service refuses unless the chair
 * confirms; the refusal is given back with the number waiting and a `confirmPending` field
 * error, which makes the form offer the explicit confirmation (it resubmits the same digits).
 */
export const drawQuestions = formAction({
  run: async (actor, fields) => {
    try {
      // The service validates the digits (a translated error on the field) and decides.
      const input = {
        hearingId: fields.hearingId,
        expectedVersion: fields.expectedVersion,
        entropy: fields.entropy,
        confirmPending: fields.confirmPending === "true",
      };
      const drawn = await refreshedOnRefusal(() => drawForCurrentCandidate({ actor, input }));
      refresh();
      return drawn;
    } catch (error) {
      if (!isDomainError(error) || error.messageKey !== PENDING_REFUSAL) throw error;
      throw new DomainError(error.code, {
        messageKey: "hearingLive.console.pendingWarning",
        values: { count: error.values?.count ?? 0 },
        fieldErrors: { confirmPending: "hearingLive.console.confirmPendingHelp" },
      });
    }
  },
  // The parity report and the verification page read what the draw records.
  tags: () => [TAGS.hearings],
  success: (t) => t("hearingLive.console.done.draw"),
  busy: notMade,
  // The whole move on the connections viewers cannot take (docs/decisions/019-database-capacity.md).
  reserved: true,
});

export const extendCurrentPhase = formAction({
  run: async (actor, input) => {
    // Shown by the live panel and, once the hearing has ended, by the parity report (the end
    // refreshes it). Answered with the new version alone, as makeMove's running moves are.
    return await refreshedOnRefusal(() => extendPhase({ actor, input }));
  },
  success: (t) => t("hearingLive.console.done.extend"),
  data: ({ version }) => ({ version: String(version) }),
  busy: notMade,
  // The whole move on the connections viewers cannot take (docs/decisions/019-database-capacity.md).
  reserved: true,
});

/** Approve or set aside a question of the queue: the button pressed names the decision. */
export const moderateQuestion = formAction({
  run: async (actor, input) => {
    const decision = input.decision;
    if (decision === "approve") await refreshedOnRefusal(() => approveQuestion({ actor, input }));
    else if (decision === "setAside") await refreshedOnRefusal(() => setAsideQuestion({ actor, input }));
    else throw new DomainError("INVALID_INPUT");
    return decision;
  },
  // The queue is the chair's alone (no public page shows it): nothing to revalidate.
  success: (t, decision) => t(`hearingLive.console.done.${decision}`),
  busy: notMade,
  // The whole move on the connections viewers cannot take (docs/decisions/019-database-capacity.md).
  reserved: true,
});
