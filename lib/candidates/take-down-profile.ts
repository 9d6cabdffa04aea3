import "server-only";
import { emitAudit } from "@/lib/audit/emit";
import { assertCan } from "@/lib/auth/assert";
import type { Actor } from "@/lib/auth/permissions";
import { assertCandidatureOpen } from "@/lib/conferences/lock";
import { db } from "@/lib/db";
import { DomainError } from "@/lib/errors/domain-error";
import { storage } from "@/lib/storage";
import { deleteWithDerivatives } from "@/lib/uploads/photo-derivative";
import { isPublicFile } from "@/lib/uploads/file-access";
import { assertConfirmed } from "@/lib/validation/confirmation";
import { parseInput } from "@/lib/validation/parse";
import { PROFILE_TAKEDOWN, fileDigest, versionDigest } from "./profile-takedowns";
import { takeDownProfileFileSchema, takeDownVersionSchema } from "./takedown-schema";

// The secretariat takes down a profile's published parts as it takes down material
// (docs/domain.md#takedown): with a reason, logged and shown to the candidate. A version
// leaves the public page (it becomes a draft, its text kept for the candidate); a photo or CV
// is no longer served and its file is deleted. The audit row is the takedown's record
// (lib/candidates/profile-takedowns.ts): the same text or file cannot simply come back.
// A closed conference stays as it was when it closed.

const FIELD = { photo: "photoKey", cv: "cvKey" } as const;

/** Takes one published language version of a candidate's profile off the public page. */
export async function takeDownProfileVersion({ actor, input }: { actor: Actor | null; input: unknown }) {
  assertCan(actor, "takedown:material:any");
  const { candidateId, version: locale, reason } = parseInput(takeDownVersionSchema, input);
  assertConfirmed(input);
  return db().$transaction(async (tx) => {
    await assertCandidatureOpen(tx, candidateId);
    await tx.$executeRaw`SELECT 1 FROM "CandidateProfile" WHERE "candidateId" = ${candidateId} AND locale = ${locale} FOR UPDATE`;
    const before = await tx.candidateProfile.findUnique({
      where: { candidateId_locale: { candidateId, locale } },
      select: { id: true, locale: true, vision: true, biography: true, publishedAt: true },
    });
    if (!before) throw new DomainError("NOT_FOUND");
    if (!before.publishedAt) throw new DomainError("CONFLICT", { messageKey: "adminMaterials.profileNotPublished" });
    const after = await tx.candidateProfile.update({
      where: { id: before.id },
      data: { publishedAt: null },
      select: { id: true, locale: true, publishedAt: true },
    });
    await emitAudit(tx, {
      actor,
      area: "candidate",
      action: PROFILE_TAKEDOWN.version,
      entity: "CandidateProfile",
      entityId: before.id,
      before: { locale: before.locale, publishedAt: before.publishedAt },
      after: { ...after, reason, digest: versionDigest(before) },
    });
    return { candidateId, ...after };
  });
}

/** Takes a candidate's public photo or CV down: no longer served, the file deleted once the change is committed. */
export async function takeDownProfileFile({ actor, input }: { actor: Actor | null; input: unknown }) {
  assertCan(actor, "takedown:material:any");
  const { candidateId, kind, reason } = parseInput(takeDownProfileFileSchema, input);
  assertConfirmed(input);
  const field = FIELD[kind];
  const key = await db().$transaction(async (tx) => {
    await assertCandidatureOpen(tx, candidateId);
    await tx.$executeRaw`SELECT 1 FROM "Candidate" WHERE id = ${candidateId} FOR UPDATE`;
    const before = await tx.candidate.findUnique({
      where: { id: candidateId },
      select: { status: true, photoKey: true, cvKey: true, profiles: { where: { publishedAt: { not: null } }, select: { id: true }, take: 1 } },
    });
    if (!before) throw new DomainError("NOT_FOUND");
    const current = before[field];
    const isPublic =
      current !== null && isPublicFile({ kind, candidateId, status: before.status, profilePublished: before.profiles.length > 0, fileName: null });
    if (!current || !isPublic) throw new DomainError("CONFLICT", { messageKey: "adminMaterials.profileNotPublished" });
    const stored = await storage().get(current);
    await tx.candidate.update({ where: { id: candidateId }, data: { [field]: null } });
    await emitAudit(tx, {
      actor,
      area: "candidate",
      action: PROFILE_TAKEDOWN[kind],
      entity: "Candidate",
      entityId: candidateId,
      before: { [field]: current },
      after: { [field]: null, reason, digest: stored ? fileDigest(stored.bytes) : "" },
    });
    return current;
  });
  await deleteWithDerivatives(key);
  return { candidateId, kind };
}
