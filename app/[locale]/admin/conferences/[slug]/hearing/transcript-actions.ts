"use server";

import { formAction } from "@/lib/actions/form-action";
import { TAGS } from "@/lib/cache-tags";
import { conferenceIdOf } from "@/lib/conferences/form-field";
import { buildTranscript } from "@/lib/transcripts/build-transcript";
import { editTranscriptSegment } from "@/lib/transcripts/edit-segment";
import { markTranscriptOfficial } from "@/lib/transcripts/mark-official";
import { withdrawTranscriptOfficial } from "@/lib/transcripts/withdraw-official";

// The secretariat's transcript forms (docs/decisions/041-transcript.md): each service
// authorises, validates, checks the version and confirmation, and audits by itself. The
// public transcript is read through TAGS.hearings.

export const buildHearingTranscript = formAction({
  run: (actor, input) => buildTranscript({ actor, conferenceId: conferenceIdOf(input), input }),
  tags: () => [TAGS.hearings],
  success: (t, result) => t("adminTranscript.built", { segments: result.segments }),
});

export const editHearingTranscriptSegment = formAction({
  run: (actor, input) => editTranscriptSegment({ actor, conferenceId: conferenceIdOf(input), input }),
  tags: () => [TAGS.hearings],
  success: (t, result) => (result.changed ? t("adminTranscript.segmentSaved") : t("adminTranscript.segmentUnchanged")),
});

export const markHearingTranscriptOfficial = formAction({
  run: (actor, input) => markTranscriptOfficial({ actor, conferenceId: conferenceIdOf(input), input }),
  tags: () => [TAGS.hearings],
  success: (t) => t("adminTranscript.marked"),
});

export const withdrawHearingTranscriptOfficial = formAction({
  run: (actor, input) => withdrawTranscriptOfficial({ actor, conferenceId: conferenceIdOf(input), input }),
  tags: () => [TAGS.hearings],
  success: (t) => t("adminTranscript.withdrawnDone"),
});
