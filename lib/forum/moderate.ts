import "server-only";
import { emitAudit } from "@/lib/audit/emit";
import { assertCan } from "@/lib/auth/assert";
import { mayPublishInForum } from "@/lib/campaign/rules";
import { can, type Actor } from "@/lib/auth/permissions";
import { assertCandidatureOpen } from "@/lib/conferences/lock";
import { db, type Tx } from "@/lib/db";
import type { ForumQuestionStatus } from "@/lib/db/generated/enums";
import { DomainError } from "@/lib/errors/domain-error";
import { assertConfirmed } from "@/lib/validation/confirmation";
import { parseInput } from "@/lib/validation/parse";
import { queueAnsweredNote, refreshDigest } from "./notify";
import { QUEUE_SELECT, toQueueItem, type QueueItem } from "./question-fields";
import { answerQuestionSchema, declineQuestionSchema, hideQuestionSchema, publishQuestionSchema, withdrawQuestionSchema } from "./schema";

// The candidate moderates their own forum (publish, answer, decline, withdraw; once the
// candidature is withdrawn, only decline and withdraw); the
// secretariat may only hide. Each action locks the question, checks its state, writes the
// change and its audit row in one transaction. Audit rows carry the moderator's view of the
// question (QueueItem): never the asker's e-mail address or the hash of their address.
// A closed conference's forums are read-only (docs/decisions/012): each action checks the
// conference first, before it locks the question, the order every change takes them in.

type Locked = QueueItem & { candidateId: string; askerEmail: string | null; locale: string | null; candidateName: string };

async function lockQuestion(tx: Tx, id: string): Promise<Locked | null> {
  await tx.$executeRaw`SELECT 1 FROM "ForumQuestion" WHERE id = ${id} FOR UPDATE`;
  const row = await tx.forumQuestion.findUnique({ where: { id }, select: { ...QUEUE_SELECT, locale: true, candidate: { select: { name: true } } } });
  if (!row) return null;
  return { ...toQueueItem(row), candidateId: row.candidateId, askerEmail: row.askerEmail, locale: row.locale, candidateName: row.candidate.name };
}

/**
 * The candidate's own question, locked; another candidate's reads as not found (its existence
 * is not told). The conference checked is the actor's candidature's, whatever the id names.
 */
async function lockOwnQuestion(tx: Tx, actor: Actor & { candidateId: string }, id: string): Promise<Locked> {
  await assertCandidatureOpen(tx, actor.candidateId);
  const question = await lockQuestion(tx, id);
  if (!question || !can(actor, "moderate:question:own", { candidateId: question.candidateId })) throw new DomainError("NOT_FOUND");
  return question;
}

/**
 * Publishing and answering put something new before the public: not once the candidature is
 * withdrawn (docs/domain.md#public-record). Read after the conference's share lock, which a
 * change of status waits for.
 */
async function assertMayPublish(tx: Tx, candidateId: string): Promise<void> {
  const candidate = await tx.candidate.findUnique({ where: { id: candidateId }, select: { status: true } });
  if (!candidate) throw new DomainError("NOT_FOUND");
  if (!mayPublishInForum(candidate.status)) throw new DomainError("CONFLICT", { messageKey: "forum.candidatureWithdrawn" });
}

function assertModerator(actor: Actor | null): asserts actor is Actor & { candidateId: string } {
  assertCan(actor, "moderate:question:own", { candidateId: actor?.candidateId });
  if (!actor.candidateId) throw new DomainError("FORBIDDEN");
}

function requireStatus(question: Locked, status: ForumQuestionStatus, messageKey: string) {
  if (question.status !== status) throw new DomainError("CONFLICT", { messageKey });
}

function auditView({ candidateId: _c, askerEmail: _e, locale: _l, candidateName: _n, ...view }: Locked): QueueItem {
  return view;
}

async function update(tx: Tx, id: string, data: Parameters<Tx["forumQuestion"]["update"]>[0]["data"]): Promise<QueueItem> {
  return toQueueItem(await tx.forumQuestion.update({ where: { id }, data, select: QUEUE_SELECT }));
}

/** The first answer tells the asker (when they left an address), and the address is then forgotten. */
async function noteAnswer(tx: Tx, question: Locked, answer: string): Promise<{ askerEmail?: null }> {
  if (question.answer !== null || !question.askerEmail) return {};
  await queueAnsweredNote(tx, { ...question, askerEmail: question.askerEmail, answer });
  return { askerEmail: null };
}

/** Publishes a pending question, with an answer or without one (to be answered later). */
export async function publishQuestion({ actor, input, now = new Date() }: { actor: Actor | null; input: unknown; now?: Date }): Promise<QueueItem> {
  assertModerator(actor);
  const { id, answer } = parseInput(publishQuestionSchema, input);
  return db().$transaction(async (tx) => {
    const before = await lockOwnQuestion(tx, actor, id);
    requireStatus(before, "PENDING", "forum.notPending");
    await assertMayPublish(tx, before.candidateId);
    const forget = answer ? await noteAnswer(tx, before, answer) : {};
    const after = await update(tx, id, { status: "PUBLISHED", publishedAt: now, ...(answer ? { answer, answeredAt: now } : {}), ...forget });
    await refreshDigest(tx, before.candidateId);
    const action = answer ? "published-with-answer" : "published";
    await emitAudit(tx, { actor, area: "forum", action, entity: "ForumQuestion", entityId: id, before: auditView(before), after });
    return after;
  });
}

/** Answers a published question later, or edits its answer (the answer's time stays that of the first answer). */
export async function answerQuestion({ actor, input, now = new Date() }: { actor: Actor | null; input: unknown; now?: Date }): Promise<QueueItem> {
  assertModerator(actor);
  const { id, answer } = parseInput(answerQuestionSchema, input);
  return db().$transaction(async (tx) => {
    const before = await lockOwnQuestion(tx, actor, id);
    requireStatus(before, "PUBLISHED", "forum.notPublished");
    await assertMayPublish(tx, before.candidateId);
    const first = before.answer === null;
    const forget = await noteAnswer(tx, before, answer);
    const after = await update(tx, id, { answer, ...(first ? { answeredAt: now } : {}), ...forget });
    const action = first ? "answered" : "answer-edited";
    await emitAudit(tx, { actor, area: "forum", action, entity: "ForumQuestion", entityId: id, before: auditView(before), after });
    return after;
  });
}

/** Declines a pending question with a reason; it stays out of the forum, kept and counted. */
export async function declineQuestion({ actor, input }: { actor: Actor | null; input: unknown }): Promise<QueueItem> {
  assertModerator(actor);
  const { id, reason } = parseInput(declineQuestionSchema, input);
  assertConfirmed(input);
  return db().$transaction(async (tx) => {
    const before = await lockOwnQuestion(tx, actor, id);
    requireStatus(before, "PENDING", "forum.notPending");
    const after = await update(tx, id, { status: "DECLINED", declineReason: reason });
    await refreshDigest(tx, before.candidateId);
    await emitAudit(tx, { actor, area: "forum", action: "declined", entity: "ForumQuestion", entityId: id, before: auditView(before), after });
    return after;
  });
}

/** Takes a published question (and its answer) off the forum, with a reason. */
export async function withdrawQuestion({ actor, input }: { actor: Actor | null; input: unknown }): Promise<QueueItem> {
  assertModerator(actor);
  const { id, reason } = parseInput(withdrawQuestionSchema, input);
  assertConfirmed(input);
  return db().$transaction(async (tx) => {
    const before = await lockOwnQuestion(tx, actor, id);
    requireStatus(before, "PUBLISHED", "forum.notPublished");
    const after = await update(tx, id, { status: "WITHDRAWN", withdrawReason: reason });
    await emitAudit(tx, { actor, area: "forum", action: "withdrawn", entity: "ForumQuestion", entityId: id, before: auditView(before), after });
    return after;
  });
}

/** The secretariat hides abusive content from any forum, with a reason; it can neither publish nor answer. */
export async function hideQuestion({ actor, input }: { actor: Actor | null; input: unknown }): Promise<QueueItem> {
  assertCan(actor, "hide:question:any");
  const { id, reason } = parseInput(hideQuestionSchema, input);
  assertConfirmed(input);
  return db().$transaction(async (tx) => {
    const owner = await tx.forumQuestion.findUnique({ where: { id }, select: { candidateId: true } });
    if (!owner) throw new DomainError("NOT_FOUND");
    await assertCandidatureOpen(tx, owner.candidateId);
    const before = await lockQuestion(tx, id);
    if (!before) throw new DomainError("NOT_FOUND");
    if (before.status === "HIDDEN") throw new DomainError("CONFLICT", { messageKey: "forum.alreadyHidden" });
    const after = await update(tx, id, { status: "HIDDEN", hiddenReason: reason, hiddenBy: { connect: { id: actor.id } } });
    if (before.status === "PENDING") await refreshDigest(tx, before.candidateId);
    await emitAudit(tx, { actor, area: "forum", action: "hidden", entity: "ForumQuestion", entityId: id, before: auditView(before), after });
    return after;
  });
}
