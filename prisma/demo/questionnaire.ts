// The common questionnaire in the demo (docs/fairness.md#common-questionnaire,
// docs/decisions/047-common-questionnaire.md). In the live demo: a first round whose deadline
// passed a few days before the load, so the public page shows the answers side by side (one
// candidate gave none), and a second round still open, answered by some candidates — not by the
// candidate the demo's candidate account is bound to, who can answer it. In the PP-18 archive:
// one completed round, closed before the hearing. Every candidate in both is fictional and marked
// as demo content, and every answer starts with the demo label (docs/demo-content.md).
// Idempotent: a conference that already has a round is left as it is. Relative imports only:
// prisma/seed.ts runs this under tsx.
import { randomUUID } from "node:crypto";
import type { PrismaClient } from "../../lib/db/client";

const DAY_MS = 86_400_000;
const DEMO = "[Demo content — a fictional candidate.]";

type Texts = { en: string; fr: string; es: string; ru: string; zh: string; ar: string };

const FIRST_PRIORITY: Texts = {
  en: "What would you change first in your first year, and how will the Member States know whether it worked?",
  fr: "Que changeriez-vous en premier au cours de votre première année, et comment les États Membres sauront-ils si cela a fonctionné ?",
  es: "¿Qué cambiaría primero en su primer año y cómo sabrán los Estados Miembros si ha funcionado?",
  ru: "Что вы измените в первую очередь в первый год работы и как Государства-Члены узнают, удалось ли это?",
  zh: "您在任职第一年会首先改变什么？成员国如何知道这一改变是否奏效？",
  ar: "ما الذي ستغيّره أولًا في سنتك الأولى، وكيف ستعرف الدول الأعضاء ما إذا كان ذلك قد نجح؟",
};

const ACCESSIBILITY: Texts = {
  en: "How will you make the Union's meetings and documents accessible to people with disabilities?",
  fr: "Comment rendrez-vous les réunions et les documents de l'Union accessibles aux personnes handicapées ?",
  es: "¿Cómo hará que las reuniones y los documentos de la Unión sean accesibles para las personas con discapacidad?",
  ru: "Как вы сделаете заседания и документы Союза доступными для людей с инвалидностью?",
  zh: "您将如何使国际电联的会议和文件对残疾人无障碍？",
  ar: "كيف ستجعل اجتماعات الاتحاد ووثائقه في متناول الأشخاص ذوي الإعاقة؟",
};

const BUDGET: Texts = {
  en: "If the Union's budget were cut by a tenth, what would you stop doing?",
  fr: "Si le budget de l'Union était réduit d'un dixième, que cesseriez-vous de faire ?",
  es: "Si el presupuesto de la Unión se recortara en una décima parte, ¿qué dejaría de hacer?",
  ru: "Если бюджет Союза сократят на десятую часть, от чего вы откажетесь?",
  zh: "如果国际电联的预算削减十分之一，您会停止做什么？",
  ar: "إذا خُفّضت ميزانية الاتحاد بمقدار العُشر، فما الذي ستتوقف عن فعله؟",
};

/** Written for the secretary-general candidates who answer the round's second question. */
const ACCESSIBILITY_ANSWERS = [
  "Every document published in the six languages on the same day, in a format screen readers read, and captions on every webcast, live and recorded.",
  "A budget line of its own for sign language and captioning at every conference, reported each year, and an accessibility review of the website by its users.",
];

const BUDGET_ANSWERS = [
  "I would stop printing: every document already exists online, and the savings would be published line by line.",
  "Fewer meetings in person for the study groups between conferences, with their remote participation kept at the same standard.",
];

/** The candidate's theme, as the demo wrote it in each language: the first line of the vision after the demo label. */
function themeOf(vision: string): string | null {
  const lines = vision
    .split(DEMO)
    .join("")
    .split(/\n+/)
    .map((l) => l.trim());
  return lines.find((l) => l !== "") ?? null;
}

type DemoCandidate = { id: string; name: string; post: { id: string; code: string }; profiles: { locale: string; vision: string }[] };

const declared = { declaredNoSymbols: true, declaredNoResources: true };

/** Each candidate's theme as the answer to `questionId`, in every language of their published profile, but `silent`'s. */
function themeAnswers(questionId: string, candidates: DemoCandidate[], silent: DemoCandidate, createdAt: (i: number) => Date) {
  return candidates
    .filter((c) => c.id !== silent.id)
    .flatMap((c, i) =>
      c.profiles.flatMap((p) => {
        const theme = themeOf(p.vision);
        return theme ? [{ questionId, candidateId: c.id, language: p.locale, body: `${DEMO}\n\n${theme}`, createdAt: createdAt(i), ...declared }] : [];
      }),
    );
}

/** The one who gave no answer, so the page shows "no answer": the last candidate for the BDT, or the last of all. */
function silentOf(candidates: DemoCandidate[]): DemoCandidate {
  const bdt = candidates.filter((c) => c.post.code === "BDT");
  return (bdt.length > 0 ? bdt : candidates).at(-1)!;
}

const CANDIDATE_FIELDS = {
  id: true,
  name: true,
  post: { select: { id: true, code: true } },
  user: { select: { id: true } },
  profiles: { where: { publishedAt: { not: null } }, select: { locale: true, vision: true } },
} as const;

export type QuestionnaireDemoContext = { conferenceId: string; now?: Date };

export async function seedQuestionnaireDemo(prisma: PrismaClient, ctx: QuestionnaireDemoContext): Promise<{ created: boolean }> {
  if ((await prisma.questionnaire.count({ where: { conferenceId: ctx.conferenceId } })) > 0) return { created: false };
  const now = ctx.now ?? new Date();
  const at = (days: number) => new Date(now.getTime() + days * DAY_MS);
  const candidates = await prisma.candidate.findMany({
    where: { conferenceId: ctx.conferenceId, isDemo: true, status: "FORMAL" },
    orderBy: [{ post: { sortOrder: "asc" } }, { name: "asc" }],
    select: CANDIDATE_FIELDS,
  });
  if (candidates.length === 0) return { created: false };
  const sg = candidates.filter((c) => c.post.code === "SG");
  const sgPostId = sg[0]?.post.id ?? null;

  const closed = { id: randomUUID(), number: 1, deadlineAt: at(-4) };
  const open = { id: randomUUID(), number: 2, deadlineAt: at(14) };
  const q = { priority: randomUUID(), accessibility: randomUUID(), budget: randomUUID() };
  await prisma.questionnaire.createMany({
    data: [closed, open].map((r) => ({ ...r, conferenceId: ctx.conferenceId, createdAt: at(-20) })),
  });
  await prisma.questionnaireQuestion.createMany({
    data: [
      { id: q.priority, questionnaireId: closed.id, position: 1, texts: FIRST_PRIORITY, postId: null, publishedAt: at(-18), createdAt: at(-19) },
      { id: q.accessibility, questionnaireId: closed.id, position: 2, texts: ACCESSIBILITY, postId: sgPostId, publishedAt: at(-18), createdAt: at(-19) },
      { id: q.budget, questionnaireId: open.id, position: 1, texts: BUDGET, postId: null, publishedAt: at(-2), createdAt: at(-3) },
    ],
  });

  // Round 1: each candidate's theme in every language of their profile — except one candidate for
  // the BDT, who gave no answer (the page says so) — and the accessibility question for two of
  // the secretary-general candidates only.
  const round1 = themeAnswers(q.priority, candidates, silentOf(candidates), (i) => at(-10 + (i % 5)));
  const round1Sg = sg.slice(0, 2).map((c, i) => ({
    questionId: q.accessibility,
    candidateId: c.id,
    language: "en",
    body: `${DEMO}\n\n${ACCESSIBILITY_ANSWERS[i]}`,
    format: "PLAIN" as const,
    createdAt: at(-9),
    ...declared,
  }));
  // Round 2, still open: two candidates have answered (hidden until the deadline); the one bound
  // to the demo's candidate account has not, so signing in as it shows the form.
  const bound = candidates.find((c) => c.user !== null);
  const round2 = candidates
    .filter((c) => c.id !== bound?.id)
    .slice(0, 2)
    .map((c, i) => ({ questionId: q.budget, candidateId: c.id, language: "en", body: `${DEMO}\n\n${BUDGET_ANSWERS[i]}`, createdAt: at(-1), ...declared }));
  await prisma.questionnaireAnswer.createMany({
    data: [...round1, ...round1Sg, ...round2].map((a) => ({ ...a, id: randomUUID(), updatedAt: a.createdAt })),
  });
  return { created: true };
}

/** PP-18's archive: the deadline three weeks before the opening, so the hearing's candidates had answered. */
const ARCHIVE = {
  createdAt: new Date("2018-10-02T06:00:00Z"),
  publishedAt: new Date("2018-10-02T08:00:00Z"),
  /** 23:59 in Dubai on 21 October 2018. */
  deadlineAt: new Date("2018-10-21T19:59:00Z"),
  answeredFrom: new Date("2018-10-08T07:00:00Z"),
};

/**
 * The PP-18 archive's completed questionnaire: one round, closed before the hearing, answered by
 * its fictional formal candidates (every answer and candidate labelled as demo content, as the
 * archive's questions are, docs/demo-content.md), one without an answer.
 */
export async function seedArchiveQuestionnaire(prisma: PrismaClient, conferenceId: string): Promise<{ created: boolean }> {
  if ((await prisma.questionnaire.count({ where: { conferenceId } })) > 0) return { created: false };
  const candidates = await prisma.candidate.findMany({
    where: { conferenceId, isDemo: true, status: "FORMAL" },
    orderBy: [{ post: { sortOrder: "asc" } }, { name: "asc" }],
    select: CANDIDATE_FIELDS,
  });
  if (candidates.length === 0) return { created: false };
  const round = { id: randomUUID(), number: 1, deadlineAt: ARCHIVE.deadlineAt, conferenceId, createdAt: ARCHIVE.createdAt };
  const sg = candidates.filter((c) => c.post.code === "SG");
  const q = { priority: randomUUID(), accessibility: randomUUID() };
  await prisma.questionnaire.create({ data: round });
  await prisma.questionnaireQuestion.createMany({
    data: [
      {
        id: q.priority,
        questionnaireId: round.id,
        position: 1,
        texts: FIRST_PRIORITY,
        postId: null,
        publishedAt: ARCHIVE.publishedAt,
        createdAt: ARCHIVE.createdAt,
      },
      {
        id: q.accessibility,
        questionnaireId: round.id,
        position: 2,
        texts: ACCESSIBILITY,
        postId: sg[0]?.post.id ?? null,
        publishedAt: ARCHIVE.publishedAt,
        createdAt: ARCHIVE.createdAt,
      },
    ],
  });
  const day = (i: number) => new Date(ARCHIVE.answeredFrom.getTime() + (i % 10) * DAY_MS);
  const answers = [
    ...themeAnswers(q.priority, candidates, silentOf(candidates), day),
    ...sg.slice(0, 2).map((c, i) => ({
      questionId: q.accessibility,
      candidateId: c.id,
      language: "en",
      body: `${DEMO}\n\n${ACCESSIBILITY_ANSWERS[i]}`,
      createdAt: day(i + 3),
      ...declared,
    })),
  ];
  await prisma.questionnaireAnswer.createMany({ data: answers.map((a) => ({ ...a, id: randomUUID(), updatedAt: a.createdAt })) });
  return { created: true };
}
