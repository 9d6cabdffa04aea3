import "server-only";
import { assertCan } from "@/lib/auth/assert";
import type { Actor } from "@/lib/auth/permissions";
import { db } from "@/lib/db";
import { costShares } from "./shares";

/** A conference's hearing, its cost items, and each paying state's share per currency. */
export async function getCostsForAdmin(actor: Actor | null, conferenceId: string) {
  assertCan(actor, "manage:cost:any");
  const hearing = await db().hearing.findFirst({
    where: { conferenceId },
    orderBy: { createdAt: "asc" },
    select: {
      id: true,
      costItems: {
        select: { id: true, category: true, description: true, amountMinor: true, currency: true, createdAt: true },
        orderBy: { createdAt: "asc" },
      },
      slots: { select: { candidate: { select: { status: true, memberState: { select: { id: true, iso3: true, nameEn: true } } } } } },
    },
  });
  if (!hearing) return null;
  const presenters = hearing.slots.map((s) => s.candidate);
  return { hearingId: hearing.id, items: hearing.costItems, shares: costShares(hearing.costItems, presenters) };
}
