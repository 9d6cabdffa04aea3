// Who may nominate whom for what: checked when a candidate is registered and when the
// candidature's post or nominating state is corrected.

export type NominationCheck = {
  post: { kind: "ELECTED_OFFICIAL" | "RRB_SEAT" | "COUNCIL_SEAT"; region: string | null; retiredAt: Date | null };
  state: { region: string; admittedOn: Date | null };
  /** The conference's last day: a state admitted after it was not a Member State at that conference. */
  conferenceClosesOn: Date;
  /** False when the post is the one the candidature already had (a retired post keeps its candidates). */
  postChanged: boolean;
};

export type NominationRefusal = { field: "postId" | "memberStateId"; messageKey: string };

export function nominationRefusal({ post, state, conferenceClosesOn, postChanged }: NominationCheck): NominationRefusal | null {
  // A retired post takes no new candidates.
  if (postChanged && post.retiredAt) return { field: "postId", messageKey: "adminCandidates.postRetired" };
  // Only Member States may nominate (e.g. Palau, admitted in 2024, could not at PP-18).
  if (state.admittedOn && state.admittedOn.getTime() > conferenceClosesOn.getTime()) {
    return { field: "memberStateId", messageKey: "adminCandidates.stateNotMember" };
  }
  // RRB and Council seats are elected by region: the candidate comes from that region.
  if (post.region && post.region !== state.region) return { field: "memberStateId", messageKey: "adminCandidates.stateOutsideRegion" };
  return null;
}
