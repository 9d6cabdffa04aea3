"use server";

import { formAction, type FormFields } from "@/lib/actions/form-action";
import { TAGS } from "@/lib/cache-tags";
import { conferenceIdOf } from "@/lib/conferences/form-field";
import { DomainError } from "@/lib/errors/domain-error";
import { closeRecord } from "@/lib/hearings/close-record";
import { commitSeed } from "@/lib/hearings/commit-seed";
import { drawRunningOrder } from "@/lib/hearings/draw-running-order";
import { enterRoomQuestion } from "@/lib/hearings/questions";
import { refreshPresenters } from "@/lib/hearings/refresh-presenters";
import { reopenSetUp } from "@/lib/hearings/reopen-set-up";
import { revealSeed } from "@/lib/hearings/reveal-seed";
import { setRecording } from "@/lib/hearings/set-recording";
import { setUpHearing } from "@/lib/hearings/set-up-hearing";

export const saveHearing = formAction({
  run: (actor, input) => setUpHearing({ actor, conferenceId: conferenceIdOf(input), input }),
  tags: () => [TAGS.hearings],
  success: (t) => t("adminHearing.saved"),
});

export const syncPresenters = formAction({
  run: (actor, input) => refreshPresenters({ actor, conferenceId: conferenceIdOf(input), input }),
  tags: () => [TAGS.hearings],
  success: (t, result) => (result.changed ? t("adminHearing.presentersChanged", { count: result.presenters }) : t("adminHearing.presentersUnchanged")),
});

export const commitHearingSeed = formAction({
  run: (actor, input) => commitSeed({ actor, conferenceId: conferenceIdOf(input), input }),
  tags: () => [TAGS.hearings],
  success: (t) => t("adminHearing.seedCommitted"),
});

export const drawOrder = formAction({
  run: (actor, input) => drawRunningOrder({ actor, conferenceId: conferenceIdOf(input), input }),
  tags: () => [TAGS.hearings],
  success: (t) => t("adminHearing.orderDrawn"),
});

/**
 * The forms that cannot be undone ask for an explicit tick first; the service decides
 * everything else (docs/decisions/014-hearing-record-integrity.md).
 */
function assertConfirmed(fields: FormFields, messageKey: string) {
  if (fields.confirm !== "on") throw new DomainError("INVALID_INPUT", { fieldErrors: { confirm: messageKey } });
}

/** Voids the published commitment (its seed is revealed with the reason) and re-opens the set-up. */
export const reopenHearing = formAction({
  run: (actor, input) => {
    assertConfirmed(input, "adminHearing.reopenConfirmNeeded");
    return reopenSetUp({ actor, conferenceId: conferenceIdOf(input), input });
  },
  tags: () => [TAGS.hearings],
  success: (t) => t("adminHearing.reopened"),
});

export const closeHearingRecord = formAction({
  run: (actor, input) => {
    assertConfirmed(input, "adminHearing.closeConfirmNeeded");
    return closeRecord({ actor, conferenceId: conferenceIdOf(input), input });
  },
  tags: () => [TAGS.hearings],
  success: (t) => t("adminHearing.recordClosedDone"),
});

export const revealHearingSeed = formAction({
  run: (actor, input) => revealSeed({ actor, conferenceId: conferenceIdOf(input), input }),
  tags: () => [TAGS.hearings],
  success: (t) => t("hearingPublic.admin.revealDone"),
});

export const saveRecording = formAction({
  run: (actor, input) => setRecording({ actor, conferenceId: conferenceIdOf(input), input }),
  tags: () => [TAGS.hearings],
  success: (t, result) => t("hearingPublic.admin.recordingSaved", { count: result.chapters }),
});

/** ¶6: a question handed in on a card in the room, for the chair's queue (not public until drawn). */
export const enterCardQuestion = formAction({
  run: (actor, input) => enterRoomQuestion({ actor, conferenceId: conferenceIdOf(input), input }),
  success: (t) => t("hearingLive.card.saved"),
});
