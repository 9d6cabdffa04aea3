import "server-only";
import { hashAddress } from "@/lib/abuse/address-hash";
import { honeypotFilled } from "@/lib/abuse/honeypot";
import { createAdmission, type Admission } from "@/lib/abuse/admission";
import { longestWait, retryAfterSeconds, type RateLimit } from "@/lib/abuse/rate-limit";
import { RecentKeys, RecentTimes } from "@/lib/abuse/recent";
import { repeatHash } from "@/lib/abuse/repeat";
import { emitAudit } from "@/lib/audit/emit";
import { assertCan } from "@/lib/auth/assert";
import type { Actor, Permission } from "@/lib/auth/permissions";
import { lockConferenceForChange } from "@/lib/conferences/lock";
import { chairDb, db, type Tx } from "@/lib/db";
import type { HearingAskerKind, HearingQuestionSource, HearingQuestionStatus, HearingStatus, ItuRegion } from "@/lib/db/generated/enums";
import { DomainError } from "@/lib/errors/domain-error";
import { env } from "@/lib/env";
import { parseInput } from "@/lib/validation/parse";
import { assertHearingOfConference } from "./hearing-admin";
import { assertMayActOnSomeHearing } from "./live";
import { HEARING_QUESTION_RATE_LIMITS } from "./question-limits";
import { mayFollowWebcast } from "./webcast-rules";
import { roomQuestionSchema, viewerQuestionSchema } from "./questions-schema";
import { accountChecksSource, refusalField, sourceRefusal } from "./question-sources";
import { countLimitRefusal } from "@/lib/observability/metrics";

// Questions to the live hearing (¶6): viewers of the webcast send them, the secretariat types
// in those handed in on cards in the room, and all wait in the chair's queue for the
// candidate they are addressed to. No NOTIFY per question (docs/toolchain.md#listen-and-notify: a NOTIFY takes a
// global lock at commit): the chair's page polls its queue, at a bounded rate (below).

// Keys of the transaction-level advisory locks that serialise the checks per hearing and per
// address (the forum's are 72707401-2), taken in this order so that no two requests wait on
// each other in a cycle.
const LOCK_HEARING = 72707411;
const LOCK_ADDRESS = 72707412;

const RUN: Permission = "run:hearing:own";

/** The chair's page may ask for the queue again this often at most; the route serves it from memory in between. */
export const QUEUE_REFRESH_MS = 2000;

type Target = { hearingId: string; candidateId: string; body: string };

async function lockHearing(tx: Tx, hearingId: string) {
  await tx.$executeRaw`SELECT pg_advisory_xact_lock(${LOCK_HEARING}::int, hashtext(${hearingId}))`;
}

/** Questions are taken from when the hearing is set up until it ends. Returns its webcast access. */
async function assertHearingOpen(tx: Tx, hearingId: string) {
  const hearing = await tx.hearing.findUnique({ where: { id: hearingId }, select: { webcastAccess: true, status: true, rehearsal: true } });
  if (!hearing) throw new DomainError("NOT_FOUND");
  if (hearing.status === "ENDED") throw new DomainError("CONFLICT", { messageKey: "hearingLive.questionsClosed" });
  return hearing;
}

/**
 * The candidate speaks in this hearing and has not yet finished: speaking now, or still to come.
 * Returns their nominating state, for the self-questioning rule (in the same read).
 */
async function assertCandidateWaiting(tx: Tx, target: Target): Promise<string> {
  const slot = await tx.hearingSlot.findUnique({
    where: { hearingId_candidateId: { hearingId: target.hearingId, candidateId: target.candidateId } },
    select: { finishedAt: true, candidate: { select: { memberStateId: true } } },
  });
  if (!slot)
    throw new DomainError("NOT_FOUND", { messageKey: "hearingLive.candidateNotInHearing", fieldErrors: { candidateId: "hearingLive.candidateNotInHearing" } });
  if (slot.finishedAt)
    throw new DomainError("CONFLICT", { messageKey: "hearingLive.candidateFinished", fieldErrors: { candidateId: "hearingLive.candidateFinished" } });
  return slot.candidate.memberStateId;
}

type DeclaredSource = { askerKind: HearingAskerKind; askerState: string | null };

/**
 * The source as stored (docs/fairness.md#question-sources): the declared state and its region
 * now, and whether the asker's account vouches for it. Refuses an unknown state, a question of
 * the candidate's nominating state (docs/fairness.md#no-self-questioning) and, for a signed-in
 * member of an administration, a Member State question of another state. `accountStateId` is
 * the asker's own account's administration: null on a room card (the account there is the
 * secretariat's) and for anyone not signed in or of no administration.
 */
async function checkSource(tx: Tx, declared: DeclaredSource, candidateStateId: string, accountStateId: string | null) {
  // No read at all for a question that names no state.
  const state = declared.askerState ? await tx.memberState.findUnique({ where: { iso2: declared.askerState }, select: { id: true, region: true } }) : null;
  if (declared.askerState && !state) throw new DomainError("INVALID_INPUT", { fieldErrors: { askerState: "questionSources.stateUnknown" } });
  const stateId = state?.id ?? null;
  const facts = { kind: declared.askerKind, stateId, accountStateId, candidateStateId };
  const refusal = sourceRefusal(facts);
  if (refusal) {
    throw new DomainError(refusal === "otherState" ? "FORBIDDEN" : "CONFLICT", {
      messageKey: `questionSources.refused.${refusal}`,
      fieldErrors: { [refusalField(refusal)]: `questionSources.field.${refusal}` },
    });
  }
  return { askerStateId: stateId, askerRegion: (state?.region ?? null) as ItuRegion | null, accountChecked: accountChecksSource(facts) };
}

/** The same question twice in one candidate's queue, from the room or the webcast, is refused. */
async function assertNotRepeat(tx: Tx, target: Target, bodyHash: string) {
  const repeat = await tx.hearingQuestion.findFirst({
    where: { hearingId: target.hearingId, candidateId: target.candidateId, bodyHash },
    select: { id: true },
  });
  if (repeat) throw new DomainError("CONFLICT", { messageKey: "hearingLive.repeat", fieldErrors: { body: "hearingLive.repeat" } });
}

/**
 * Under the locks, in one round trip: the creation times counted by both limits (the newest
 * `max` in each window, as milliseconds) and whether the question repeats one in the
 * candidate's queue. The locks are then held for this read, the insert and the commit only.
 * Rows stamped after `now` count too: a request that waited for the locks was stamped when it
 * arrived, and the ones that went before it must not be left out of its count.
 */
async function lockedChecks(tx: Tx, target: Target, ipHash: string, bodyHash: string, now: Date) {
  const { perAddress, perHearing } = HEARING_QUESTION_RATE_LIMITS;
  const since = (limit: RateLimit) => new Date(now.getTime() - limit.windowMs);
  const [row] = await tx.$queryRaw<{ addressTimes: number[]; hearingTimes: number[]; repeat: boolean }[]>`
    SELECT
      ARRAY(SELECT (extract(epoch FROM "createdAt") * 1000)::float8 FROM "HearingQuestion"
            WHERE "ipHash" = ${ipHash} AND "createdAt" > ${since(perAddress)}
            ORDER BY "createdAt" DESC LIMIT ${perAddress.max}) AS "addressTimes",
      ARRAY(SELECT (extract(epoch FROM "createdAt") * 1000)::float8 FROM "HearingQuestion"
            WHERE "hearingId" = ${target.hearingId} AND "source" = 'WEBCAST' AND "createdAt" > ${since(perHearing)}
            ORDER BY "createdAt" DESC LIMIT ${perHearing.max}) AS "hearingTimes",
      EXISTS(SELECT 1 FROM "HearingQuestion"
             WHERE "hearingId" = ${target.hearingId} AND "candidateId" = ${target.candidateId} AND "bodyHash" = ${bodyHash}) AS "repeat"`;
  const dates = (times: number[] | undefined) => (times ?? []).map((t) => new Date(Number(t)));
  const seconds = longestWait([retryAfterSeconds(perAddress, dates(row?.addressTimes), now), retryAfterSeconds(perHearing, dates(row?.hearingTimes), now)]);
  if (seconds !== null) throw rateLimited(seconds);
  if (row?.repeat) throw new DomainError("CONFLICT", { messageKey: "hearingLive.repeat", fieldErrors: { body: "hearingLive.repeat" } });
}

// Cheap refusals first (docs/decisions/019-database-capacity.md): the honeypot, the schema,
// then what this instance itself accepted lately (lib/abuse/recent.ts), all before any
// connection, transaction or lock; then at most a few question transactions at once per
// instance (the rest 503 at once); inside, the reads before the locks, so that the locks are
// held only for the counts, the repeat check and the insert.
const recentTimes = new RecentTimes(Math.max(...Object.values(HEARING_QUESTION_RATE_LIMITS).map((l) => l.windowMs)));
/** A question stays in its queue for the whole hearing; an hour of memory catches the floods. */
const recentQuestions = new RecentKeys(60 * 60_000);
const globalForAdmission = globalThis as unknown as { hustingsQuestionAdmission?: Admission };

function questionAdmission(): Admission {
  const concurrent = env().QUESTION_ADMISSION_MAX;
  globalForAdmission.hustingsQuestionAdmission ??= createAdmission({ concurrent, waiting: 4 * concurrent, maxWaitMs: 1_000, what: "viewer questions" });
  return globalForAdmission.hustingsQuestionAdmission;
}

/** The question's connection is waited for briefly (QUESTION_TRANSACTION_WAIT_MS): a busy pool is a 503 at once, not a request that hangs. */
const questionTransaction = () => ({ maxWait: env().QUESTION_TRANSACTION_WAIT_MS, timeout: 3_000 });

const addressKey = (ipHash: string) => `address:${ipHash}`;
const hearingKey = (hearingId: string) => `hearing:${hearingId}`;
const questionKey = (target: Target, bodyHash: string) => `${target.hearingId}:${target.candidateId}:${bodyHash}`;

function rateLimited(seconds: number): DomainError {
  countLimitRefusal("question");
  return new DomainError("RATE_LIMITED", { messageKey: "hearingLive.rateLimited", values: { minutes: Math.ceil(seconds / 60) }, retryAfterSeconds: seconds });
}

/** The refusals this instance can give from memory alone. */
function refuseFromMemory(question: Target, ipHash: string, bodyHash: string, now: Date) {
  const { perAddress, perHearing } = HEARING_QUESTION_RATE_LIMITS;
  const seconds = longestWait([
    retryAfterSeconds(perAddress, recentTimes.within(addressKey(ipHash), perAddress.windowMs, now), now),
    retryAfterSeconds(perHearing, recentTimes.within(hearingKey(question.hearingId), perHearing.windowMs, now), now),
  ]);
  if (seconds !== null) throw rateLimited(seconds);
  if (recentQuestions.has(questionKey(question, bodyHash), now)) {
    throw new DomainError("CONFLICT", { messageKey: "hearingLive.repeat", fieldErrors: { body: "hearingLive.repeat" } });
  }
}

/**
 * Anyone following the webcast asks the candidate speaking now, or one still to speak, a
 * question for the chair's queue. The forum's protections (lib/abuse): a honeypot, limits per address
 * (a keyed hash only) and per hearing, and no repeats. A members-only webcast takes
 * questions from signed-in members only. Throws ServiceBusyError when this instance already
 * runs as many question transactions as it may.
 */
export async function submitViewerQuestion({
  actor,
  input,
  client,
  now = new Date(),
}: {
  actor: Actor | null;
  input: unknown;
  client: { ip: string };
  now?: Date;
}): Promise<{ accepted: true }> {
  // A robot that filled the hidden field is told what a person is told, and nothing is kept.
  if (honeypotFilled(input)) return { accepted: true };
  const { website: _honeypot, askerState, ...question } = parseInput(viewerQuestionSchema, input);
  const ipHash = hashAddress(client.ip);
  const bodyHash = repeatHash(question.body);
  refuseFromMemory(question, ipHash, bodyHash, now);
  await questionAdmission().run(() =>
    db().$transaction(async (tx) => {
      const hearing = await assertHearingOpen(tx, question.hearingId);
      // The public does not see a rehearsal, nor writes to it (docs/decisions/018-rehearsal-hearings.md).
      if (hearing.rehearsal) throw new DomainError("NOT_FOUND");
      // 403 for everyone without the grant, signed in or not: the page says "members only".
      if (!mayFollowWebcast(hearing.webcastAccess, actor)) {
        throw new DomainError("FORBIDDEN", { messageKey: "hearingLive.membersOnly" });
      }
      const candidateStateId = await assertCandidateWaiting(tx, question);
      // A signed-in asker's administration checks (or refuses) the declared source.
      const account = actor ? await tx.user.findUnique({ where: { id: actor.id }, select: { memberStateId: true } }) : null;
      const source = await checkSource(tx, { ...question, askerState }, candidateStateId, account?.memberStateId ?? null);
      // From here to the commit, the checks that count rows must not interleave.
      // Both locks in one round trip, in the order the select list is evaluated: hearing, then address.
      await tx.$executeRaw`SELECT pg_advisory_xact_lock(${LOCK_HEARING}::int, hashtext(${question.hearingId})), pg_advisory_xact_lock(${LOCK_ADDRESS}::int, hashtext(${ipHash}))`;
      await lockedChecks(tx, question, ipHash, bodyHash, now);
      await tx.hearingQuestion.create({
        data: {
          ...question,
          askerStateId: source.askerStateId,
          askerRegion: source.askerRegion,
          askerVerified: source.accountChecked,
          source: "WEBCAST",
          status: "PENDING",
          bodyHash,
          ipHash,
          createdAt: now,
        },
        select: { id: true },
      });
    }, questionTransaction()),
  );
  recentTimes.add(addressKey(ipHash), now);
  recentTimes.add(hearingKey(question.hearingId), now);
  recentQuestions.add(questionKey(question, bodyHash), now);
  return { accepted: true };
}

/**
 * The secretariat types in a question handed in on a card in the room, on the console of
 * `conferenceId`: a hearing of another conference is unknown there, a closed one refused.
 */
export async function enterRoomQuestion({
  actor,
  conferenceId,
  input,
}: {
  actor: Actor | null;
  conferenceId: string;
  input: unknown;
}): Promise<{ id: string }> {
  assertCan(actor, "enter:hearing-question:any");
  const { askerState, sourceChecked, ...question } = parseInput(roomQuestionSchema, input);
  const bodyHash = repeatHash(question.body);
  // The secretariat's hearing writes use the connections viewers cannot take.
  return chairDb().$transaction(async (tx) => {
    await lockConferenceForChange(tx, conferenceId);
    await assertHearingOfConference(tx, question.hearingId, conferenceId);
    await lockHearing(tx, question.hearingId);
    await assertHearingOpen(tx, question.hearingId);
    const candidateStateId = await assertCandidateWaiting(tx, question);
    // The card's asker is not the account typing it: only the declared state counts here.
    const source = await checkSource(tx, { ...question, askerState }, candidateStateId, null);
    await assertNotRepeat(tx, question, bodyHash);
    const created = await tx.hearingQuestion.create({
      data: {
        ...question,
        askerStateId: source.askerStateId,
        askerRegion: source.askerRegion,
        // Checked by the secretariat against the delegate's badge, or only declared.
        askerVerified: sourceChecked,
        source: "ROOM",
        status: "PENDING",
        bodyHash,
        enteredById: actor.id,
      },
      select: {
        id: true,
        hearingId: true,
        candidateId: true,
        askerName: true,
        askerOrigin: true,
        askerKind: true,
        askerStateId: true,
        askerRegion: true,
        askerVerified: true,
        publishConsent: true,
        body: true,
        status: true,
      },
    });
    await emitAudit(tx, { actor, area: "hearing", action: "room-question-entered", entity: "HearingQuestion", entityId: created.id, after: created });
    return { id: created.id };
  });
}

export type ChairQueueQuestion = {
  id: string;
  askerName: string;
  askerOrigin: string | null;
  /** The source (docs/fairness.md#question-sources): declared, or checked when `askerVerified`. */
  askerKind: HearingAskerKind;
  askerState: { iso2: string; nameEn: string } | null;
  askerRegion: ItuRegion | null;
  askerVerified: boolean;
  setAsideReason: string | null;
  body: string;
  source: HearingQuestionSource;
  status: HearingQuestionStatus;
  createdAt: Date;
  drawPosition: number | null;
};

export type ChairQueueCandidate = {
  candidateId: string;
  name: string;
  position: number | null;
  current: boolean;
  finished: boolean;
  /** Oldest first. */
  questions: ChairQueueQuestion[];
  counts: Record<HearingQuestionStatus, number>;
};

export type ChairQueue = {
  hearingId: string;
  status: HearingStatus;
  /** In running order (candidates without a position yet last). */
  candidates: ChairQueueCandidate[];
  /** When this was read from the database. */
  refreshedAt: Date;
};

type LoadedQueue = { chairId: string | null; queue: ChairQueue };

const NO_QUESTIONS: Record<HearingQuestionStatus, number> = { PENDING: 0, APPROVED: 0, SET_ASIDE: 0, DRAWN: 0, SHOWN: 0, ANSWERED: 0 };

/** One read of a hearing's queue, with its chair, for the authorisation that follows. */
export async function loadChairQueue(hearingId: string): Promise<LoadedQueue | null> {
  // The chair's, on the reserved pool: a flood of questions must not keep the chair from reading them.
  const hearing = await chairDb().hearing.findUnique({
    where: { id: hearingId },
    select: {
      id: true,
      chairId: true,
      status: true,
      currentSlotId: true,
      slots: {
        select: { id: true, position: true, finishedAt: true, candidate: { select: { id: true, name: true } } },
        orderBy: [{ position: { sort: "asc", nulls: "last" } }, { id: "asc" }],
      },
      questions: {
        select: {
          id: true,
          candidateId: true,
          askerName: true,
          askerOrigin: true,
          askerKind: true,
          askerState: { select: { iso2: true, nameEn: true } },
          askerRegion: true,
          askerVerified: true,
          setAsideReason: true,
          body: true,
          source: true,
          status: true,
          createdAt: true,
          drawPosition: true,
        },
        orderBy: [{ createdAt: "asc" }, { id: "asc" }],
      },
    },
  });
  if (!hearing) return null;
  const candidates = hearing.slots.map((slot): ChairQueueCandidate => {
    const questions = hearing.questions.filter((q) => q.candidateId === slot.candidate.id).map(({ candidateId: _c, ...q }) => q);
    const counts = { ...NO_QUESTIONS };
    for (const q of questions) counts[q.status] += 1;
    return {
      candidateId: slot.candidate.id,
      name: slot.candidate.name,
      position: slot.position,
      current: slot.id === hearing.currentSlotId,
      finished: slot.finishedAt !== null,
      questions,
      counts,
    };
  });
  return { chairId: hearing.chairId, queue: { hearingId: hearing.id, status: hearing.status, candidates, refreshedAt: new Date() } };
}

/** The hearing's chair only, as for the live moves; an unknown hearing is refused like another's. */
function queueFor(actor: Actor, loaded: LoadedQueue | null): ChairQueue {
  assertCan(actor, RUN, { chairId: loaded?.chairId ?? null });
  if (!loaded) throw new DomainError("NOT_FOUND");
  return loaded.queue;
}

/** The chair's queue, read now (the chair's page when it renders). */
export async function getChairQueue(actor: Actor | null, hearingId: string): Promise<ChairQueue> {
  assertMayActOnSomeHearing(actor, RUN);
  return queueFor(actor, await loadChairQueue(hearingId));
}

/**
 * The bounded rate of the queue's route: within one app instance, at most one database read
 * per hearing every `maxAgeMs`, however many tabs or refreshes ask for it (concurrent asks
 * share the read in flight). Authorisation is checked on every ask, against the chair that
 * read found; a queue is at most `maxAgeMs` old, which `refreshedAt` shows.
 */
export function chairQueueReader({
  load = loadChairQueue,
  clock = Date.now,
  maxAgeMs = QUEUE_REFRESH_MS,
}: { load?: (hearingId: string) => Promise<LoadedQueue | null>; clock?: () => number; maxAgeMs?: number } = {}) {
  const reads = new Map<string, { at: number; loaded: Promise<LoadedQueue | null> }>();
  return async (actor: Actor | null, hearingId: string): Promise<ChairQueue> => {
    // Nobody who could chair no hearing costs a read.
    assertMayActOnSomeHearing(actor, RUN);
    const at = clock();
    for (const [id, read] of reads) if (at - read.at >= maxAgeMs) reads.delete(id);
    let read = reads.get(hearingId);
    if (!read) {
      const loaded = load(hearingId);
      read = { at, loaded };
      reads.set(hearingId, read);
      // A failed read is not kept: the next ask tries again.
      loaded.catch(() => reads.get(hearingId) === read && reads.delete(hearingId));
    }
    return queueFor(actor, await read.loaded);
  };
}
