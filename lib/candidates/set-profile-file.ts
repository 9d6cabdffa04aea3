import "server-only";
import { emitAudit } from "@/lib/audit/emit";
import { assertCan } from "@/lib/auth/assert";
import type { Actor } from "@/lib/auth/permissions";
import { assertCandidatureOpen } from "@/lib/conferences/lock";
import { db } from "@/lib/db";
import { DomainError } from "@/lib/errors/domain-error";
import { storage } from "@/lib/storage";
import { storeUpload } from "@/lib/uploads/store-upload";
import { parseInput } from "@/lib/validation/parse";
import { profileFileSchema } from "./profile-file-schema";

const FIELD = { photo: "photoKey", cv: "cvKey" } as const;

/** The previous file goes only once the change is committed, so a failed change never loses it. */
async function discard(key: string | null) {
  if (key)
    await storage()
      .delete(key)
      .catch(() => undefined);
}

/**
 * A candidate sets their own photo or CV. The candidature is always the actor's own, never
 * one named by the form; the audit row records the key and the cleaned name, not the bytes.
 * A closed conference's candidatures are read-only (docs/decisions/012): checked before the
 * file is stored, so nothing is stored for a refused request, and again in the change.
 */
export async function setProfileFile({ actor, input, file }: { actor: Actor | null; input: unknown; file: File }) {
  const candidateId = actor?.candidateId ?? null;
  assertCan(actor, "edit:profile:own", { candidateId });
  if (!candidateId) throw new DomainError("FORBIDDEN");
  const { kind } = parseInput(profileFileSchema, input);
  await db().$transaction((tx) => assertCandidatureOpen(tx, candidateId));
  const stored = await storeUpload({ actor, kind, file });
  const field = FIELD[kind];
  let previous: string | null;
  try {
    previous = await db().$transaction(async (tx) => {
      await assertCandidatureOpen(tx, candidateId);
      const before = await tx.candidate.findUnique({ where: { id: candidateId }, select: { photoKey: true, cvKey: true } });
      if (!before) throw new DomainError("NOT_FOUND");
      await tx.candidate.update({ where: { id: candidateId }, data: { [field]: stored.key } });
      await emitAudit(tx, {
        actor,
        area: "candidate",
        action: `${kind}-set`,
        entity: "Candidate",
        entityId: candidateId,
        before: { [field]: before[field] },
        after: { [field]: stored.key, fileName: stored.safeName, mime: stored.mime, size: stored.size },
      });
      return before[field];
    });
  } catch (error) {
    await discard(stored.key);
    throw error;
  }
  await discard(previous);
  return { candidateId, kind, key: stored.key, fileName: stored.safeName };
}

/** A candidate removes their own photo or CV; the public page falls back to the initials. Not in a closed conference. */
export async function removeProfileFile({ actor, input }: { actor: Actor | null; input: unknown }) {
  const candidateId = actor?.candidateId ?? null;
  assertCan(actor, "edit:profile:own", { candidateId });
  if (!candidateId) throw new DomainError("FORBIDDEN");
  const { kind } = parseInput(profileFileSchema, input);
  const field = FIELD[kind];
  const previous = await db().$transaction(async (tx) => {
    await assertCandidatureOpen(tx, candidateId);
    const before = await tx.candidate.findUnique({ where: { id: candidateId }, select: { photoKey: true, cvKey: true } });
    if (!before) throw new DomainError("NOT_FOUND");
    if (!before[field]) return null;
    await tx.candidate.update({ where: { id: candidateId }, data: { [field]: null } });
    await emitAudit(tx, {
      actor,
      area: "candidate",
      action: `${kind}-removed`,
      entity: "Candidate",
      entityId: candidateId,
      before: { [field]: before[field] },
      after: { [field]: null },
    });
    return before[field];
  });
  await discard(previous);
  return { candidateId, kind, removed: previous !== null };
}
