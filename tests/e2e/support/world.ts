import type { RoleName } from "../../../lib/auth/permissions";
import type { PrismaClient } from "../../../lib/db/client";
import { createSeed, seedHash } from "../../../lib/draw/verifiable-draw";
import { makeMemberState, makeUser, unique, type TestUser } from "../../support/factories";

// Each end-to-end test builds its own world: a conference with a slug no other test uses, its
// posts, candidatures with their candidates' accounts, staff, a hearing (docs/decisions/012).
// Nothing here makes a conference current: that choice changes pages other specs read.

/** 2030's conference in Dubai (no daylight saving: its times read the same all year). */
export const WORLD_DATES = {
  opensOn: "2030-10-28",
  closesOn: "2030-11-15",
  timeZone: "Asia/Dubai",
  /** A formal receipt well before GR170's deadline (28 days before the opening). */
  formallyReceivedAt: "2030-09-01T10:00:00Z",
  /** The day before the opening, 09:30 in Dubai: where the hearing is held. */
  hearingStartsAt: "2030-10-27T05:30:00Z",
} as const;

export type WorldConference = Awaited<ReturnType<typeof makeWorldConference>>;

/** A conference of the test's own, never current. */
export async function makeWorldConference(
  db: PrismaClient,
  data: Partial<{ name: string; city: string; opensOn: string; closesOn: string; timeZone: string; closed: boolean }> = {},
) {
  return db.conference.create({
    data: {
      slug: unique("e2e"),
      name: data.name ?? unique("Conference"),
      city: data.city ?? "Dubai",
      opensOn: new Date(data.opensOn ?? WORLD_DATES.opensOn),
      closesOn: new Date(data.closesOn ?? WORLD_DATES.closesOn),
      timeZone: data.timeZone ?? WORLD_DATES.timeZone,
      closedAt: data.closed ? new Date() : null,
    },
  });
}

export function worldPostCode(prefix = "P"): string {
  return unique(prefix).toUpperCase().replace(/[^A-Z0-9-]/g, "").slice(0, 32);
}

export type WorldPost = Awaited<ReturnType<typeof makeWorldPost>>;

/** A post of `conference`; `name` is its English name, the other locales fall back to it. */
export async function makeWorldPost(
  db: PrismaClient,
  conference: { id: string },
  data: Partial<{ code: string; name: string; kind: "ELECTED_OFFICIAL" | "RRB_SEAT" | "COUNCIL_SEAT"; region: "A" | "B" | "C" | "D" | "E"; seats: number; sortOrder: number }> = {},
) {
  const kind = data.kind ?? "ELECTED_OFFICIAL";
  const post = await db.post.create({
    data: {
      conferenceId: conference.id,
      code: data.code ?? worldPostCode(),
      kind,
      region: data.region ?? (kind === "ELECTED_OFFICIAL" ? null : "B"),
      seats: data.seats ?? 1,
      sortOrder: data.sortOrder ?? 0,
      names: { en: data.name ?? unique("Post") },
    },
  });
  return { ...post, name: (post.names as { en: string }).en };
}

type CandidatureStatus = "ANNOUNCED" | "FORMAL" | "WITHDRAWN" | "ELECTED" | "NOT_ELECTED";

export type WorldCandidate = Awaited<ReturnType<typeof makeWorldCandidate>>;

/**
 * A candidature for `post` (formal unless told), nominated by a Member State made for it
 * (or `memberStateId`, e.g. a real state the global set-up loaded), with its candidate's
 * account unless `account: false`; `vision` publishes an English profile.
 */
export async function makeWorldCandidate(
  db: PrismaClient,
  post: { id: string; conferenceId: string },
  data: Partial<{ name: string; status: CandidatureStatus; memberStateId: string; vision: string; account: boolean; isInternal: boolean }> = {},
) {
  const status = data.status ?? "FORMAL";
  const memberStateId = data.memberStateId ?? (await makeMemberState(db)).id;
  const candidate = await db.candidate.create({
    data: {
      conferenceId: post.conferenceId,
      postId: post.id,
      memberStateId,
      name: data.name ?? unique("Candidate"),
      status,
      isInternal: data.isInternal ?? false,
      formallyReceivedAt: status === "ANNOUNCED" ? null : new Date(WORLD_DATES.formallyReceivedAt),
      profiles: data.vision ? { create: { locale: "en", vision: data.vision, publishedAt: new Date() } } : undefined,
    },
    include: { memberState: { select: { id: true, iso3: true, nameEn: true } } },
  });
  const user: TestUser | null = data.account === false ? null : await makeUser(db, "CANDIDATE", { candidateId: candidate.id });
  return { ...candidate, user };
}

export type StaffRole = Exclude<RoleName, "CANDIDATE">;

/** A staff account (secretariat, chair, ethics officer or member); a chair may be Union staff or from an administration. */
export async function makeStaff(
  db: PrismaClient,
  role: StaffRole,
  data: Partial<{ name: string; isStaff: boolean; memberStateId: string; disabled: boolean }> = {},
): Promise<TestUser & { name: string }> {
  const user = await makeUser(db, role, { disabled: data.disabled });
  const name = data.name ?? unique(role === "ETHICS_OFFICER" ? "Ethics" : role.charAt(0) + role.slice(1).toLowerCase());
  await db.user.update({ where: { id: user.id }, data: { name, isStaff: data.isStaff ?? false, memberStateId: data.memberStateId ?? null } });
  return { ...user, name };
}

export type WorldHearing = Awaited<ReturnType<typeof makeWorldHearing>>;

/**
 * The conference's hearing with `candidates` presenting, chaired by `chairId`. `ready`
 * commits the seed and puts them in the given order, as after the draw; otherwise no seed
 * is committed and nothing is drawn.
 */
export async function makeWorldHearing(
  db: PrismaClient,
  conference: { id: string },
  data: { candidates: { id: string }[]; chairId?: string | null; ready?: boolean; venue?: string; questionsPerCandidate?: 2 | 3 },
) {
  const seed = data.ready ? createSeed() : null;
  const hearing = await db.hearing.create({
    data: {
      conferenceId: conference.id,
      startsAt: new Date(WORLD_DATES.hearingStartsAt),
      presentationMinutes: 15,
      qaMinutes: 15,
      questionsPerCandidate: data.questionsPerCandidate ?? 3,
      chairId: data.chairId ?? null,
      venue: data.venue ?? null,
      seed,
      seedHash: seed ? seedHash(seed) : null,
      slots: { create: data.candidates.map((c, i) => ({ candidateId: c.id, position: data.ready ? i + 1 : null })) },
    },
  });
  return { ...hearing, seed };
}

export type World = Awaited<ReturnType<typeof makeWorld>>;

/**
 * The usual world in one call: a conference, `posts` posts (2 unless told), a formal
 * candidature with its account on each, a secretariat; `hearing: true` adds a chair and a
 * hearing with every candidate presenting (`ready: true` for a drawn one).
 */
export async function makeWorld(db: PrismaClient, options: { posts?: number; hearing?: boolean | { ready: boolean } } = {}) {
  const conference = await makeWorldConference(db);
  const posts: WorldPost[] = [];
  for (let i = 0; i < (options.posts ?? 2); i++) posts.push(await makeWorldPost(db, conference, { sortOrder: i }));
  const candidates: WorldCandidate[] = [];
  for (const post of posts) candidates.push(await makeWorldCandidate(db, post));
  const secretariat = await makeStaff(db, "SECRETARIAT");
  let hearing: WorldHearing | null = null;
  let chair: (TestUser & { name: string }) | null = null;
  if (options.hearing) {
    chair = await makeStaff(db, "CHAIR");
    const ready = typeof options.hearing === "object" && options.hearing.ready;
    hearing = await makeWorldHearing(db, conference, { candidates, chairId: chair.id, ready });
  }
  return { conference, posts, candidates, secretariat, chair, hearing };
}
