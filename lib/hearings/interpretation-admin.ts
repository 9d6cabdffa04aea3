import "server-only";
import { assertCan } from "@/lib/auth/assert";
import type { Actor } from "@/lib/auth/permissions";
import { db } from "@/lib/db";

/** The hearing console's interpretation section: the declared languages, and whether they may still change. */
export async function getInterpretationForAdmin(actor: Actor | null, where: { conferenceId: string; hearingId: string }) {
  assertCan(actor, "manage:hearing:any");
  const hearing = await db().hearing.findUnique({
    where: { id: where.hearingId },
    select: { conferenceId: true, interpretationLanguages: true, closedAt: true },
  });
  if (!hearing || hearing.conferenceId !== where.conferenceId) return null;
  return { languages: hearing.interpretationLanguages, closed: hearing.closedAt !== null };
}
