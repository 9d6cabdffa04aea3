import "server-only";
import { unstable_cache } from "next/cache";
import { TAGS } from "@/lib/cache-tags";
import { CACHED_READ_SECONDS } from "@/lib/cache/bounds";
import { db } from "@/lib/db";
import { isPublicFile } from "@/lib/uploads/file-access";

export type PublicFiles = {
  /** Only when the profile is public: formal (or later) and at least one version published (001, footnote 2). */
  photoKey: string | null;
  cvKey: string | null;
  /** Published brochures' PDFs, newest first. */
  brochures: { id: string; title: string; language: string; fileKey: string; fileName: string | null }[];
};

/** The files a visitor may open on a candidate's page, by the same rule as the file route (lib/uploads/file-access.ts). */
export async function readPublicFiles(candidateId: string): Promise<PublicFiles | null> {
  const c = await db().candidate.findUnique({
    where: { id: candidateId },
    select: {
      status: true,
      photoKey: true,
      cvKey: true,
      profiles: { where: { publishedAt: { not: null } }, select: { id: true }, take: 1 },
      materials: {
        where: { state: "PUBLISHED", kind: "BROCHURE", fileKey: { not: null } },
        select: { id: true, title: true, language: true, fileKey: true, fileName: true },
        orderBy: { publishedAt: "desc" },
      },
    },
  });
  if (!c) return null;
  const profilePublic = isPublicFile({ kind: "photo", candidateId, status: c.status, profilePublished: c.profiles.length > 0, fileName: null });
  const materialsPublic = isPublicFile({ kind: "material", candidateId, status: c.status, state: "PUBLISHED", fileName: null });
  return {
    photoKey: profilePublic ? c.photoKey : null,
    cvKey: profilePublic ? c.cvKey : null,
    brochures: materialsPublic ? c.materials.flatMap((m) => (m.fileKey ? [{ ...m, fileKey: m.fileKey }] : [])) : [],
  };
}

/** readPublicFiles, cached until the candidate's tag is revalidated. */
export function getPublicFiles(candidateId: string): Promise<PublicFiles | null> {
  return unstable_cache(() => readPublicFiles(candidateId), ["public-files", candidateId], {
    tags: [TAGS.candidates, TAGS.candidate(candidateId)],
    revalidate: CACHED_READ_SECONDS,
  })();
}
