import "server-only";
import { profileAuditView } from "@/lib/audit/confidential";
import { emitAudit } from "@/lib/audit/emit";
import { assertCan } from "@/lib/auth/assert";
import type { Actor } from "@/lib/auth/permissions";
import { assertCandidatureOpen } from "@/lib/conferences/lock";
import { db } from "@/lib/db";
import { DECLARATION_REQUIRED, missingDeclaration } from "@/lib/campaign/declarations";
import { campaignPublishRefusal } from "@/lib/campaign/rules";
import type { CandidatureStatus } from "@/lib/db/generated/enums";
import type { Tx } from "@/lib/db";
import { DomainError } from "@/lib/errors/domain-error";
import { storage } from "@/lib/storage";
import { deleteWithDerivatives } from "@/lib/uploads/photo-derivative";
import { storeUpload } from "@/lib/uploads/store-upload";
import { parseInput } from "@/lib/validation/parse";
import { profileFileSchema, setProfileFileSchema } from "./profile-file-schema";
import { fileDigest, profileTakedowns, wasTakenDown } from "./profile-takedowns";

const FIELD = { photo: "photoKey", cv: "cvKey" } as const;

/** The previous file goes only once the change is committed, so a failed change never loses it. */
async function discard(key: string | null) {
  if (key) await deleteWithDerivatives(key);
}

/**
 * A candidature not yet formal prepares its files in private; a formal one publishes them
 * (once a version of the profile is); a withdrawn or ended one publishes nothing new
 * (docs/domain.md#public-record).
 */
async function assertMaySetFile(tx: Tx, candidateId: string): Promise<void> {
  await assertCandidatureOpen(tx, candidateId);
  const candidate = await tx.candidate.findUnique({ where: { id: candidateId }, select: { status: true } });
  if (!candidate) throw new DomainError("NOT_FOUND");
  const status: CandidatureStatus = candidate.status;
  const refused = status === "ANNOUNCED" ? null : campaignPublishRefusal(status);
  if (refused) throw new DomainError("CONFLICT", { messageKey: refused });
}

/**
 * A candidate sets their own photo or CV. The candidature is always the actor's own, never
 * one named by the form; the audit row records that a file is set, not its key, name or bytes
 * (docs/domain.md#confidentiality).
 * A closed conference's candidatures are read-only (docs/decisions/012): checked before the
 * file is stored, so nothing is stored for a refused request, and again in the change. Each
 * file comes with the two declarations of 001 A, kept in the audit row, and may not be the
 * very file the secretariat took down (docs/domain.md#takedown).
 */
export async function setProfileFile({ actor, input, file }: { actor: Actor | null; input: unknown; file: File }) {
  const candidateId = actor?.candidateId ?? null;
  assertCan(actor, "edit:profile:own", { candidateId });
  if (!candidateId) throw new DomainError("FORBIDDEN");
  const { kind, declaredNoSymbols, declaredNoResources } = parseInput(setProfileFileSchema, input);
  await db().$transaction((tx) => assertMaySetFile(tx, candidateId));
  const missing = missingDeclaration({ declaredNoSymbols, declaredNoResources });
  if (missing) throw new DomainError("INVALID_INPUT", { messageKey: DECLARATION_REQUIRED, fieldErrors: { [missing]: DECLARATION_REQUIRED } });
  const stored = await storeUpload({ actor, kind, file });
  const field = FIELD[kind];
  let previous: string | null;
  try {
    const bytes = await storage().get(stored.key);
    if (!bytes) throw new DomainError("NOT_FOUND");
    const digest = fileDigest(bytes.bytes);
    previous = await db().$transaction(async (tx) => {
      await assertMaySetFile(tx, candidateId);
      if (wasTakenDown(await profileTakedowns(tx, candidateId), kind, digest)) throw new DomainError("CONFLICT", { messageKey: "workspace.fileTakenDown" });
      const before = await tx.candidate.findUnique({ where: { id: candidateId }, select: { photoKey: true, cvKey: true } });
      if (!before) throw new DomainError("NOT_FOUND");
      await tx.candidate.update({ where: { id: candidateId }, data: { [field]: stored.key } });
      await emitAudit(tx, {
        actor,
        area: "candidate",
        action: `${kind}-set`,
        entity: "Candidate",
        entityId: candidateId,
        before: profileAuditView({ [field]: before[field] }),
        after: profileAuditView({ [field]: stored.key, declaredNoSymbols, declaredNoResources }),
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
      before: profileAuditView({ [field]: before[field] }),
      after: profileAuditView({ [field]: null }),
    });
    return before[field];
  });
  await discard(previous);
  return { candidateId, kind, removed: previous !== null };
}
