"use server";

import { formAction } from "@/lib/actions/form-action";
import { TAGS } from "@/lib/cache-tags";
import { closeConference } from "@/lib/conferences/close-conference";
import { createConference } from "@/lib/conferences/create-conference";
import { deleteConference } from "@/lib/conferences/delete-conference";
import { setCurrentConference } from "@/lib/conferences/set-current-conference";

// The console's lifecycle of a conference (docs/decisions/012). Each form posts the
// conference id it was rendered for; the services authorise, lock and audit.

export const createConferenceAction = formAction({
  run: (actor, input) => createConference({ actor, input }),
  tags: () => [TAGS.conferences, TAGS.posts],
  success: (t) => t("adminConferences.created"),
  redirectTo: (c) => `/admin/conferences/${c.slug}`,
});

export const setCurrentConferenceAction = formAction({
  run: (actor, input) => setCurrentConference({ actor, input }),
  // The unprefixed public pages (home, /posts, /hearing) now show another conference.
  tags: () => [TAGS.conferences, TAGS.conference, TAGS.posts, TAGS.candidates, TAGS.hearings],
  success: (t, c) => t("adminConferences.madeCurrent", { name: c.name }),
  // Its form is gone once it is current: the console's home says what happened instead.
  redirectTo: () => "/admin?done=current",
});

export const closeConferenceAction = formAction({
  run: (actor, input) => closeConference({ actor, input }),
  tags: () => [TAGS.conferences, TAGS.conference],
  success: (t, c) => t("adminConferences.closedDone", { name: c.name }),
  redirectTo: () => "/admin?done=closed",
});

export const deleteConferenceAction = formAction({
  run: (actor, input) => deleteConference({ actor, input }),
  tags: () => [TAGS.conferences, TAGS.posts],
  success: (t, c) => t("adminConferences.deletedDone", { name: c.name }),
  redirectTo: () => "/admin?done=deleted",
});
