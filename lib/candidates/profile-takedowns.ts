import "server-only";
import { createHash } from "node:crypto";
import type { Tx } from "@/lib/db";

// The secretariat's takedowns of a profile's published parts (docs/domain.md#takedown): a
// version (its vision statement and biography), the photo or the CV. Each takedown is its
// audit row, which the log keeps for good: the reason the candidate is shown, and a digest
// of what was taken down, so that the same text or file cannot simply be published again.
// A revised text or another file can, with the declarations, like new material.

export const PROFILE_TAKEDOWN = { version: "profile-taken-down", photo: "photo-taken-down", cv: "cv-taken-down" } as const;
export type ProfilePart = keyof typeof PROFILE_TAKEDOWN;

/** What a takedown row records after the change. */
export type TakedownRecord = { reason: string; digest: string; locale?: string };

/** The digest of a version's public text: the vision statement and the biography together. */
export function versionDigest(version: { vision: string; biography: string }): string {
  return createHash("sha256")
    .update(JSON.stringify([version.vision, version.biography]))
    .digest("hex");
}

/** The digest of a stored file's bytes. */
export function fileDigest(bytes: Uint8Array): string {
  return createHash("sha256").update(bytes).digest("hex");
}

export type Takedown = TakedownRecord & { at: Date; part: ProfilePart; entityId: string };

function toRecord(after: unknown): TakedownRecord | null {
  if (!after || typeof after !== "object") return null;
  const { reason, digest, locale } = after as Record<string, unknown>;
  if (typeof reason !== "string" || typeof digest !== "string") return null;
  return { reason, digest, ...(typeof locale === "string" ? { locale } : {}) };
}

/**
 * Every takedown of a candidate's profile parts, newest first: the versions' rows name the
 * version (CandidateProfile), the files' rows the candidature.
 */
export async function profileTakedowns(tx: Pick<Tx, "candidateProfile" | "auditEvent">, candidateId: string): Promise<Takedown[]> {
  const versions = await tx.candidateProfile.findMany({ where: { candidateId }, select: { id: true } });
  const rows = await tx.auditEvent.findMany({
    where: {
      area: "candidate",
      OR: [
        { entity: "CandidateProfile", entityId: { in: versions.map((v) => v.id) }, action: PROFILE_TAKEDOWN.version },
        { entity: "Candidate", entityId: candidateId, action: { in: [PROFILE_TAKEDOWN.photo, PROFILE_TAKEDOWN.cv] } },
      ],
    },
    select: { at: true, action: true, entityId: true, after: true },
    orderBy: { id: "desc" },
  });
  const part = (action: string): ProfilePart => (action === PROFILE_TAKEDOWN.photo ? "photo" : action === PROFILE_TAKEDOWN.cv ? "cv" : "version");
  return rows.flatMap((r) => {
    const record = toRecord(r.after);
    return record ? [{ ...record, at: r.at, part: part(r.action), entityId: r.entityId }] : [];
  });
}

/** Whether this very text or file was taken down before: then it stays down. */
export function wasTakenDown(takedowns: Takedown[], part: ProfilePart, digest: string, entityId?: string): boolean {
  return takedowns.some((t) => t.part === part && t.digest === digest && (entityId === undefined || t.entityId === entityId));
}
