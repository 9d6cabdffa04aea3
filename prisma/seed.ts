import { readFileSync } from "node:fs";
import { fileURLToPath } from "node:url";
import { hashPassword } from "../lib/auth/password";
import { createDb, type PrismaClient } from "../lib/db/client";
import { sealingKeyFrom, sealSeedWith, type SealingSource } from "../lib/draw/seal-core";
import { createSeed, normaliseEntropy, seedHash } from "../lib/draw/verifiable-draw";
import { writeRunningOrder } from "../lib/hearings/write-running-order";
import { ADMISSIONS_AFTER_BASELINE, parseMemberStates } from "../lib/member-states/csv";
import { DEMO_ACCOUNTS, DEMO_CANDIDATES, DEMO_CONFERENCE, DEMO_HEARING, ELECTED_POSTS, REGIONAL_POSTS } from "./demo-data";

export { DEMO_ACCOUNTS };

const CSV = new URL("../data/itu-member-states.csv", import.meta.url);

async function seedMemberStates(prisma: PrismaClient): Promise<Map<string, string>> {
  const rows = parseMemberStates(readFileSync(CSV, "utf8"));
  for (const r of rows) {
    const admitted = ADMISSIONS_AFTER_BASELINE[r.iso3];
    const data = { iso2: r.iso2, nameEn: r.nameEn, region: r.region, admittedOn: admitted ? new Date(admitted) : null };
    await prisma.memberState.upsert({ where: { iso3: r.iso3 }, create: { iso3: r.iso3, ...data }, update: data });
  }
  const states = await prisma.memberState.findMany({ select: { id: true, iso3: true } });
  return new Map(states.map((s) => [s.iso3, s.id]));
}

async function seedConference(prisma: PrismaClient) {
  const data = {
    name: DEMO_CONFERENCE.name,
    city: DEMO_CONFERENCE.city,
    opensOn: new Date(DEMO_CONFERENCE.opensOn),
    closesOn: new Date(DEMO_CONFERENCE.closesOn),
    timeZone: DEMO_CONFERENCE.timeZone,
  };
  // The demo is the conference shown unless the secretariat has chosen another (docs/decisions/012).
  const current = await prisma.conference.findFirst({ where: { isCurrent: true }, select: { id: true } });
  // Only created, never overwritten: the secretariat may have edited it since.
  return prisma.conference.upsert({
    where: { slug: DEMO_CONFERENCE.slug },
    create: { slug: DEMO_CONFERENCE.slug, ...data, isCurrent: !current },
    update: {},
  });
}

async function seedPosts(prisma: PrismaClient, conferenceId: string): Promise<Map<string, string>> {
  const all = [
    ...ELECTED_POSTS.map((p, i) => ({ ...p, kind: "ELECTED_OFFICIAL" as const, region: null, seats: 1, sortOrder: i })),
    ...REGIONAL_POSTS.map((p, i) => ({ ...p, sortOrder: 100 + i })),
  ];
  for (const p of all) {
    await prisma.post.upsert({
      where: { conferenceId_code: { conferenceId, code: p.code } },
      create: { conferenceId, code: p.code, kind: p.kind, region: p.region, seats: p.seats, names: p.names, sortOrder: p.sortOrder },
      update: {},
    });
  }
  const posts = await prisma.post.findMany({ where: { conferenceId }, select: { id: true, code: true } });
  return new Map(posts.map((p) => [p.code, p.id]));
}

async function seedCandidates(prisma: PrismaClient, conferenceId: string, posts: Map<string, string>, states: Map<string, string>) {
  const ids = new Map<string, string>();
  for (const c of DEMO_CANDIDATES) {
    const existing = await prisma.candidate.findFirst({ where: { conferenceId, name: c.name, isDemo: true }, select: { id: true } });
    if (existing) {
      ids.set(c.name, existing.id);
      continue;
    }
    const postId = posts.get(c.post);
    const memberStateId = states.get(c.state);
    if (!postId || !memberStateId) throw new Error(`Demo data refers to an unknown post or state: ${c.post}, ${c.state}`);
    const formallyReceivedAt = c.formallyReceived ? new Date(c.formallyReceived) : null;
    const profiles = [{ locale: "en", vision: c.vision, biography: c.biography }];
    if (c.visionFr) profiles.push({ locale: "fr", vision: c.visionFr, biography: c.biography });
    const created = await prisma.candidate.create({
      data: {
        conferenceId,
        postId,
        memberStateId,
        name: c.name,
        isInternal: c.isInternal ?? false,
        status: c.status,
        formallyReceivedAt,
        languages: c.languages,
        isDemo: true,
        profiles: { create: profiles.map((p) => ({ ...p, publishedAt: new Date(DEMO_CONFERENCE.opensOn) })) },
        statusHistory: {
          create: [
            { fromStatus: null, toStatus: "ANNOUNCED", note: "Demo data" },
            ...(c.status === "FORMAL" ? [{ fromStatus: "ANNOUNCED" as const, toStatus: "FORMAL" as const, formallyReceivedAt, note: "Demo data" }] : []),
          ],
        },
      },
      select: { id: true },
    });
    ids.set(c.name, created.id);
  }
  return ids;
}

async function seedUsers(prisma: PrismaClient, states: Map<string, string>, candidates: Map<string, string>) {
  const users = new Map<string, string>();
  for (const a of DEMO_ACCOUNTS) {
    const memberStateId = "memberState" in a ? (states.get(a.memberState) ?? null) : null;
    // A demo delegate is a national of the administration they belong to (the chair's
    // nationality is checked at the start, docs/decisions/014-hearing-record-integrity.md).
    const nationalityId = memberStateId;
    const candidateId = "candidate" in a ? (candidates.get(a.candidate) ?? null) : null;
    const user = await prisma.user.upsert({
      where: { email: a.email },
      create: {
        email: a.email,
        name: a.name,
        role: a.role,
        passwordHash: await hashPassword(a.password),
        isStaff: "isStaff" in a ? a.isStaff : false,
        memberStateId,
        nationalityId,
        candidateId,
      },
      update: {},
      select: { id: true },
    });
    users.set(a.role, user.id);
  }
  return users;
}

type HearingSeeding = { chairId: string | undefined; secretariatId: string | undefined; sealingKey: Buffer | null };

async function seedHearing(prisma: PrismaClient, conferenceId: string, { chairId, secretariatId, sealingKey }: HearingSeeding) {
  const existing = await prisma.hearing.findFirst({ where: { conferenceId }, select: { id: true } });
  if (existing) return;
  // Every formal candidate for the five elected posts presents (¶6), as presentersOf counts them.
  const presenting = await prisma.candidate.findMany({
    where: { conferenceId, status: "FORMAL", post: { kind: "ELECTED_OFFICIAL", retiredAt: null } },
    select: { id: true },
    orderBy: { name: "asc" },
  });
  const hearing = await prisma.hearing.create({
    data: {
      conferenceId,
      startsAt: new Date(DEMO_HEARING.startsAt),
      presentationMinutes: DEMO_HEARING.presentationMinutes,
      qaMinutes: DEMO_HEARING.qaMinutes,
      questionsPerCandidate: DEMO_HEARING.questionsPerCandidate,
      venue: DEMO_HEARING.venue,
      chairId: chairId ?? null,
      webcastAccess: "PUBLIC",
      slots: { create: presenting.map((c) => ({ candidateId: c.id })) },
    },
    select: { id: true },
  });
  if (!sealingKey) {
    // Without a key the seed could not be kept sealed: the hearing stays at its set-up, and
    // the secretariat commits it from the console once the server has a key.
    console.warn("Demo hearing left at its set-up: neither SEED_SEALING_KEY nor AUTH_SECRET is set, so no seed can be sealed.");
    return;
  }
  await commitAndDrawOrder(
    prisma,
    hearing.id,
    presenting.map((c) => c.id),
    { secretariatId, sealingKey },
  );
}

/**
 * The demo hearing as the secretariat leaves it before the day: the seed committed (sealed,
 * its hash published, dated) and the running order drawn under it with the dice's digits
 * (hustings-draw-v2), written as lib/hearings/commit-seed.ts writes the seed and with the
 * order-writing of lib/hearings/write-running-order.ts, so that the start checklist is empty
 * and the verification page checks the draw.
 */
async function commitAndDrawOrder(
  prisma: PrismaClient,
  hearingId: string,
  presenterIds: string[],
  { secretariatId, sealingKey }: { secretariatId: string | undefined; sealingKey: Buffer },
) {
  const seed = createSeed();
  const commitment = seedHash(seed);
  const committedAt = new Date(Date.now() - 60_000);
  const entropy = normaliseEntropy(DEMO_HEARING.runningOrderEntropy);
  if (!entropy) throw new Error("The demo's dice digits are not valid entropy");
  await prisma.$transaction(async (tx) => {
    await tx.hearing.update({
      where: { id: hearingId },
      data: { seedHash: commitment, sealedSeed: sealSeedWith(sealingKey, seed), seedCommittedAt: committedAt, seed: null },
    });
    await writeRunningOrder(tx, { hearingId, seed, seedHash: commitment, entropy, presenterIds, actorId: secretariatId ?? null });
  });
}

/**
 * Loads the PP-18 demo. Idempotent: what exists is left as it is. `secrets` give the key that
 * seals the demo hearing's seed, as the app derives it (lib/draw/seal.ts); by default the
 * environment's.
 */
export async function seedDemo(databaseUrl: string, { secrets = process.env }: { secrets?: SealingSource } = {}): Promise<void> {
  const sealingKey = sealingKeyFrom(secrets);
  const prisma = createDb(databaseUrl);
  try {
    const states = await seedMemberStates(prisma);
    const conference = await seedConference(prisma);
    const posts = await seedPosts(prisma, conference.id);
    const candidates = await seedCandidates(prisma, conference.id, posts, states);
    const users = await seedUsers(prisma, states, candidates);
    await seedHearing(prisma, conference.id, { chairId: users.get("CHAIR"), secretariatId: users.get("SECRETARIAT"), sealingKey });
  } finally {
    await prisma.$disconnect();
  }
}

if (process.argv[1] && fileURLToPath(import.meta.url) === process.argv[1]) {
  const url = process.env.DATABASE_URL;
  if (!url) {
    console.error("DATABASE_URL is not set. `npm start` sets it for the embedded database; otherwise export it.");
    process.exit(1);
  }
  seedDemo(url)
    .then(() => console.log("PP-18 demo loaded."))
    .catch((error: unknown) => {
      console.error(error);
      process.exit(1);
    });
}
