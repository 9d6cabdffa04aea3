"use server";

import { formAction, type FormFields } from "@/lib/actions/form-action";
import { TAGS } from "@/lib/cache-tags";
import { conferenceIdOf } from "@/lib/conferences/form-field";
import { changeCandidateStatus } from "@/lib/candidates/change-status";
import { registerCandidate } from "@/lib/candidates/register-candidate";
import { updateCandidate } from "@/lib/candidates/update-candidate";

// Public post pages count candidates (TAGS.posts, TAGS.candidates); a candidate's page reads TAGS.candidate(id).
const tagsOf = (candidate: { id: string }) => [TAGS.candidates, TAGS.posts, TAGS.candidate(candidate.id)];

/** The slug of the console page the form was on, for the address of the new candidature's page. */
function slugOf(fields: FormFields): string | null {
  const value = fields.conferenceSlug;
  return typeof value === "string" && /^[a-z0-9-]{1,64}$/.test(value) ? value : null;
}

export const registerCandidateAction = formAction({
  run: async (actor, input) => ({
    candidate: await registerCandidate({ actor, conferenceId: conferenceIdOf(input), input }),
    slug: slugOf(input),
  }),
  tags: ({ candidate }) => tagsOf(candidate),
  success: (t, { candidate }) => t("adminCandidates.registered", { name: candidate.name }),
  redirectTo: ({ candidate, slug }) => (slug ? `/admin/conferences/${slug}/candidates/${candidate.id}` : "/admin"),
});

export const updateCandidateAction = formAction({
  run: (actor, input) => updateCandidate({ actor, conferenceId: conferenceIdOf(input), input }),
  tags: tagsOf,
  success: (t) => t("adminCandidates.saved"),
});

export const changeStatusAction = formAction({
  run: (actor, input) => changeCandidateStatus({ actor, conferenceId: conferenceIdOf(input), input }),
  tags: tagsOf,
  success: (t, c) => t("adminCandidates.statusChanged", { status: t(`status.${c.status}`) }),
});
