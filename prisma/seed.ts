import { readFileSync } from "node:fs";
import { fileURLToPath } from "node:url";
import { hashPassword } from "../lib/auth/password";
import { createDb, type PrismaClient } from "../lib/db/client";
import { sealingKeyFrom, type SealingSource } from "../lib/draw/seal-core";
import { ADMISSIONS_AFTER_BASELINE, parseMemberStates } from "../lib/member-states/csv";
import { DEMO_ACCOUNTS } from "./demo-data";
import { seedLiveDemo } from "./demo/live";
import { seedPp18Archive, seedPp18Conference } from "./demo/pp18";

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

/**
 * Loads the demo: the real PP-18 as a completed, archived conference (prisma/demo/pp18.ts)
 * and the demo accounts. Idempotent: what exists is left as it is. `secrets` give the key
 * that seals a demo hearing's seed, as the app derives it (lib/draw/seal.ts); by default
 * the environment's.
 */
export async function seedDemo(databaseUrl: string, { secrets = process.env }: { secrets?: SealingSource } = {}): Promise<void> {
  const sealingKey = sealingKeyFrom(secrets);
  const prisma = createDb(databaseUrl);
  try {
    const states = await seedMemberStates(prisma);
    const pp18 = await seedPp18Conference(prisma, states);
    const users = await seedUsers(prisma, states, pp18.candidates);
    await seedPp18Archive(prisma, pp18.conferenceId, { chairId: users.get("CHAIR"), secretariatId: users.get("SECRETARIAT") });
    // What the live demo conference (dated from today, the current one) is seeded with.
    await seedLiveDemo(prisma, { states, sealingKey });
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
    .then(() => console.log("Demo loaded."))
    .catch((error: unknown) => {
      console.error(error);
      process.exit(1);
    });
}
