"use server";

import { formAction } from "@/lib/actions/form-action";
import { TAGS } from "@/lib/cache-tags";
import { conferenceIdOf } from "@/lib/conferences/form-field";
import { commitSeed } from "@/lib/hearings/commit-seed";
import { drawRunningOrder } from "@/lib/hearings/draw-running-order";
import { purgeRehearsal } from "@/lib/hearings/rehearsal-purge";
import { startRehearsal } from "@/lib/hearings/rehearsal-start";
import { revealSeed } from "@/lib/hearings/reveal-seed";

// The rehearsal's forms (docs/decisions/018-rehearsal-hearings.md): the same services as the
// real hearing's, told which hearing; the services authorise and decide everything.

/**
 * Starting and purging share one form at one place on the page, so that its outcome stays on
 * screen (and takes the focus) when the page comes back with the section changed under it.
 */
export const changeRehearsal = formAction({
  run: async (actor, input) => {
    if (input.op === "purge") {
      await purgeRehearsal({ actor, conferenceId: conferenceIdOf(input), input });
      return "purged" as const;
    }
    await startRehearsal({ actor, conferenceId: conferenceIdOf(input), input });
    return "started" as const;
  },
  tags: () => [TAGS.hearings],
  success: (t, done) => t(done === "purged" ? "rehearsal.purged" : "rehearsal.started"),
});

export const commitRehearsalSeed = formAction({
  run: (actor, input) => commitSeed({ actor, conferenceId: conferenceIdOf(input), input, rehearsal: true }),
  tags: () => [TAGS.hearings],
  success: (t) => t("rehearsal.committed"),
});

export const drawRehearsalOrder = formAction({
  run: (actor, input) => drawRunningOrder({ actor, conferenceId: conferenceIdOf(input), input, rehearsal: true }),
  tags: () => [TAGS.hearings],
  success: (t) => t("rehearsal.orderDrawn"),
});

export const revealRehearsalSeed = formAction({
  run: (actor, input) => revealSeed({ actor, conferenceId: conferenceIdOf(input), input }),
  tags: () => [TAGS.hearings],
  success: (t) => t("rehearsal.revealed"),
});
