import "server-only";
import { emitAudit } from "@/lib/audit/emit";
import type { Actor } from "@/lib/auth/permissions";
import { isOnPublicRecord } from "@/lib/campaign/rules";
import { db } from "@/lib/db";
import { DomainError } from "@/lib/errors/domain-error";
import { assertDraftOfKind, assertOwnMaterialActor, lockOwnMaterial } from "@/lib/materials/own-material";
import { parseInput } from "@/lib/validation/parse";
import { materialTrackSchema, removeMaterialTrackSchema } from "./schema";
import { checkedVtt, type TrackSummary } from "./tracks";

// A candidate's captions for their own campaign video, one WebVTT track per language
// (docs/decisions/040-captions.md). They are part of the material: changed only on the
// candidate's own draft video, like its title and its file (lib/materials/own-material.ts), and
// public exactly when the video is (published, on the public record).

/** The language tag as stored: "pt-br" and "pt-BR" are one track. */
function canonicalTag(tag: string): string {
  try {
    return Intl.getCanonicalLocales(tag)[0] ?? tag;
  } catch {
    return tag;
  }
}

export async function setMaterialCaptionTrack({ actor, input }: { actor: Actor | null; input: unknown }) {
  assertOwnMaterialActor(actor);
  const data = parseInput(materialTrackSchema, input);
  const { vtt, cues } = checkedVtt(data.vtt);
  const language = canonicalTag(data.language);
  return db().$transaction(async (tx) => {
    const material = await lockOwnMaterial(tx, actor.candidateId, data.materialId);
    assertDraftOfKind(material, "VIDEO", "captionsWorkspace.notVideo");
    const before = await tx.materialCaptionTrack.findUnique({ where: { materialId_language: { materialId: material.id, language } }, select: { id: true } });
    await tx.materialCaptionTrack.upsert({
      where: { materialId_language: { materialId: material.id, language } },
      create: { materialId: material.id, language, vtt },
      update: { vtt },
      select: { id: true },
    });
    await emitAudit(tx, {
      actor,
      area: "material",
      action: "captions-set",
      entity: "Material",
      entityId: material.id,
      before: before ? { language } : undefined,
      after: { language, cues },
    });
    return { candidateId: material.candidateId, language, cues };
  });
}

export async function removeMaterialCaptionTrack({ actor, input }: { actor: Actor | null; input: unknown }) {
  assertOwnMaterialActor(actor);
  const data = parseInput(removeMaterialTrackSchema, input);
  const language = canonicalTag(data.language);
  return db().$transaction(async (tx) => {
    const material = await lockOwnMaterial(tx, actor.candidateId, data.materialId);
    assertDraftOfKind(material, "VIDEO", "captionsWorkspace.notVideo");
    const removed = await tx.materialCaptionTrack.deleteMany({ where: { materialId: material.id, language } });
    if (removed.count === 0) throw new DomainError("NOT_FOUND");
    await emitAudit(tx, { actor, area: "material", action: "captions-removed", entity: "Material", entityId: material.id, before: { language } });
    return { candidateId: material.candidateId, language };
  });
}

/** The candidate's own video's tracks (another candidate's material reads as not found). */
export async function listOwnMaterialCaptionTracks(actor: Actor | null, materialId: string): Promise<TrackSummary[]> {
  assertOwnMaterialActor(actor);
  const material = await db().material.findUnique({
    where: { id: materialId },
    select: { candidateId: true, captionTracks: { select: { language: true, vtt: true, updatedAt: true }, orderBy: { language: "asc" } } },
  });
  if (!material || material.candidateId !== actor.candidateId) throw new DomainError("NOT_FOUND");
  return material.captionTracks.map((row) => ({
    language: row.language,
    cues: row.vtt.split("\n").filter((line) => line.includes(" --> ")).length,
    updatedAt: row.updatedAt,
  }));
}

/**
 * A material's track as served: to anyone when the video is published on the public record
 * (`public`), to its own candidate otherwise (`private`); null for anyone else, or none.
 */
export async function readMaterialCaptionVtt(
  materialId: string,
  language: string,
  viewer: () => Promise<Actor | null>,
): Promise<{ vtt: string; audience: "public" | "private" } | null> {
  const row = await db().materialCaptionTrack.findUnique({
    where: { materialId_language: { materialId, language: canonicalTag(language) } },
    select: { vtt: true, material: { select: { state: true, candidateId: true, candidate: { select: { status: true } } } } },
  });
  if (!row) return null;
  if (row.material.state === "PUBLISHED" && isOnPublicRecord(row.material.candidate.status)) return { vtt: row.vtt, audience: "public" };
  const actor = await viewer();
  if (actor && !actor.disabled && actor.candidateId === row.material.candidateId) return { vtt: row.vtt, audience: "private" };
  return null;
}
