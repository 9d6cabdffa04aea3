import type { ChairHearing } from "@/lib/hearings/chair-console";

/** What a console form says about the view it was made on (docs/decisions/021-chair-moves-name-their-version.md). */
export type ShownState = {
  hearingId: string;
  version: number;
  status: ChairHearing["status"];
  phase: ChairHearing["phase"];
  paused: boolean;
  candidate: string | null;
};

export function shownState(hearing: ChairHearing): ShownState {
  return {
    hearingId: hearing.id,
    version: hearing.version,
    status: hearing.status,
    phase: hearing.phase,
    paused: hearing.paused,
    candidate: hearing.current?.name ?? null,
  };
}

/**
 * The hidden fields of every move: the hearing, the state version the move is made against
 * (the service refuses any other) and where the console showed the hearing, which the chair
 * is told back if the database does not answer.
 */
export function ShownFields({ shown }: { shown: ShownState }) {
  return (
    <>
      <input type="hidden" name="hearingId" value={shown.hearingId} />
      <input type="hidden" name="expectedVersion" value={String(shown.version)} />
      <input type="hidden" name="shownStatus" value={shown.status} />
      <input type="hidden" name="shownPhase" value={shown.phase} />
      <input type="hidden" name="shownPaused" value={shown.paused ? "yes" : "no"} />
      <input type="hidden" name="shownCandidate" value={shown.candidate ?? ""} />
    </>
  );
}
