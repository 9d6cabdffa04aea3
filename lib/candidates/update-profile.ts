import "server-only";
import { profileAuditView } from "@/lib/audit/confidential";
import { emitAudit } from "@/lib/audit/emit";
import { assertCan } from "@/lib/auth/assert";
import type { Actor } from "@/lib/auth/permissions";
import { assertCandidatureOpen } from "@/lib/conferences/lock";
import { db } from "@/lib/db";
import { DECLARATION_REQUIRED, missingDeclaration } from "@/lib/campaign/declarations";
import { campaignPublishRefusal } from "@/lib/campaign/rules";
import { DomainError } from "@/lib/errors/domain-error";
import { parseInput } from "@/lib/validation/parse";
import { isCorporateAddress } from "./contact-domain";
import { updateProfileSchema } from "./profile-schema";

const CONTACT_FIELDS = { languages: true, website: true, contactEmail: true } as const;
const VERSION_FIELDS = { locale: true, biography: true, vision: true, visionFormat: true, publishedAt: true } as const;

/**
 * A candidate edits their own profile: one language version (biography, vision) and the
 * details shared by all versions. The candidature is always the actor's own, never one
 * named by the form. A closed conference's profiles are read-only (docs/decisions/012).
 * Changing the text of a published version publishes the new text at once: it takes what
 * publishing takes — a candidature that may still publish, and the two declarations of 001 A
 * (docs/domain.md#campaign-material).
 */
export async function updateProfile({ actor, input }: { actor: Actor | null; input: unknown }) {
  const candidateId = actor?.candidateId ?? null;
  assertCan(actor, "edit:profile:own", { candidateId });
  if (!candidateId) throw new DomainError("FORBIDDEN");
  const data = parseInput(updateProfileSchema, input);
  return db().$transaction(async (tx) => {
    await assertCandidatureOpen(tx, candidateId);
    const candidate = await tx.candidate.findUnique({
      where: { id: candidateId },
      select: { id: true, status: true, ...CONTACT_FIELDS, conference: { select: { corporateDomains: true } } },
    });
    if (!candidate) throw new DomainError("NOT_FOUND");
    if (data.contactEmail && isCorporateAddress(data.contactEmail, candidate.conference.corporateDomains)) {
      throw new DomainError("INVALID_INPUT", {
        messageKey: "workspace.corporateDomain",
        fieldErrors: { contactEmail: "workspace.corporateDomain" },
      });
    }
    const beforeVersion = await tx.candidateProfile.findUnique({
      where: { candidateId_locale: { candidateId, locale: data.version } },
      select: VERSION_FIELDS,
    });
    const textChanged =
      beforeVersion !== null &&
      (beforeVersion.vision !== data.vision || beforeVersion.biography !== data.biography || beforeVersion.visionFormat !== data.visionFormat);
    // The new text of a published version is public at once: its declarations are kept in the audit row.
    const republished = Boolean(beforeVersion?.publishedAt) && textChanged;
    if (republished) {
      const refused = campaignPublishRefusal(candidate.status);
      if (refused) throw new DomainError("CONFLICT", { messageKey: refused });
      const missing = missingDeclaration(data);
      if (missing) throw new DomainError("INVALID_INPUT", { messageKey: DECLARATION_REQUIRED, fieldErrors: { [missing]: DECLARATION_REQUIRED } });
    }
    const contact = await tx.candidate.update({
      where: { id: candidateId },
      data: { languages: data.languages, website: data.website, contactEmail: data.contactEmail },
      select: CONTACT_FIELDS,
    });
    const version = await tx.candidateProfile.upsert({
      where: { candidateId_locale: { candidateId, locale: data.version } },
      create: { candidateId, locale: data.version, biography: data.biography, vision: data.vision, visionFormat: data.visionFormat },
      update: { biography: data.biography, vision: data.vision, visionFormat: data.visionFormat },
      select: VERSION_FIELDS,
    });
    const { conference: _conference, id: _id, status: _status, ...beforeContact } = candidate;
    await emitAudit(tx, {
      actor,
      area: "candidate",
      action: "profile-updated",
      entity: "Candidate",
      entityId: candidateId,
      // Which version, and whether published: the words and contact details stay the candidate's (docs/domain.md#confidentiality).
      before: profileAuditView({ ...beforeContact, version: beforeVersion }),
      after: profileAuditView({
        ...contact,
        version,
        ...(republished ? { declaredNoSymbols: data.declaredNoSymbols, declaredNoResources: data.declaredNoResources } : {}),
      }),
    });
    return { candidateId, ...version };
  });
}
