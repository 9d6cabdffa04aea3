import "server-only";
import { db } from "@/lib/db";
import type { FileRecord } from "./file-access";

/** Which record references `key`: a candidate's photo or CV, or a material's file (and whether it was sent to the Ethics Office). */
export async function findFileRecord(key: string): Promise<FileRecord | null> {
  const material = await db().material.findFirst({
    where: { fileKey: key },
    select: { candidateId: true, state: true, fileName: true, candidate: { select: { status: true } }, _count: { select: { ethicsReviews: true } } },
  });
  if (material)
    return {
      kind: "material",
      candidateId: material.candidateId,
      status: material.candidate.status,
      state: material.state,
      fileName: material.fileName,
      sentToEthics: material._count.ethicsReviews > 0,
    };
  const candidate = await db().candidate.findFirst({
    where: { OR: [{ photoKey: key }, { cvKey: key }] },
    select: { id: true, status: true, photoKey: true, profiles: { where: { publishedAt: { not: null } }, select: { id: true }, take: 1 } },
  });
  if (!candidate) return null;
  return {
    kind: candidate.photoKey === key ? "photo" : "cv",
    candidateId: candidate.id,
    status: candidate.status,
    profilePublished: candidate.profiles.length > 0,
    fileName: null,
  };
}
