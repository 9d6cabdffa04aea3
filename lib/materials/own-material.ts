import "server-only";
import { assertCan } from "@/lib/auth/assert";
import type { Actor } from "@/lib/auth/permissions";
import { assertCandidatureOpen } from "@/lib/conferences/lock";
import type { Tx } from "@/lib/db";
import type { MaterialKind, MaterialState } from "@/lib/db/generated/enums";
import { DomainError } from "@/lib/errors/domain-error";
import { editRefusal } from "./publish-rules";

export const MATERIAL_FIELDS = {
  id: true,
  candidateId: true,
  kind: true,
  title: true,
  language: true,
  body: true,
  url: true,
  fileKey: true,
  videoSource: true,
  muxPlaybackId: true,
  declaredNoSymbols: true,
  declaredNoResources: true,
  state: true,
  publishedAt: true,
  takenDownAt: true,
  takedownReason: true,
} as const;

/** First line of a candidate's material service: the actor may manage material, and of their own candidature only. */
export function assertOwnMaterialActor(actor: Actor | null): asserts actor is Actor & { candidateId: string } {
  assertCan(actor, "manage:material:own", { candidateId: actor?.candidateId });
  if (!actor.candidateId) throw new DomainError("FORBIDDEN");
}

/**
 * A material of the actor's own candidature, locked for the change. Another candidate's
 * id is answered exactly like an id that does not exist: nothing about it leaks. The
 * candidature's conference is checked first (a closed one is read-only), by the actor's
 * candidature, so the refusal tells nothing about the id either.
 */
export async function lockOwnMaterial(tx: Tx, candidateId: string, id: string) {
  await assertCandidatureOpen(tx, candidateId);
  await tx.$executeRaw`SELECT 1 FROM "Material" WHERE id = ${id} FOR UPDATE`;
  const material = await tx.material.findUnique({
    where: { id },
    select: { ...MATERIAL_FIELDS, candidate: { select: { status: true } } },
  });
  if (!material || material.candidateId !== candidateId) throw new DomainError("NOT_FOUND");
  return material;
}

/**
 * Only a draft takes new content (published material is unpublished first, taken-down
 * material stays as judged), and a file or video only on the material of that kind.
 */
export function assertDraftOfKind(m: { kind: MaterialKind; state: MaterialState }, kind: MaterialKind, wrongKindKey: string): void {
  const refusal = editRefusal(m.state);
  if (refusal) throw new DomainError("CONFLICT", { messageKey: refusal });
  if (m.kind !== kind) throw new DomainError("INVALID_INPUT", { messageKey: wrongKindKey });
}
