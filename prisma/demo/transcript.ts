// The PP-18 archive's transcripts (docs/decisions/041-transcript.md): caption cues on the floor
// and in French, as a captioner would have sent them through the hearing, then a transcript per
// language cut from them by the app's own rule (lib/transcripts/segments.ts). The floor's is
// official, the French one is not (one part corrected by the secretariat), so both labels show.
// Fictional words, marked as demo content; written with 2018 dates, once: cues already there
// (the captions' own demo) are used as they are, and an existing transcript is left alone.
// Relative imports only: this runs under tsx, outside Next.
import type { PrismaClient } from "../../lib/db/client";
import { buildSegments } from "../../lib/transcripts/segments";

const DEMO = "[Demo transcript] ";

/** What each candidate says, by language: the opening, three points, the close. */
const PRESENTATION = {
  floor: [
    `${DEMO}Thank you, Chair. Distinguished delegates, it is an honour to present my candidature to you.`,
    "My first priority is to connect the people who are still offline, with every Sector of the Union working together.",
    "Second, spectrum: the Radio Regulations must keep pace with satellites and new mobile networks, fairly for every region.",
    "Third, a Union that is transparent and efficient, with results the Member States can measure. Thank you.",
  ],
  fr: [
    `${DEMO}Merci, Monsieur le Président. Mesdames et Messieurs les délégués, c'est un honneur de vous présenter ma candidature.`,
    "Ma première priorité est de connecter les personnes encore hors ligne, avec tous les Secteurs de l'Union.",
    "Deuxièmement, le spectre : le Règlement des radiocommunications doit suivre les satellites et les nouveaux réseaux mobiles, équitablement pour chaque région.",
    "Troisièmement, une Union transparente et efficace, dont les États Membres peuvent mesurer les résultats. Je vous remercie.",
  ],
} as const;

/** The chair puts the question; the candidate answers (three answers, in turn). */
const QUESTION = {
  floor: {
    put: `${DEMO}The next question comes from the list drawn for this candidate.`,
    answers: [
      "Thank you for this question. I would start with the countries that need it most, and report to the Council every year on the results.",
      "That is a fair concern. Gender balance and geographical distribution would be objectives with dates, not intentions.",
      "I would work with the regional offices and the Sector Members, and publish what was spent and what it achieved.",
    ],
  },
  fr: {
    put: `${DEMO}La question suivante est tirée de la liste de ce candidat.`,
    answers: [
      "Merci de cette question. Je commencerais par les pays qui en ont le plus besoin, et je rendrais compte au Conseil chaque année.",
      "C'est une préoccupation légitime. La parité et la répartition géographique seraient des objectifs datés, pas des intentions.",
      "Je travaillerais avec les bureaux régionaux et les Membres de Secteur, et je publierais ce qui a été dépensé et ce qui a été obtenu.",
    ],
  },
} as const;

const LANGUAGES = ["floor", "fr"] as const;

export const PP18_TRANSCRIPTS = {
  builtAt: new Date("2018-10-30T09:00:00Z"),
  /** The floor's, checked against the recording and marked official before the record closed (5 November). */
  floorOfficialAt: new Date("2018-11-02T10:00:00Z"),
  frCorrectedAt: new Date("2018-10-31T08:00:00Z"),
} as const;

type Cue = { startAt: Date; endAt: Date; text: string };
const plus = (d: Date, ms: number) => new Date(d.getTime() + ms);

/** The cues of one language across the hearing: the chair's opening, each presentation, each question. */
function demoCues(
  language: (typeof LANGUAGES)[number],
  slots: { candidateId: string; presentationStartedAt: Date | null; qaStartedAt: Date | null; finishedAt: Date | null }[],
  questions: { candidateId: string; shownAt: Date | null }[],
  startedAt: Date,
): Cue[] {
  const cues: Cue[] = [
    {
      startAt: plus(startedAt, 30_000),
      endAt: plus(startedAt, 36_000),
      text: `${DEMO}${language === "fr" ? "La séance est ouverte." : "The hearing is open."}`,
    },
  ];
  for (const slot of slots) {
    if (!slot.presentationStartedAt || !slot.qaStartedAt) continue;
    const span = slot.qaStartedAt.getTime() - slot.presentationStartedAt.getTime();
    PRESENTATION[language].forEach((text, i) => {
      const at = plus(slot.presentationStartedAt as Date, 8_000 + Math.floor(((span - 40_000) * i) / 3));
      cues.push({ startAt: at, endAt: plus(at, 7_000), text });
    });
    const asked = questions
      .filter((q) => q.candidateId === slot.candidateId && q.shownAt)
      .sort((a, b) => (a.shownAt as Date).getTime() - (b.shownAt as Date).getTime());
    asked.forEach((q, i) => {
      const shown = q.shownAt as Date;
      cues.push({ startAt: plus(shown, 2_000), endAt: plus(shown, 7_000), text: QUESTION[language].put });
      const answer = QUESTION[language].answers[i % QUESTION[language].answers.length] ?? "";
      cues.push({ startAt: plus(shown, 40_000), endAt: plus(shown, 48_000), text: answer });
    });
  }
  return cues;
}

export async function seedPp18Transcripts(prisma: PrismaClient, conferenceId: string): Promise<void> {
  const hearing = await prisma.hearing.findFirst({
    where: { conferenceId, rehearsal: false, status: "ENDED" },
    select: {
      id: true,
      startedAt: true,
      _count: { select: { transcripts: true, captionCues: true } },
      slots: { select: { candidateId: true, presentationStartedAt: true, qaStartedAt: true, finishedAt: true } },
      questions: { where: { drawId: { not: null }, shownAt: { not: null } }, select: { id: true, candidateId: true, shownAt: true } },
    },
  });
  if (!hearing?.startedAt || hearing._count.transcripts > 0) return;
  const { id: hearingId, slots, questions, startedAt } = hearing;
  await prisma.$transaction(
    async (tx) => {
      if (hearing._count.captionCues === 0) {
        for (const language of LANGUAGES) {
          const cues = demoCues(language, slots, questions, startedAt);
          await tx.captionCue.createMany({ data: cues.map((c, seq) => ({ hearingId, language, seq, ...c, createdAt: c.endAt })) });
        }
      }
      for (const language of LANGUAGES) {
        const cues = await tx.captionCue.findMany({
          where: { hearingId, language },
          orderBy: { seq: "asc" },
          select: { startAt: true, endAt: true, text: true },
        });
        if (cues.length === 0) continue;
        const { segments, unassigned } = buildSegments({ slots, questions, cues });
        const official = language === "floor";
        const transcript = await tx.transcript.create({
          data: {
            hearingId,
            language,
            builtAt: PP18_TRANSCRIPTS.builtAt,
            cueCount: cues.length,
            unassignedCount: unassigned,
            officialAt: official ? PP18_TRANSCRIPTS.floorOfficialAt : null,
            // Built, then marked official (the floor) or one part corrected (French): two changes each.
            version: 2,
            createdAt: PP18_TRANSCRIPTS.builtAt,
          },
          select: { id: true },
        });
        await tx.transcriptSegment.createMany({
          data: segments.map((s, position) => {
            // The French interpretation's first part, corrected by the secretariat.
            const corrected = !official && position === 0 && s.text !== "";
            return {
              transcriptId: transcript.id,
              position,
              ...s,
              text: corrected ? s.text.replace("les personnes encore hors ligne", "les 3,7 milliards de personnes encore hors ligne") : s.text,
              builtText: s.text,
              version: corrected ? 2 : 1,
              editedAt: corrected ? PP18_TRANSCRIPTS.frCorrectedAt : null,
            };
          }),
        });
      }
    },
    { timeout: 60_000 },
  );
}
