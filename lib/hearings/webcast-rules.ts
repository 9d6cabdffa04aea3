import { can, type Actor } from "@/lib/auth/permissions";
import type { WebcastAccess } from "@/lib/db/generated/enums";

// Who may follow a hearing's webcast: everyone, or members only, as the secretariat chooses
// (docs/domain.md#webcast-access). One rule for the stream, its recording and the viewers'
// questions; the restriction is on those, never on the running order or the clock.

/** May `viewer` watch the stream (and send questions) of a webcast with this access? */
export function mayFollowWebcast(access: WebcastAccess, viewer: Actor | null): boolean {
  return access === "PUBLIC" || can(viewer, "watch:members-webcast:any");
}
