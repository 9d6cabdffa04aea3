"use server";

import { formAction } from "@/lib/actions/form-action";
import { TAGS } from "@/lib/cache-tags";
import { changeCandidateStatus } from "@/lib/candidates/change-status";
import { registerCandidate } from "@/lib/candidates/register-candidate";
import { updateCandidate } from "@/lib/candidates/update-candidate";

// Public post pages count candidates (TAGS.posts, TAGS.candidates); a candidate's page reads TAGS.candidate(id).
const tagsOf = (candidate: { id: string }) => [TAGS.candidates, TAGS.posts, TAGS.candidate(candidate.id)];

export const registerCandidateAction = formAction({
  run: (actor, input) => registerCandidate({ actor, input }),
  tags: tagsOf,
  success: (t, c) => t("adminCandidates.registered", { name: c.name }),
  redirectTo: (c) => `/admin/candidates/${c.id}`,
});

export const updateCandidateAction = formAction({
  run: (actor, input) => updateCandidate({ actor, input }),
  tags: tagsOf,
  success: (t) => t("adminCandidates.saved"),
});

export const changeStatusAction = formAction({
  run: (actor, input) => changeCandidateStatus({ actor, input }),
  tags: tagsOf,
  success: (t, c) => t("adminCandidates.statusChanged", { status: t(`status.${c.status}`) }),
});
