import "server-only";
import { unstable_cache } from "next/cache";
import { db } from "@/lib/db";
import { TAGS } from "@/lib/cache-tags";
import { CACHED_READ_SECONDS } from "@/lib/cache/bounds";
import { candidatureDeadline } from "./deadline";

// Cached public reads. Results cross a JSON boundary in the cache, so instants are
// returned as ISO strings.

export type ConferenceView = {
  id: string;
  name: string;
  city: string;
  opensOn: string;
  closesOn: string;
  timeZone: string;
  deadline: { at: string; source: "GR170" | "OVERRIDE"; computed: string; reason: string | null };
  hearing: {
    id: string;
    startsAt: string;
    presentationMinutes: number;
    qaMinutes: number;
    /** Scheduled, live or ended: what the home page says instead of a countdown once it has begun. */
    status: "SCHEDULED" | "LIVE" | "ENDED";
    /** Published before any draw (the verifiable draw, lib/draw). */
    seedHash: string | null;
    /** The running order once drawn by lot, else empty. */
    runningOrder: { candidateId: string; name: string; postNames: unknown }[];
  } | null;
};

export const getConference = unstable_cache(
  async (slug: string): Promise<ConferenceView | null> => {
    const c = await db().conference.findUnique({
      where: { slug },
      select: {
        id: true,
        name: true,
        city: true,
        opensOn: true,
        closesOn: true,
        timeZone: true,
        deadlineOverrideAt: true,
        deadlineOverrideReason: true,
        hearings: {
          select: {
            id: true,
            startsAt: true,
            presentationMinutes: true,
            qaMinutes: true,
            status: true,
            seedHash: true,
            slots: {
              where: { position: { not: null } },
              orderBy: { position: "asc" },
              select: { candidate: { select: { id: true, name: true, post: { select: { names: true } } } } },
            },
          },
          // The real hearing: a rehearsal is never shown (docs/decisions/018-rehearsal-hearings.md).
          where: { rehearsal: false },
          orderBy: { startsAt: "asc" },
          take: 1,
        },
      },
    });
    if (!c) return null;
    const deadline = candidatureDeadline(c);
    const hearing = c.hearings[0];
    return {
      id: c.id,
      name: c.name,
      city: c.city,
      opensOn: c.opensOn.toISOString().slice(0, 10),
      closesOn: c.closesOn.toISOString().slice(0, 10),
      timeZone: c.timeZone,
      deadline: {
        at: deadline.at.toISOString(),
        source: deadline.source,
        computed: deadline.computed.toISOString(),
        reason: deadline.source === "OVERRIDE" ? deadline.reason : null,
      },
      hearing: hearing
        ? {
            id: hearing.id,
            startsAt: hearing.startsAt.toISOString(),
            presentationMinutes: hearing.presentationMinutes,
            qaMinutes: hearing.qaMinutes,
            status: hearing.status,
            seedHash: hearing.seedHash,
            runningOrder: hearing.slots.map((s) => ({ candidateId: s.candidate.id, name: s.candidate.name, postNames: s.candidate.post.names })),
          }
        : null,
    };
  },
  ["conference"],
  { tags: [TAGS.conference, TAGS.hearings], revalidate: CACHED_READ_SECONDS },
);

export type PostSummary = {
  code: string;
  kind: "ELECTED_OFFICIAL" | "RRB_SEAT" | "COUNCIL_SEAT";
  region: string | null;
  seats: number;
  names: unknown;
  candidateCount: number;
};

export const listPosts = unstable_cache(
  async (conferenceId: string): Promise<PostSummary[]> => {
    const posts = await db().post.findMany({
      where: { conferenceId, retiredAt: null },
      orderBy: [{ sortOrder: "asc" }, { code: "asc" }],
      select: {
        code: true,
        kind: true,
        region: true,
        seats: true,
        names: true,
        _count: { select: { candidates: { where: { status: { not: "WITHDRAWN" } } } } },
      },
    });
    return posts.map((p) => ({
      code: p.code,
      kind: p.kind,
      region: p.region,
      seats: p.seats,
      names: p.names,
      candidateCount: p._count.candidates,
    }));
  },
  ["posts"],
  { tags: [TAGS.posts, TAGS.candidates], revalidate: CACHED_READ_SECONDS },
);
