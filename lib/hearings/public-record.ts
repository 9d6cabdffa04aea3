import "server-only";
import { unstable_cache } from "next/cache";
import { TAGS } from "@/lib/cache-tags";
import { CACHED_READ_SECONDS } from "@/lib/cache/bounds";
import { db } from "@/lib/db";
import { parseQuota, type DrawQuota } from "@/lib/draw/quota";
import { hearingStage, STAGE_FIELDS, type HearingStage } from "./stage";

// The hearing's public record as its page shows it (docs/decisions/014-hearing-record-integrity.md):
// the stage, the active commitment and when it was made, how many commitments were voided
// (their seeds are on the verification page), and every draw with the public entropy typed
// at it and the queue's counts at that moment. The reader is uncached (tests); the page uses
// the wrapper, revalidated by TAGS.hearings. Instants are ISO strings (JSON cache boundary).

export type PublicRecordDraw = {
  id: string;
  kind: "RUNNING_ORDER" | "QUESTIONS";
  candidateName: string | null;
  count: number;
  eligibleCount: number;
  /** Null for a draw recorded before public entropy existed. */
  entropy: string | null;
  pendingCount: number | null;
  setAsideCount: number | null;
  /** Made under a commitment since voided: it no longer counts. */
  voided: boolean;
  drawnAt: string;
  /** hustings-draw-v3: the quota it applied and each eligible question's stratum (docs/decisions/045-quota-draws.md); null otherwise. */
  quota: DrawQuota | null;
  strata: Record<string, string> | null;
};

export type PublicRecord = {
  hearingId: string;
  stage: HearingStage;
  seedHash: string | null;
  /** Null for a commitment made before commit times were recorded. */
  seedCommittedAt: string | null;
  seedRevealedAt: string | null;
  startedAt: string | null;
  closedAt: string | null;
  voidedCommitments: number;
  draws: PublicRecordDraw[];
};

export async function readPublicRecord(hearingId: string): Promise<PublicRecord | null> {
  const hearing = await db().hearing.findUnique({
    // A rehearsal is never part of the public record (docs/decisions/018-rehearsal-hearings.md).
    where: { id: hearingId, rehearsal: false },
    select: {
      id: true,
      ...STAGE_FIELDS,
      seedCommittedAt: true,
      startedAt: true,
      _count: { select: { voidedCommitments: true } },
      draws: {
        select: {
          id: true,
          kind: true,
          count: true,
          eligibleIds: true,
          entropy: true,
          pendingCount: true,
          setAsideCount: true,
          seedHash: true,
          createdAt: true,
          quota: true,
          strata: true,
          candidate: { select: { name: true } },
        },
        orderBy: [{ createdAt: "asc" }, { id: "asc" }],
      },
    },
  });
  if (!hearing) return null;
  return {
    hearingId: hearing.id,
    stage: hearingStage(hearing),
    seedHash: hearing.seedHash,
    seedCommittedAt: hearing.seedCommittedAt?.toISOString() ?? null,
    seedRevealedAt: hearing.seedRevealedAt?.toISOString() ?? null,
    startedAt: hearing.startedAt?.toISOString() ?? null,
    closedAt: hearing.closedAt?.toISOString() ?? null,
    voidedCommitments: hearing._count.voidedCommitments,
    draws: hearing.draws.map((d) => ({
      id: d.id,
      kind: d.kind,
      candidateName: d.candidate?.name ?? null,
      count: d.count,
      eligibleCount: d.eligibleIds.length,
      entropy: d.entropy,
      pendingCount: d.pendingCount,
      setAsideCount: d.setAsideCount,
      // A draw names its commitment; one that is not the active one was voided with it.
      voided: d.seedHash !== null && d.seedHash !== hearing.seedHash,
      drawnAt: d.createdAt.toISOString(),
      quota: parseQuota(d.quota, true),
      strata: d.strata && typeof d.strata === "object" && !Array.isArray(d.strata) ? (d.strata as Record<string, string>) : null,
    })),
  };
}

export function getCachedPublicRecord(hearingId: string): Promise<PublicRecord | null> {
  return unstable_cache(() => readPublicRecord(hearingId), ["hearing-record", hearingId], { tags: [TAGS.hearings], revalidate: CACHED_READ_SECONDS })();
}
