import "server-only";
import { unstable_cache } from "next/cache";
import { notFound } from "next/navigation";
import { TAGS } from "@/lib/cache-tags";
import { CACHED_READ_SECONDS } from "@/lib/cache/bounds";
import { db } from "@/lib/db";

// How an edge (page, layout, action) resolves the conference it serves, once, before passing
// it to the services (docs/decisions/012). Cached: results cross a JSON boundary, so dates
// are strings.

export type ConferenceRef = {
  id: string;
  slug: string;
  name: string;
  city: string;
  /** YYYY-MM-DD, a calendar date in the conference's own zone. */
  opensOn: string;
  closesOn: string;
  timeZone: string;
  /** ISO instant; a closed conference is read-only. */
  closedAt: string | null;
  isCurrent: boolean;
};

const REF_FIELDS = {
  id: true,
  slug: true,
  name: true,
  city: true,
  opensOn: true,
  closesOn: true,
  timeZone: true,
  closedAt: true,
  isCurrent: true,
} as const;

type Row = { id: string; slug: string; name: string; city: string; opensOn: Date; closesOn: Date; timeZone: string; closedAt: Date | null; isCurrent: boolean };

function toRef(c: Row): ConferenceRef {
  return {
    ...c,
    opensOn: c.opensOn.toISOString().slice(0, 10),
    closesOn: c.closesOn.toISOString().slice(0, 10),
    closedAt: c.closedAt?.toISOString() ?? null,
  };
}

/** The conference the unprefixed public URLs show; null when the secretariat has chosen none. */
export const getCurrentConference = unstable_cache(
  async (): Promise<ConferenceRef | null> => {
    const c = await db().conference.findFirst({ where: { isCurrent: true }, select: REF_FIELDS });
    return c ? toRef(c) : null;
  },
  ["conferences:current"],
  { tags: [TAGS.conferences], revalidate: CACHED_READ_SECONDS },
);

export const getConferenceBySlug = unstable_cache(
  async (slug: string): Promise<ConferenceRef | null> => {
    const c = await db().conference.findUnique({ where: { slug }, select: REF_FIELDS });
    return c ? toRef(c) : null;
  },
  ["conferences:by-slug"],
  { tags: [TAGS.conferences], revalidate: CACHED_READ_SECONDS },
);

/** The public archive: the current conference first, then the latest first. */
export const listConferences = unstable_cache(
  async (): Promise<ConferenceRef[]> => {
    const rows = await db().conference.findMany({ orderBy: [{ isCurrent: "desc" }, { opensOn: "desc" }, { slug: "asc" }], select: REF_FIELDS });
    return rows.map(toRef);
  },
  ["conferences:all"],
  { tags: [TAGS.conferences], revalidate: CACHED_READ_SECONDS },
);

/** For a page under a conference's slug: an unknown slug is a 404, not an error. */
export async function requireConferenceBySlug(slug: string): Promise<ConferenceRef> {
  const conference = await getConferenceBySlug(slug);
  if (!conference) notFound();
  return conference;
}

/** The conference a candidature belongs to: pages addressed by a candidate's id derive it from the record. */
export const getConferenceOfCandidate = unstable_cache(
  async (candidateId: string): Promise<ConferenceRef | null> => {
    const row = await db().candidate.findUnique({ where: { id: candidateId }, select: { conference: { select: REF_FIELDS } } });
    return row ? toRef(row.conference) : null;
  },
  ["conferences:of-candidate"],
  { tags: [TAGS.conferences], revalidate: CACHED_READ_SECONDS },
);
