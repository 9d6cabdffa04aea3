import "server-only";
import { unstable_cache } from "next/cache";
import { assertCan } from "@/lib/auth/assert";
import { isOnPublicRecord } from "@/lib/campaign/rules";
import type { Actor } from "@/lib/auth/permissions";
import { TAGS } from "@/lib/cache-tags";
import { CACHED_READ_SECONDS } from "@/lib/cache/bounds";
import { db } from "@/lib/db";
import type { MaterialKind, TextFormat } from "@/lib/db/generated/enums";
import { DomainError } from "@/lib/errors/domain-error";
import { playableHere } from "@/lib/materials/media-address";
import { MATERIAL_FIELDS } from "./own-material";
import { videoPlayback, type VideoPlayback } from "./video-playback";

// Reads of campaign material and of the profile's own details. Drafts are read only by
// their candidate here; the public sees published material of a public candidature only.

/** The candidate's own profile: every language version, published or not, and the shared details. */
export async function getOwnProfile(actor: Actor | null) {
  assertCan(actor, "edit:profile:own", { candidateId: actor?.candidateId });
  if (!actor.candidateId) throw new DomainError("FORBIDDEN");
  const candidate = await db().candidate.findUnique({
    where: { id: actor.candidateId },
    select: {
      id: true,
      status: true,
      languages: true,
      website: true,
      contactEmail: true,
      profiles: { select: { locale: true, biography: true, vision: true, visionFormat: true, publishedAt: true }, orderBy: { locale: "asc" } },
    },
  });
  if (!candidate) throw new DomainError("NOT_FOUND");
  return candidate;
}

/** The candidate's own material, drafts included, newest first. */
export async function listOwnMaterials(actor: Actor | null) {
  assertCan(actor, "manage:material:own", { candidateId: actor?.candidateId });
  if (!actor.candidateId) throw new DomainError("FORBIDDEN");
  const [candidate, materials] = await Promise.all([
    db().candidate.findUnique({ where: { id: actor.candidateId }, select: { status: true } }),
    db().material.findMany({ where: { candidateId: actor.candidateId }, select: MATERIAL_FIELDS, orderBy: { createdAt: "desc" } }),
  ]);
  return { status: candidate?.status ?? null, materials };
}

/** One material of the candidate's own; another candidate's id reads as not found. */
export async function getOwnMaterial(actor: Actor | null, id: string) {
  assertCan(actor, "manage:material:own", { candidateId: actor?.candidateId });
  if (!actor.candidateId) throw new DomainError("FORBIDDEN");
  const material = await db().material.findUnique({
    where: { id },
    select: { ...MATERIAL_FIELDS, videoSource: true, muxUploadId: true, videoError: true, fileName: true, candidate: { select: { status: true } } },
  });
  if (!material || material.candidateId !== actor.candidateId) throw new DomainError("NOT_FOUND");
  return material;
}

/** Everything published, of every candidate: what the secretariat may take down. */
export async function listPublishedForTakedown(actor: Actor | null, conferenceId: string) {
  assertCan(actor, "takedown:material:any");
  return db().material.findMany({
    where: { state: "PUBLISHED", candidate: { conferenceId } },
    select: { id: true, kind: true, title: true, language: true, body: true, url: true, publishedAt: true, candidate: { select: { id: true, name: true } } },
    orderBy: { publishedAt: "desc" },
    take: 500,
  });
}

export type PublicMaterial = {
  id: string;
  kind: MaterialKind;
  title: string;
  language: string;
  body: string | null;
  url: string | null;
  /** What a video plays; null for other kinds and for a video not ready yet. */
  video: VideoPlayback | null;
  /** The languages of a video's caption tracks (docs/decisions/040-captions.md). */
  captionLanguages: string[];
};

export type PublicCampaign = {
  withdrawn: boolean;
  /** Shared details, shown once at least one language version of the profile is published. */
  website: string | null;
  contactEmail: string | null;
  languages: string[];
  visionFormats: Record<string, TextFormat>;
  materials: PublicMaterial[];
};

/** The public part of a candidate's campaign, cached until the candidate's tag is revalidated. */
export async function getPublicCampaign(candidateId: string): Promise<PublicCampaign | null> {
  const campaign = await readPublicCampaign(candidateId);
  // Judged outside the cached read, by the running server's list (docs/decisions/028-media-origins.md).
  return campaign && { ...campaign, materials: campaign.materials.map((m) => ({ ...m, video: playableHere(m.video) })) };
}

function readPublicCampaign(candidateId: string): Promise<PublicCampaign | null> {
  return unstable_cache(
    async (): Promise<PublicCampaign | null> => {
      const c = await db().candidate.findUnique({
        where: { id: candidateId },
        select: {
          status: true,
          website: true,
          contactEmail: true,
          languages: true,
          profiles: { where: { publishedAt: { not: null } }, select: { locale: true, visionFormat: true } },
          materials: {
            where: { state: "PUBLISHED" },
            select: {
              id: true,
              kind: true,
              title: true,
              language: true,
              body: true,
              url: true,
              videoSource: true,
              fileKey: true,
              muxPlaybackId: true,
              captionTracks: { select: { language: true }, orderBy: { language: "asc" } },
            },
            orderBy: { publishedAt: "desc" },
          },
        },
      });
      if (!c) return null;
      // A withdrawn candidature keeps its published material on the public record, marked as such.
      if (!isOnPublicRecord(c.status)) {
        return { withdrawn: false, website: null, contactEmail: null, languages: [], visionFormats: {}, materials: [] };
      }
      const profilePublished = c.profiles.length > 0;
      return {
        withdrawn: c.status === "WITHDRAWN",
        website: profilePublished ? c.website : null,
        contactEmail: profilePublished ? c.contactEmail : null,
        languages: profilePublished ? c.languages : [],
        visionFormats: Object.fromEntries(c.profiles.map((p) => [p.locale, p.visionFormat])),
        materials: c.materials.map(({ videoSource, fileKey, muxPlaybackId, captionTracks, ...m }) => ({
          ...m,
          // A video's address is its own: the link column holds it only for external videos.
          url: m.kind === "VIDEO" ? null : m.url,
          video: videoPlayback({ ...m, videoSource, fileKey, muxPlaybackId }),
          captionLanguages: m.kind === "VIDEO" ? captionTracks.map((track) => track.language) : [],
        })),
      };
    },
    ["public-campaign", candidateId],
    { tags: [TAGS.candidates, TAGS.candidate(candidateId)], revalidate: CACHED_READ_SECONDS },
  )();
}
