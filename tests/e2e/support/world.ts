import { randomInt } from "node:crypto";
import type { RoleName } from "../../../lib/auth/permissions";
import type { PrismaClient } from "../../../lib/db/client";
import { sealingKeyFrom, sealSeedWith } from "../../../lib/draw/seal-core";
import { ALGORITHM, createSeed, drawPermutation, seedHash, sortIds } from "../../../lib/draw/verifiable-draw";
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

/**
 * A moment a week ago as a datetime-local field takes it: formal receipts cannot be in the
 * future, and a world conference's deadline (2030) is still ahead.
 */
export function aWeekAgoInput(): string {
  return `${new Date(Date.now() - 7 * 24 * 60 * 60 * 1000).toISOString().slice(0, 10)}T10:00`;
}

export type WorldConference = Awaited<ReturnType<typeof makeWorldConference>>;

/**
 * A conference of the test's own, never current. Every world conference sits on
 * WORLD_DATES, which the database allows; the services refuse to save a conference whose
 * days overlap another's (lib/conferences/dates.ts), so a test that saves the settings form
 * asks for `ownDates`: the same days in a year of its own, 3000 to 8999 (the console
 * journey that creates a conference picks its year before 3000).
 */
export async function makeWorldConference(
  db: PrismaClient,
  data: Partial<{ name: string; city: string; opensOn: string; closesOn: string; timeZone: string; closed: boolean; ownDates: boolean }> = {},
) {
  const year = data.ownDates ? String(3000 + randomInt(6000)) : null;
  return db.conference.create({
    data: {
      slug: unique("e2e"),
      name: data.name ?? unique("Conference"),
      city: data.city ?? "Dubai",
      opensOn: new Date(data.opensOn ?? (year ? WORLD_DATES.opensOn.replace("2030", year) : WORLD_DATES.opensOn)),
      closesOn: new Date(data.closesOn ?? (year ? WORLD_DATES.closesOn.replace("2030", year) : WORLD_DATES.closesOn)),
      timeZone: data.timeZone ?? WORLD_DATES.timeZone,
      closedAt: data.closed ? new Date() : null,
    },
  });
}

export function worldPostCode(prefix = "P"): string {
  return unique(prefix)
    .toUpperCase()
    .replace(/[^A-Z0-9-]/g, "")
    .slice(0, 32);
}

export type WorldPost = Awaited<ReturnType<typeof makeWorldPost>>;

/** A post of `conference`; `name` is its English name, `names` its other locales' (which fall back to English). */
export async function makeWorldPost(
  db: PrismaClient,
  conference: { id: string },
  data: Partial<{
    code: string;
    name: string;
    names: Record<string, string>;
    kind: "ELECTED_OFFICIAL" | "RRB_SEAT" | "COUNCIL_SEAT";
    region: "A" | "B" | "C" | "D" | "E";
    seats: number;
    sortOrder: number;
  }> = {},
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
      names: { ...data.names, en: data.name ?? unique("Post") },
    },
  });
  return { ...post, name: (post.names as { en: string }).en };
}

type CandidatureStatus = "ANNOUNCED" | "FORMAL" | "WITHDRAWN" | "ELECTED" | "NOT_ELECTED";

export type WorldCandidate = Awaited<ReturnType<typeof makeWorldCandidate<boolean>>>;

/**
 * A candidature for `post` (formal unless told), nominated by a Member State made for it
 * (or `memberStateId`, e.g. a real state the global set-up loaded), with its candidate's
 * account unless `account: false`; `vision` publishes an English profile.
 */
export async function makeWorldCandidate<Account extends boolean = true>(
  db: PrismaClient,
  post: { id: string; conferenceId: string },
  data: Partial<{ name: string; status: CandidatureStatus; memberStateId: string; vision: string; isInternal: boolean }> & { account?: Account } = {},
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
  const user = data.account === false ? null : await makeUser(db, "CANDIDATE", { candidateId: candidate.id });
  return { ...candidate, user: user as Account extends false ? null : TestUser };
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

/** The key the test server seals seeds with (lib/draw/seal.ts): the same variables, the same defaults. */
function testSealingKey(): Buffer {
  const key = sealingKeyFrom({
    SEED_SEALING_KEY: process.env.SEED_SEALING_KEY,
    AUTH_SECRET: process.env.AUTH_SECRET ?? "e2e-only-secret-not-for-production-0123456789",
  });
  if (!key) throw new Error("no sealing key");
  return key;
}

/**
 * Dice digits under which the draw gives `wanted` as the running order: a real draw, which the
 * verify page checks, that still puts the candidates in the order the test listed them.
 */
function diceGiving(seed: string, hearingId: string, wanted: readonly string[]): string {
  const eligibleIds = sortIds(wanted);
  for (let k = 1000; k < 1_000_000; k++) {
    const order = drawPermutation({ seed, kind: "RUNNING_ORDER", hearingId, candidateId: null, entropy: String(k), eligibleIds });
    if (order.every((id, i) => id === wanted[i])) return String(k);
  }
  throw new Error("no dice give this order");
}

/**
 * The conference's hearing with `candidates` presenting, chaired by `chairId`. `ready`
 * commits the seed (sealed, dated) and draws the running order under it as the services do
 * (docs/decisions/014-hearing-record-integrity.md), so that nothing blocks the start; the
 * dice are chosen so that the order drawn is the order given. `seed` is returned for checking
 * draws. Otherwise no seed is committed and nothing is drawn.
 */
export async function makeWorldHearing(
  db: PrismaClient,
  conference: { id: string },
  data: { candidates: { id: string }[]; chairId?: string | null; ready?: boolean; venue?: string; questionsPerCandidate?: 2 | 3 },
) {
  const seed = data.ready ? createSeed() : null;
  const committedAt = new Date(Date.now() - 60_000);
  const hearing = await db.hearing.create({
    data: {
      conferenceId: conference.id,
      startsAt: new Date(WORLD_DATES.hearingStartsAt),
      presentationMinutes: 15,
      qaMinutes: 15,
      questionsPerCandidate: data.questionsPerCandidate ?? 3,
      chairId: data.chairId ?? null,
      venue: data.venue ?? null,
      seedHash: seed ? seedHash(seed) : null,
      sealedSeed: seed ? sealSeedWith(testSealingKey(), seed) : null,
      seedCommittedAt: seed ? committedAt : null,
      slots: { create: data.candidates.map((c) => ({ candidateId: c.id })) },
    },
  });
  if (!seed) return { ...hearing, seed };
  const order = data.candidates.map((c) => c.id);
  const eligibleIds = sortIds(order);
  const entropy = diceGiving(seed, hearing.id, order);
  for (const [index, candidateId] of order.entries()) {
    await db.hearingSlot.update({ where: { hearingId_candidateId: { hearingId: hearing.id, candidateId } }, data: { position: index + 1 } });
  }
  await db.draw.create({
    data: {
      hearingId: hearing.id,
      kind: "RUNNING_ORDER",
      eligibleIds,
      count: order.length,
      result: order,
      algorithm: ALGORITHM,
      seedHash: hearing.seedHash,
      entropy,
    },
  });
  return { ...hearing, seed };
}

export type World = Awaited<ReturnType<typeof makeWorld>>;

/**
 * The usual world in one call: a conference, `posts` posts (2 unless told), a formal
 * candidature with its account on each, each from a state of its own, and a secretariat.
 */
export async function makeWorld(db: PrismaClient, options: { posts?: number } = {}) {
  const conference = await makeWorldConference(db);
  const posts: WorldPost[] = [];
  for (let i = 0; i < (options.posts ?? 2); i++) posts.push(await makeWorldPost(db, conference, { sortOrder: i }));
  const candidates: WorldCandidate[] = [];
  for (const post of posts) candidates.push(await makeWorldCandidate(db, post));
  const secretariat = await makeStaff(db, "SECRETARIAT");
  return { conference, posts, candidates, secretariat };
}

/** makeWorld's, with a chair and the hearing every candidate presents at (`ready`: seed committed, order drawn). */
export async function makeWorldWithHearing(db: PrismaClient, options: { posts?: number; ready?: boolean } = {}) {
  const world = await makeWorld(db, options);
  const chair = await makeStaff(db, "CHAIR");
  const hearing = await makeWorldHearing(db, world.conference, { candidates: world.candidates, chairId: chair.id, ready: options.ready });
  return { ...world, chair, hearing };
}

/**
 * The hearing as the start and the end leave it, written directly: started with the
 * candidates on its running order (their states share its costs, Hearing.costStateIds),
 * ended, with `costs` entered in minor units. `closed` also reveals and closes the record.
 */
export async function endWorldHearing(
  db: PrismaClient,
  hearing: { id: string },
  data: { costs?: { description: string; amountMinor: bigint; currency: string }[]; closed?: boolean } = {},
) {
  const slots = await db.hearingSlot.findMany({
    where: { hearingId: hearing.id, position: { not: null } },
    select: { candidate: { select: { memberStateId: true } } },
  });
  const costStateIds = [...new Set(slots.map((s) => s.candidate.memberStateId))].sort();
  const startedAt = new Date(WORLD_DATES.hearingStartsAt);
  const after = data.closed ? { seedRevealedAt: new Date(), closedAt: new Date() } : {};
  await db.hearing.update({ where: { id: hearing.id }, data: { status: "ENDED", startedAt, costStateIds, ...after } });
  for (const cost of data.costs ?? []) await db.costItem.create({ data: { hearingId: hearing.id, category: "INTERPRETATION", ...cost } });
}
