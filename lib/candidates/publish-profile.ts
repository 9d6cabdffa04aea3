import "server-only";
import { emitAudit } from "@/lib/audit/emit";
import { assertCan } from "@/lib/auth/assert";
import type { Actor } from "@/lib/auth/permissions";
import { DECLARATION_REQUIRED, missingDeclaration } from "@/lib/campaign/declarations";
import { campaignPublishRefusal } from "@/lib/campaign/rules";
import { assertCandidatureOpen } from "@/lib/conferences/lock";
import { db } from "@/lib/db";
import { DomainError } from "@/lib/errors/domain-error";
import { parseInput } from "@/lib/validation/parse";
import { publishProfileSchema } from "./profile-schema";
import { profileTakedowns, versionDigest, wasTakenDown } from "./profile-takedowns";

/**
 * The candidate publishes or withdraws one language version of their profile. Publishing
 * needs a formal candidature (001, footnote 2; not a withdrawn one), the two declarations of
 * 001 A, kept in the audit row, and a text other than one the secretariat took down
 * (docs/domain.md#takedown); taking a version off is always possible, until the conference
 * is closed (read-only, docs/decisions/012).
 */
export async function publishProfile({ actor, input }: { actor: Actor | null; input: unknown }) {
  const candidateId = actor?.candidateId ?? null;
  assertCan(actor, "edit:profile:own", { candidateId });
  if (!candidateId) throw new DomainError("FORBIDDEN");
  const { version: locale, publish, declaredNoSymbols, declaredNoResources } = parseInput(publishProfileSchema, input);
  return db().$transaction(async (tx) => {
    await assertCandidatureOpen(tx, candidateId);
    const candidate = await tx.candidate.findUnique({ where: { id: candidateId }, select: { status: true } });
    const before = await tx.candidateProfile.findUnique({
      where: { candidateId_locale: { candidateId, locale } },
      select: { id: true, locale: true, vision: true, biography: true, publishedAt: true },
    });
    if (!candidate || !before) throw new DomainError("NOT_FOUND", { messageKey: "workspace.noVersion" });
    if (publish) {
      const refused = campaignPublishRefusal(candidate.status);
      if (refused) throw new DomainError("CONFLICT", { messageKey: refused });
      if (!before.vision.trim()) throw new DomainError("CONFLICT", { messageKey: "workspace.visionEmpty" });
      if (wasTakenDown(await profileTakedowns(tx, candidateId), "version", versionDigest(before), before.id)) {
        throw new DomainError("CONFLICT", { messageKey: "workspace.versionTakenDown" });
      }
      const missing = missingDeclaration({ declaredNoSymbols, declaredNoResources });
      if (missing) throw new DomainError("INVALID_INPUT", { messageKey: DECLARATION_REQUIRED, fieldErrors: { [missing]: DECLARATION_REQUIRED } });
    }
    const after = await tx.candidateProfile.update({
      where: { id: before.id },
      data: { publishedAt: publish ? (before.publishedAt ?? new Date()) : null },
      select: { id: true, locale: true, publishedAt: true },
    });
    await emitAudit(tx, {
      actor,
      area: "candidate",
      action: publish ? "profile-published" : "profile-unpublished",
      entity: "CandidateProfile",
      entityId: after.id,
      before: { locale: before.locale, publishedAt: before.publishedAt },
      after: publish ? { ...after, declaredNoSymbols, declaredNoResources } : after,
    });
    return { candidateId, ...after };
  });
}
