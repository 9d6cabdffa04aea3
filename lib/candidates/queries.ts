import "server-only";
import { unstable_cache } from "next/cache";
import { db, type Prisma } from "@/lib/db";
import { TAGS } from "@/lib/cache-tags";
import { CACHED_READ_SECONDS } from "@/lib/cache/bounds";
import { isOnPublicRecord } from "@/lib/campaign/rules";
import type { CandidatureStatus } from "@/lib/db/generated/enums";
import { isPublicFile } from "@/lib/uploads/file-access";

// Cached public reads of candidates. Only what the public may see leaves this file:
// a profile's text is public only once the candidature is formal (001, footnote 2) and the
// candidate has published it.

export type CandidateListItem = {
  id: string;
  name: string;
  status: CandidatureStatus;
  isInternal: boolean;
  isDemo: boolean;
  memberState: { iso2: string; nameEn: string };
};

const LIST_ITEM_SELECT = {
  id: true,
  name: true,
  status: true,
  isInternal: true,
  isDemo: true,
  memberState: { select: { iso2: true, nameEn: true } },
} satisfies Prisma.CandidateSelect;

export type PostWithCandidates = {
  code: string;
  kind: string;
  region: string | null;
  names: unknown;
  /** Each with the photo's key when the profile is public (as on the candidate's own page), else null. */
  candidates: (CandidateListItem & { photoKey: string | null })[];
};

const STATUS_ORDER: Record<CandidatureStatus, number> = { ELECTED: 0, FORMAL: 1, ANNOUNCED: 2, NOT_ELECTED: 3, WITHDRAWN: 4 };

export const getPostWithCandidates = unstable_cache(
  async (conferenceId: string, code: string): Promise<PostWithCandidates | null> => {
    const post = await db().post.findUnique({
      where: { conferenceId_code: { conferenceId, code } },
      select: {
        code: true,
        kind: true,
        region: true,
        names: true,
        retiredAt: true,
        candidates: {
          orderBy: { name: "asc" },
          select: { ...LIST_ITEM_SELECT, photoKey: true, profiles: { where: { publishedAt: { not: null } }, select: { id: true }, take: 1 } },
        },
      },
    });
    if (!post || post.retiredAt) return null;
    const candidates = [...post.candidates]
      .sort((a, b) => STATUS_ORDER[a.status] - STATUS_ORDER[b.status])
      .map(({ photoKey, profiles, ...c }) => ({
        ...c,
        photoKey: isPublicFile({ kind: "photo", candidateId: c.id, status: c.status, profilePublished: profiles.length > 0, fileName: null }) ? photoKey : null,
      }));
    return { code: post.code, kind: post.kind, region: post.region, names: post.names, candidates };
  },
  ["post-with-candidates"],
  { tags: [TAGS.posts, TAGS.candidates], revalidate: CACHED_READ_SECONDS },
);

export type PublicCandidate = CandidateListItem & {
  formallyReceivedAt: string | null;
  post: { code: string; names: unknown };
  /** Published profiles by locale; empty while the candidature is not formal. */
  profiles: { locale: string; vision: string; biography: string }[];
};

export function getPublicCandidate(id: string): Promise<PublicCandidate | null> {
  return unstable_cache(
    async (): Promise<PublicCandidate | null> => {
      const c = await db().candidate.findUnique({
        where: { id },
        select: {
          ...LIST_ITEM_SELECT,
          formallyReceivedAt: true,
          post: { select: { code: true, names: true } },
          profiles: {
            where: { publishedAt: { not: null } },
            select: { locale: true, vision: true, biography: true },
            orderBy: { locale: "asc" },
          },
        },
      });
      if (!c) return null;
      return {
        id: c.id,
        name: c.name,
        status: c.status,
        isInternal: c.isInternal,
        isDemo: c.isDemo,
        memberState: c.memberState,
        formallyReceivedAt: c.formallyReceivedAt?.toISOString() ?? null,
        post: c.post,
        profiles: isOnPublicRecord(c.status) ? c.profiles : [],
      };
    },
    ["public-candidate", id],
    { tags: [TAGS.candidates, TAGS.candidate(id)], revalidate: CACHED_READ_SECONDS },
  )();
}

/** The profile to show a reader: theirs if there is one, else English, else the first. */
export function pickProfile<T extends { locale: string }>(profiles: T[], locale: string): T | undefined {
  return profiles.find((p) => p.locale === locale) ?? profiles.find((p) => p.locale === "en") ?? profiles[0];
}
