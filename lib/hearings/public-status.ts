import type { HearingStage } from "./stage";

// What the public is told about a hearing (docs/hearing-page.md): its status at the top of its
// page, and what the webcast box shows. Pure, shared by the server page and the browser's
// webcast part, so that both say the same thing.

export type PublicHearingStatus = "scheduled" | "live" | "ended" | "recording";

/** The status a visitor reads: the stage decides; after the hearing, whether its recording is out. */
export function publicHearingStatus(stage: HearingStage, hasRecording: boolean): PublicHearingStatus {
  switch (stage) {
    case "SET_UP":
    case "COMMITTED":
      return "scheduled";
    case "RUNNING":
      return "live";
    case "ENDED":
    case "REVEALED":
    case "CLOSED":
      return hasRecording ? "recording" : "ended";
  }
}

/**
 * What the webcast box shows. The player appears only when there is something to play: the
 * stream while the hearing runs, the recording after it. Before the start, a configured stream
 * is announced, not played (a player pointed at a stream that has not begun only shows an error).
 */
export type WebcastBox = "player" | "startsLater" | "recordingLater" | "none";

export function webcastBox(status: PublicHearingStatus, hasStream: boolean): WebcastBox {
  switch (status) {
    case "scheduled":
      return hasStream ? "startsLater" : "none";
    case "live":
      return hasStream ? "player" : "none";
    case "ended":
      return "recordingLater";
    case "recording":
      return "player";
  }
}
