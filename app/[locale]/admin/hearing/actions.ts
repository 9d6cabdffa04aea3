"use server";

import { formAction } from "@/lib/actions/form-action";
import { TAGS } from "@/lib/cache-tags";
import { commitSeed } from "@/lib/hearings/commit-seed";
import { drawRunningOrder } from "@/lib/hearings/draw-running-order";
import { refreshPresenters } from "@/lib/hearings/refresh-presenters";
import { setUpHearing } from "@/lib/hearings/set-up-hearing";

export const saveHearing = formAction({
  run: (actor, input) => setUpHearing({ actor, input }),
  tags: () => [TAGS.hearings],
  success: (t) => t("adminHearing.saved"),
});

export const syncPresenters = formAction({
  run: (actor, input) => refreshPresenters({ actor, input }),
  tags: () => [TAGS.hearings],
  success: (t, result) => (result.changed ? t("adminHearing.presentersChanged", { count: result.presenters }) : t("adminHearing.presentersUnchanged")),
});

export const commitHearingSeed = formAction({
  run: (actor, input) => commitSeed({ actor, input }),
  tags: () => [TAGS.hearings],
  success: (t) => t("adminHearing.seedCommitted"),
});

export const drawOrder = formAction({
  run: (actor, input) => drawRunningOrder({ actor, input }),
  tags: () => [TAGS.hearings],
  success: (t) => t("adminHearing.orderDrawn"),
});
