// Forum support and following a question in the live demo (docs/decisions/049-forum-support-and-follow.md):
// supports on several published questions, in varied numbers and from several networks, so the
// forums' "most supported" order and the candidates' "Most supported" section have something to
// show; and private follow links for four questions in four states, public by design like the
// demo passwords (docs/demo-content.md lists them). Idempotent: supports are added only to a
// question that has none, a follow link only to a question without one.
// Relative imports only: this runs under tsx, outside Next.
import { createHash } from "node:crypto";
import type { PrismaClient } from "../../lib/db/client";
import { followTokenHash } from "../../lib/forum/follow-token";
import { LIVE_DEMO_SLUG } from "./live";

/** Supports per question, by the question's text in the live demo (prisma/demo/live.ts). */
const SUPPORTS: { body: string; count: number }[] = [
  { body: "How would you make the Union's budget readable for people who are not accountants?", count: 14 },
  { body: "Quelle serait votre première décision en matière d'égalité entre les femmes et les hommes au sein du secrétariat ?", count: 9 },
  { body: "¿Qué hará para que los países pequeños participen más en las comisiones de estudio?", count: 4 },
  { body: "What target would you set for the price of 1 GB of mobile data?", count: 7 },
  { body: "Would you make all Recommendations free of charge, including the drafts?", count: 11 },
  { body: "How would you reduce the time it takes to publish meeting documents in all six languages?", count: 2 },
  { body: "En tant que candidate interne, comment garantirez-vous votre impartialité ?", count: 5 },
];

/** The demo's follow links: /<locale>/follow/<token>. Public: each opens one fictional question's page. */
export const DEMO_FOLLOW_LINKS: { token: string; body: string; state: string }[] = [
  { token: "demo-follow-answered-question-budget-readable", body: SUPPORTS[0]!.body, state: "answered" },
  { token: "demo-follow-published-question-gender-equality", body: SUPPORTS[1]!.body, state: "published" },
  {
    token: "demo-follow-waiting-question-connect-the-unconnected",
    body: "How will you measure whether the Union connects the unconnected, and who checks the numbers?",
    state: "waiting",
  },
  { token: "demo-follow-declined-question-about-an-opponent", body: "Your opponent is a liar, do you agree?", state: "declined" },
];

const sha256 = (text: string) => createHash("sha256").update(text, "utf8").digest("hex");
const DAY_MS = 24 * 60 * 60_000;

export async function seedSupportDemo(prisma: PrismaClient, { now = new Date() }: { now?: Date } = {}): Promise<void> {
  const where = { candidate: { conference: { slug: LIVE_DEMO_SLUG } } };
  for (const { body, count } of SUPPORTS) {
    const question = await prisma.forumQuestion.findFirst({
      where: { ...where, body, status: "PUBLISHED" },
      select: { id: true, publishedAt: true, _count: { select: { supports: true } } },
    });
    if (!question || question._count.supports > 0) continue;
    const since = question.publishedAt ?? new Date(now.getTime() - 10 * DAY_MS);
    const span = Math.max(60_000, now.getTime() - since.getTime());
    const rows = Array.from({ length: count }, (_, i) => ({
      questionId: question.id,
      browserHash: sha256(`hustings-demo-supporter:${question.id}:${i}`),
      // A few networks, as a venue's and a few delegations' would be.
      ipHash: sha256(`hustings-demo-network:${i % 4}`),
      createdAt: new Date(since.getTime() + Math.round(((i + 1) / (count + 1)) * span)),
    }));
    await prisma.$transaction([
      prisma.forumSupport.createMany({ data: rows, skipDuplicates: true }),
      prisma.forumQuestion.update({ where: { id: question.id }, data: { supportCount: count } }),
    ]);
  }
  for (const { token, body } of DEMO_FOLLOW_LINKS) {
    const hash = followTokenHash(token);
    if (await prisma.forumQuestion.findUnique({ where: { followTokenHash: hash }, select: { id: true } })) continue;
    const question = await prisma.forumQuestion.findFirst({ where: { ...where, body, followTokenHash: null }, select: { id: true } });
    if (question) await prisma.forumQuestion.update({ where: { id: question.id }, data: { followTokenHash: hash } });
  }
}
