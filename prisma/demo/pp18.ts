// The real PP-18 (Dubai, 29 October – 16 November 2018) as a completed, archived conference:
// real dates, posts, nominating Member States and rules (docs/domain.md); fictional candidates
// and questions, marked as demo content. Every record is written with the date it would have
// had in 2018 — committed before the running order was drawn, drawn before the start, the
// questions drawn in the hearing, the seed revealed after its end, the record and the
// conference closed afterwards — rather than through the services, which stamp "now".
// The draws are made with the app's own algorithm (lib/draw/verifiable-draw.ts), so the
// verification page re-runs them as it re-runs real ones (docs/draw-specification.md).
// Relative imports only: this runs under tsx, outside Next.
import { createHash } from "node:crypto";
import type { PrismaClient } from "../../lib/db/client";
import { ALGORITHM, createSeed, drawQuestions, normaliseEntropy, seedHash, sortIds } from "../../lib/draw/verifiable-draw";
import { buildChapters, chaptersVtt } from "../../lib/hearings/chapters";
import { writeRunningOrder } from "../../lib/hearings/write-running-order";
import { storeDemoBrochure, storeDemoPhoto } from "./content";
import { DEMO_CANDIDATES, DEMO_CONFERENCE, DEMO_HEARING, ELECTED_POSTS, REGIONAL_POSTS } from "../demo-data";

const MINUTE = 60_000;
const at = (iso: string) => new Date(iso);
const plus = (d: Date, ms: number) => new Date(d.getTime() + ms);

/** The archive's calendar (UTC; Dubai is UTC+4). */
export const PP18_ARCHIVE = {
  /** The secretariat commits the seed three days before the hearing (12:00 in Dubai)… */
  seedCommittedAt: at("2018-10-25T08:00:00Z"),
  /** …and draws the running order under it ten minutes later, with the dice rolled in the room. */
  runningOrderDrawnAt: at("2018-10-25T08:10:00Z"),
  /** The chair opens the hearing at 09:30 in Dubai, as scheduled. */
  startedAt: at(DEMO_HEARING.startsAt),
  /** The presenting candidates published their brochures after the candidature deadline (1 October), before the hearing. */
  brochuresPublishedAt: at("2018-10-08T06:00:00Z"),
  /** The recording began two minutes before the start. */
  recordingStartedAt: at("2018-10-28T05:28:00Z"),
  /** The seed is revealed on the afternoon of the hearing, after its end. */
  seedRevealedAt: at("2018-10-28T12:00:00Z"),
  costsEnteredAt: at("2018-10-30T07:00:00Z"),
  recordClosedAt: at("2018-11-05T09:00:00Z"),
  /** The conference closes as a read-only record a week after its last day. */
  conferenceClosedAt: at("2018-11-23T10:00:00Z"),
  /**
   * A short stand-in the portal serves itself (the 2018 hearing's own recording is not the demo's
   * to ship): the floor and an interpretation into each of the six languages, so the replay shows
   * the audio choice offline (scripts/media/make-interpretation-fixture.sh), repeated for as long as
   * the hearing's recording ran (lib/media/stand-in.ts), so that every chapter opens inside it.
   */
  standInRecording: (chapters: readonly { endMs: number }[]) => `/media/stand-in/${Math.ceil((chapters.at(-1)?.endMs ?? 0) / 1000) + 60}/master.m3u8`,
  /** PP-18's hearing was interpreted into the Union's six languages. */
  interpretationLanguages: ["ar", "en", "es", "fr", "ru", "zh"],
  /** The dice's digits typed by the chair at each candidate's question draw, in running order. */
  questionEntropy: ["4 1 6 2", "2 5 5 3", "6 3 1 1", "1 4 2 6", "5 6 3 4", "3 2 6 5", "6 1 4 4", "2 2 5 1", "4 5 3 6"],
  /** One extension, in the Q&A of the fourth candidate, with its reason. */
  extension: { position: 4, addedMs: MINUTE, reason: "Interpretation into Arabic interrupted for one minute; time given back." },
  /** Costs in Swiss francs, in centimes (shared equally by the presenting states, ¶6). */
  costs: [
    { category: "INTERPRETATION", description: "Interpretation in the six official languages (5 hours, 6 booths)", amountMinor: 1_845_000n },
    { category: "ROOM", description: "Hall and technical staff, Dubai World Trade Centre", amountMinor: 720_000n },
    { category: "OTHER", description: "Webcast and recording", amountMinor: 335_050n },
  ],
} as const;

const DEMO_Q = "[Demo question] ";

/** Questions as the room and the webcast sent them: several languages, fictional askers. */
const QUESTION_POOL: { source: "ROOM" | "WEBCAST"; askerName: string; askerOrigin: string; body: string }[] = [
  {
    source: "ROOM",
    askerName: "Delegate of Chile",
    askerOrigin: "Chile",
    body: "How would you measure whether the Union has closed the gap for the least connected countries by the end of your term?",
  },
  {
    source: "WEBCAST",
    askerName: "A. Diallo",
    askerOrigin: "Senegal",
    body: "Quelle place donnerez-vous au français et aux autres langues officielles dans les documents de travail ?",
  },
  {
    source: "ROOM",
    askerName: "Delegate of Fiji",
    askerOrigin: "Fiji",
    body: "What will you do in your first hundred days for small island developing states?",
  },
  {
    source: "WEBCAST",
    askerName: "M. Rodríguez",
    askerOrigin: "Mexico",
    body: "¿Cómo garantizará que las pequeñas administraciones participen en las comisiones de estudio?",
  },
  { source: "ROOM", askerName: "Delegate of Egypt", askerOrigin: "Egypt", body: "كيف ستضمنون الشفافية في ميزانية الاتحاد؟" },
  {
    source: "WEBCAST",
    askerName: "O. Petrova",
    askerOrigin: "Russian Federation",
    body: "Как вы будете учитывать мнения малых администраций при распределении ресурсов?",
  },
  { source: "ROOM", askerName: "Delegate of Viet Nam", askerOrigin: "Viet Nam", body: "Which one decision of the last four years would you reverse, and why?" },
  { source: "WEBCAST", askerName: "Li Wen", askerOrigin: "China", body: "您将如何提高国际电联工作的透明度？" },
];

function repeatHash(body: string): string {
  // As lib/abuse/repeat.ts hashes a question (plain text here: no clean-up needed).
  return createHash("sha256").update(body.normalize("NFKC").toLowerCase().replace(/\s+/g, " ").trim()).digest("hex");
}

/** The conference, its posts and its candidates. Idempotent: what exists is left as it is. */
export async function seedPp18Conference(prisma: PrismaClient, states: Map<string, string>) {
  const data = {
    name: DEMO_CONFERENCE.name,
    city: DEMO_CONFERENCE.city,
    opensOn: new Date(DEMO_CONFERENCE.opensOn),
    closesOn: new Date(DEMO_CONFERENCE.closesOn),
    timeZone: DEMO_CONFERENCE.timeZone,
  };
  // An archive: never the current conference (the live demo is, docs/decisions/012). Only
  // created, never overwritten: the secretariat may have edited it since.
  const conference = await prisma.conference.upsert({
    where: { slug: DEMO_CONFERENCE.slug },
    create: { slug: DEMO_CONFERENCE.slug, ...data, isCurrent: false },
    update: {},
    select: { id: true },
  });
  const posts = await seedPosts(prisma, conference.id);
  const candidates = await seedCandidates(prisma, conference.id, posts, states);
  await seedBrochures(prisma, conference.id);
  return { conferenceId: conference.id, candidates };
}

/** The brochure's text: the demo notice, the candidate's vision and biography, the conference. */
function brochureParagraphs(c: (typeof DEMO_CANDIDATES)[number]): string[] {
  const DEMO_NOTICE = "[Demo content — a fictional candidate.]";
  const lines = (text: string) => text.split("\n").filter((line) => line.trim() !== "" && line !== DEMO_NOTICE);
  return [
    DEMO_NOTICE,
    ...lines(c.vision),
    ...lines(c.biography),
    `Programme published for the ${DEMO_CONFERENCE.name}, ${DEMO_CONFERENCE.city}, 29 October – 16 November 2018.`,
  ];
}

/**
 * A generated PDF brochure (docs/demo-content.md) for every formal candidate of an elected
 * post — those who presented at the hearing — published in 2018 with both declarations, as a
 * candidate's own would be. Added to any such candidate who has none, so an archive loaded
 * before brochures existed gets them too; one that has a brochure is left as it is.
 */
async function seedBrochures(prisma: PrismaClient, conferenceId: string): Promise<void> {
  const presenting = await prisma.candidate.findMany({
    where: { conferenceId, isDemo: true, status: "FORMAL", post: { kind: "ELECTED_OFFICIAL" }, materials: { none: { kind: "BROCHURE" } } },
    select: { id: true, name: true, post: { select: { code: true } } },
  });
  const publishedAt = PP18_ARCHIVE.brochuresPublishedAt;
  for (const candidate of presenting) {
    const c = DEMO_CANDIDATES.find((d) => d.name === candidate.name);
    if (!c) continue;
    const post = ELECTED_POSTS.find((p) => p.code === candidate.post.code)?.names.en ?? candidate.post.code;
    const file = await storeDemoBrochure({ title: `${c.name}: programme (demo)`, candidateName: c.name, post, paragraphs: brochureParagraphs(c) });
    await prisma.material.create({
      data: {
        candidateId: candidate.id,
        kind: "BROCHURE",
        title: "Programme brochure (demo)",
        language: "en",
        ...file,
        declaredNoSymbols: true,
        declaredNoResources: true,
        state: "PUBLISHED",
        publishedAt,
        createdAt: publishedAt,
        updatedAt: publishedAt,
      },
    });
  }
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
  for (const [index, c] of DEMO_CANDIDATES.entries()) {
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
    // A generated portrait (docs/demo-content.md), stored as an upload would be.
    const photoKey = c.status === "FORMAL" ? await storeDemoPhoto(c.name, index) : null;
    const created = await prisma.candidate.create({
      data: {
        conferenceId,
        photoKey,
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

type Actors = { chairId: string | undefined; secretariatId: string | undefined };

/**
 * The hearing of 28 October 2018 from set-up to closed record, then the conference closed.
 * Written once: an existing hearing is left as it is.
 */
export async function seedPp18Archive(prisma: PrismaClient, conferenceId: string, { chairId, secretariatId }: Actors): Promise<void> {
  const existing = await prisma.hearing.findFirst({ where: { conferenceId }, select: { id: true } });
  if (existing) return;
  const A = PP18_ARCHIVE;
  // Every formal candidate for the five elected posts presents (¶6), as presentersOf counts them.
  const presenting = await prisma.candidate.findMany({
    where: { conferenceId, status: "FORMAL", post: { kind: "ELECTED_OFFICIAL", retiredAt: null } },
    select: { id: true, name: true, memberStateId: true },
    orderBy: { name: "asc" },
  });
  const seed = createSeed();
  const commitment = seedHash(seed);
  const orderEntropy = normaliseEntropy(DEMO_HEARING.runningOrderEntropy);
  if (!orderEntropy) throw new Error("The demo's dice digits are not valid entropy");

  await prisma.$transaction(
    async (tx) => {
      const hearing = await tx.hearing.create({
        data: {
          conferenceId,
          startsAt: A.startedAt,
          presentationMinutes: DEMO_HEARING.presentationMinutes,
          qaMinutes: DEMO_HEARING.qaMinutes,
          questionsPerCandidate: DEMO_HEARING.questionsPerCandidate,
          venue: DEMO_HEARING.venue,
          chairId: chairId ?? null,
          webcastAccess: "PUBLIC",
          seedHash: commitment,
          seedCommittedAt: A.seedCommittedAt,
          createdAt: at("2018-10-01T08:00:00Z"),
          slots: { create: presenting.map((c) => ({ candidateId: c.id })) },
        },
        select: { id: true },
      });
      const hearingId = hearing.id;

      // The running order, drawn under the commitment as the secretariat's draw writes it.
      const orderDraw = await writeRunningOrder(tx, {
        hearingId,
        seed,
        seedHash: commitment,
        entropy: orderEntropy,
        presenterIds: presenting.map((c) => c.id),
        actorId: secretariatId ?? null,
      });
      await tx.draw.update({ where: { id: orderDraw.id }, data: { createdAt: A.runningOrderDrawnAt } });

      const slots = await tx.hearingSlot.findMany({
        where: { hearingId },
        select: { id: true, candidateId: true, position: true },
        orderBy: { position: "asc" },
      });
      const plannedPresentation = DEMO_HEARING.presentationMinutes * MINUTE;
      const plannedQa = DEMO_HEARING.qaMinutes * MINUTE;
      let clock = plus(A.startedAt, 3 * MINUTE);
      let questionNo = 0;

      for (const [index, slot] of slots.entries()) {
        const position = slot.position ?? index + 1;
        // Equal time: each presentation a little under the fifteen minutes, the Q&A in full.
        const presentationActualMs = plannedPresentation - ((index * 37_000) % (50_000 + index * 1000));
        const extended = position === A.extension.position;
        const qaActualMs = plannedQa + (extended ? A.extension.addedMs : 0) - (index % 3) * 4_000;
        const presentationStartedAt = clock;
        const qaStartedAt = plus(presentationStartedAt, presentationActualMs + 20_000);
        const finishedAt = plus(qaStartedAt, qaActualMs);
        await tx.hearingSlot.update({
          where: { id: slot.id },
          data: { presentationStartedAt, presentationActualMs, qaStartedAt, qaActualMs, finishedAt },
        });
        if (extended) {
          await tx.hearingExtension.create({
            data: {
              slotId: slot.id,
              phase: "QA",
              addedMs: A.extension.addedMs,
              reason: A.extension.reason,
              actorId: chairId ?? null,
              at: plus(qaStartedAt, 6 * MINUTE),
            },
          });
        }

        // The candidate's queue: six questions sent before the draw, four approved, one set
        // aside (off topic), and on two candidates one left pending when the chair drew.
        const asked = Array.from({ length: 6 }, (_, n) => QUESTION_POOL[(index + n) % QUESTION_POOL.length] as (typeof QUESTION_POOL)[number]);
        const statuses = [
          "APPROVED",
          "APPROVED",
          "APPROVED",
          "APPROVED",
          index % 3 === 0 ? "SET_ASIDE" : "APPROVED",
          index % 4 === 1 ? "PENDING" : "APPROVED",
        ] as const;
        const created: { id: string; status: string }[] = [];
        for (const [n, q] of asked.entries()) {
          questionNo += 1;
          const body = `${DEMO_Q}${q.body}`;
          const row = await tx.hearingQuestion.create({
            data: {
              hearingId,
              candidateId: slot.candidateId,
              source: q.source,
              askerName: q.askerName,
              askerOrigin: q.askerOrigin,
              body,
              bodyHash: repeatHash(body),
              enteredById: q.source === "ROOM" ? (secretariatId ?? null) : null,
              status: statuses[n] ?? "APPROVED",
              createdAt: plus(A.startedAt, -(2 * 60 - questionNo) * MINUTE + index * 30 * MINUTE),
            },
            select: { id: true, status: true },
          });
          created.push(row);
        }

        // The chair draws the questions just before the Q&A, with the dice's digits.
        const entropy = normaliseEntropy(A.questionEntropy[index % A.questionEntropy.length] ?? "1234");
        if (!entropy) throw new Error("The demo's dice digits are not valid entropy");
        const eligibleIds = sortIds(created.filter((q) => q.status === "APPROVED").map((q) => q.id));
        const count = Math.min(DEMO_HEARING.questionsPerCandidate, eligibleIds.length);
        const result = drawQuestions({ seed, kind: "QUESTIONS", hearingId, candidateId: slot.candidateId, entropy, eligibleIds, count });
        const draw = await tx.draw.create({
          data: {
            hearingId,
            kind: "QUESTIONS",
            candidateId: slot.candidateId,
            eligibleIds,
            count,
            result,
            algorithm: ALGORITHM,
            seedHash: commitment,
            entropy,
            pendingCount: created.filter((q) => q.status === "PENDING").length,
            setAsideCount: created.filter((q) => q.status === "SET_ASIDE").length,
            actorId: chairId ?? null,
            createdAt: plus(qaStartedAt, -10_000),
          },
          select: { id: true },
        });
        // Each drawn question put and answered in turn within the Q&A.
        const each = Math.floor(qaActualMs / count);
        for (const [n, id] of result.entries()) {
          const shownAt = plus(qaStartedAt, n * each + 5_000);
          await tx.hearingQuestion.update({
            where: { id },
            data: { status: "ANSWERED", drawId: draw.id, drawPosition: n + 1, shownAt, answeredAt: plus(shownAt, each - 15_000) },
          });
        }
        clock = plus(finishedAt, 2 * MINUTE);
      }

      // Ended, the seed revealed, the recording placed with one chapter per candidate.
      const ended = await tx.hearingSlot.findMany({
        where: { hearingId },
        select: { candidateId: true, position: true, presentationStartedAt: true, finishedAt: true, candidate: { select: { name: true } } },
      });
      const { chapters, problems } = buildChapters({
        slots: ended.map((s) => ({ ...s, name: s.candidate.name })),
        recordingStartedAt: A.recordingStartedAt,
        offsets: {},
      });
      if (problems.length > 0) throw new Error(`The archive's chapters do not fit: ${JSON.stringify(problems)}`);
      const costStateIds = [...new Set(presenting.map((c) => c.memberStateId))].sort();
      await tx.hearing.update({
        where: { id: hearingId },
        data: {
          status: "ENDED",
          phase: "IDLE",
          startedAt: A.startedAt,
          costStateIds,
          stateVersion: 1 + slots.length * 5,
          seed,
          sealedSeed: null,
          seedRevealedAt: A.seedRevealedAt,
          recordingUrl: A.standInRecording(chapters),
          interpretationLanguages: [...A.interpretationLanguages],
          chaptersVtt: chaptersVtt(chapters),
          closedAt: A.recordClosedAt,
        },
      });
      for (const c of A.costs) {
        await tx.costItem.create({
          data: {
            hearingId,
            category: c.category,
            description: c.description,
            amountMinor: c.amountMinor,
            currency: "CHF",
            createdById: secretariatId ?? null,
            createdAt: A.costsEnteredAt,
          },
        });
      }
      // Closing sets only closedAt (lib/conferences/close-conference.ts); it stays not current.
      await tx.conference.update({ where: { id: conferenceId }, data: { closedAt: A.conferenceClosedAt } });
    },
    { timeout: 60_000 },
  );
}
