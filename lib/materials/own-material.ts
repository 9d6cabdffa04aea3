import "server-only";
import { assertCan } from "@/lib/auth/assert";
import type { Actor } from "@/lib/auth/permissions";
import type { Tx } from "@/lib/db";
import { DomainError } from "@/lib/errors/domain-error";

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
 * id is answered exactly like an id that does not exist: nothing about it leaks.
 */
export async function lockOwnMaterial(tx: Tx, candidateId: string, id: string) {
  await tx.$executeRaw`SELECT 1 FROM "Material" WHERE id = ${id} FOR UPDATE`;
  const material = await tx.material.findUnique({
    where: { id },
    select: { ...MATERIAL_FIELDS, candidate: { select: { status: true } } },
  });
  if (!material || material.candidateId !== candidateId) throw new DomainError("NOT_FOUND");
  return material;
}
