import { readFileSync } from "node:fs";
import { fileURLToPath } from "node:url";
import { createDb, type PrismaClient } from "../lib/db/client";
import { sealingKeyFrom, type SealingSource } from "../lib/draw/seal-core";
import { ADMISSIONS_AFTER_BASELINE, parseMemberStates } from "../lib/member-states/csv";
import { hashRecoveryCode } from "../lib/second-factor/recovery-core";
import { sealTotpSecretWith, totpKeyFrom, type TotpKeySource } from "../lib/second-factor/totp-core";
import { DEMO_ACCOUNTS } from "./demo-data";
import { demoPasswordHash } from "./demo/accounts";
import { seedCaptionDemo } from "./demo/captions";
import { seedClocksDemo } from "./demo/clocks";
import { seedLiveDemo } from "./demo/live";
import { seedSupportDemo } from "./demo/support";
import { seedPp18Archive, seedPp18Conference } from "./demo/pp18";
import { seedArchiveQuestionnaire, seedQuestionnaireDemo } from "./demo/questionnaire";
import { seedQuestionSources } from "./demo/sources";
import { seedPp18Transcripts } from "./demo/transcript";
import { seedQuotaDemo } from "./demo/quota";
import { seedArchivePool } from "./demo/pool";

export { DEMO_ACCOUNTS };

const CSV = new URL("../data/itu-member-states.csv", import.meta.url);

/**
 * The 194 Member States from data/itu-member-states.csv: the missing ones created in one
 * statement, an existing one updated only where the file now says otherwise (a load into a
 * loaded database makes no write).
 */
async function seedMemberStates(prisma: PrismaClient): Promise<Map<string, string>> {
  const rows = parseMemberStates(readFileSync(CSV, "utf8")).map((r) => {
    const admitted = ADMISSIONS_AFTER_BASELINE[r.iso3];
    return { iso3: r.iso3, iso2: r.iso2, nameEn: r.nameEn, region: r.region, admittedOn: admitted ? new Date(admitted) : null };
  });
  const existing = new Map(
    (await prisma.memberState.findMany({ select: { iso3: true, iso2: true, nameEn: true, region: true, admittedOn: true } })).map((s) => [s.iso3, s]),
  );
  await prisma.memberState.createMany({ data: rows.filter((r) => !existing.has(r.iso3)), skipDuplicates: true });
  for (const { iso3, ...data } of rows) {
    const found = existing.get(iso3);
    const same =
      !found ||
      (found.iso2 === data.iso2 && found.nameEn === data.nameEn && found.region === data.region && found.admittedOn?.getTime() === data.admittedOn?.getTime());
    if (!same) await prisma.memberState.update({ where: { iso3 }, data });
  }
  const states = await prisma.memberState.findMany({ select: { id: true, iso3: true } });
  return new Map(states.map((s) => [s.iso3, s.id]));
}

/**
 * A new staff demo account's second factor, already enrolled with its published key and
 * recovery codes (prisma/demo-data.ts). Without a key to seal with (no AUTH_SECRET nor
 * TOTP_SEALING_KEY), the account is left to enrol at its first sign-in.
 */
async function seedSecondFactor(prisma: PrismaClient, userId: string, account: (typeof DEMO_ACCOUNTS)[number], totpKey: Buffer | null) {
  if (!totpKey || !("totpSecret" in account)) return;
  await prisma.user.update({
    where: { id: userId },
    data: { totpSecret: sealTotpSecretWith(totpKey, userId, account.totpSecret), totpEnabledAt: new Date() },
  });
  await prisma.recoveryCode.createMany({ data: account.recoveryCodes.map((code) => ({ userId, codeHash: hashRecoveryCode(userId, code) })) });
}

async function seedUsers(prisma: PrismaClient, states: Map<string, string>, candidates: Map<string, string>, totpKey: Buffer | null) {
  const users = new Map<string, string>();
  for (const a of DEMO_ACCOUNTS) {
    const memberStateId = "memberState" in a ? (states.get(a.memberState) ?? null) : null;
    // A demo delegate is a national of the administration they belong to (the chair's
    // nationality is checked at the start, docs/decisions/014-hearing-record-integrity.md).
    const nationalityId = memberStateId;
    const candidateId = "candidate" in a ? (candidates.get(a.candidate) ?? null) : null;
    // An existing account is left as it is (its password or second factor may have been changed in the demo).
    const existing = await prisma.user.findUnique({ where: { email: a.email }, select: { id: true } });
    const user =
      existing ??
      (await prisma.user.create({
        data: {
          email: a.email,
          name: a.name,
          role: a.role,
          passwordHash: await demoPasswordHash(a),
          isStaff: "isStaff" in a ? a.isStaff : false,
          memberStateId,
          nationalityId,
          candidateId,
        },
        select: { id: true },
      }));
    if (!existing) await seedSecondFactor(prisma, user.id, a, totpKey);
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
export async function seedDemo(databaseUrl: string, { secrets = process.env }: { secrets?: SealingSource & TotpKeySource } = {}): Promise<void> {
  const sealingKey = sealingKeyFrom(secrets);
  // The app's own key for the TOTP secrets (lib/second-factor/keys.ts): TOTP_SEALING_KEY from its environment, or derived from AUTH_SECRET.
  const totpKey = totpKeyFrom({ TOTP_SEALING_KEY: secrets.TOTP_SEALING_KEY ?? process.env.TOTP_SEALING_KEY, AUTH_SECRET: secrets.AUTH_SECRET });
  const prisma = createDb(databaseUrl);
  try {
    const states = await seedMemberStates(prisma);
    const pp18 = await seedPp18Conference(prisma, states);
    const users = await seedUsers(prisma, states, pp18.candidates, totpKey);
    await seedPp18Archive(prisma, pp18.conferenceId, { chairId: users.get("CHAIR"), secretariatId: users.get("SECRETARIAT") });
    // The archive's drawn questions not reached and its written answer, before its transcripts cut what was spoken (prisma/demo/pool.ts).
    await seedArchivePool(prisma, pp18.conferenceId);
    await seedPp18Transcripts(prisma, pp18.conferenceId);
    // Its completed common questionnaire, closed before the hearing (prisma/demo/questionnaire.ts).
    await seedArchiveQuestionnaire(prisma, pp18.conferenceId);
    // What the live demo conference (dated from today, the current one) is seeded with.
    // Its hearing's question quota is set before its seed is committed (prisma/demo/quota.ts).
    const live = await seedLiveDemo(prisma, { states, sealingKey, beforeCommit: (hearingId) => seedQuotaDemo(prisma, hearingId) });
    // The captions' demo: PP-18's recorded tracks, the campaign video's, the live hearing's captioner key (docs/decisions/040-captions.md).
    await seedCaptionDemo(prisma, { pp18ConferenceId: pp18.conferenceId, liveHearingId: live.hearingId });
    // Supports on the live demo's forum questions and its follow links (docs/decisions/049-forum-support-and-follow.md).
    await seedSupportDemo(prisma);
    // The live hearing's limits per question and per answer, a candidate's split, an accommodation (docs/fairness.md#finer-clocks).
    await seedClocksDemo(prisma, { liveHearingId: live.hearingId, secretariatId: users.get("SECRETARIAT") });
    // The common questionnaire: a round past its deadline shown side by side, a round still open (docs/decisions/047-common-questionnaire.md).
    await seedQuestionnaireDemo(prisma, { conferenceId: live.conferenceId });
    // Who asked the demo hearings' questions, their consent to the open pool, the set-aside reasons (docs/fairness.md#question-sources).
    await seedQuestionSources(prisma, { pp18ConferenceId: pp18.conferenceId, liveHearingId: live.hearingId });
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
