import "server-only";
import { emitAudit } from "@/lib/audit/emit";
import { assertCan } from "@/lib/auth/assert";
import { can, type Actor } from "@/lib/auth/permissions";
import { assertConferenceOpen, lockConferenceForChange } from "@/lib/conferences/lock";
import { db, type Tx } from "@/lib/db";
import { DomainError } from "@/lib/errors/domain-error";
import { parseInput } from "@/lib/validation/parse";
import { boundsRefusal, slotPlan, splitBounds, splitRefusal, splitStale, type ClockSettings } from "./clocks-rules";
import { accommodationSchema, clocksSchema, splitSchema } from "./clocks-schema";
import { assertHearingOfConference } from "./hearing-admin";
import { hearingStage, STAGE_FIELDS, type HearingStage } from "./stage";

// The secretariat's finer clocks, the candidates' splits of the equal slot and the
// accommodations granted in advance (docs/fairness.md#finer-clocks, docs/fairness.md#accommodation,
// docs/decisions/046-finer-clocks-and-accommodation.md). The limits, the split's bounds and every
// split are part of the set-up: frozen by the commitment like equal time (lib/hearings/stage.ts);
// changing them after it takes the logged re-opening that voids it.

const MINUTE_MS = 60_000;

const SETTINGS_FIELDS = {
  presentationMinutes: true,
  qaMinutes: true,
  questionLimitSeconds: true,
  answerLimitSeconds: true,
  splitAllowed: true,
  minPresentationMinutes: true,
  minQaMinutes: true,
} as const;

const KEY = "hearingClocks.errors";

function refuse(reason: string): never {
  throw new DomainError("CONFLICT", { messageKey: `${KEY}.${reason}` });
}

/** The hearing, locked, after its conference; refused once the set-up is frozen. */
async function lockSetUp(tx: Tx, hearingId: string) {
  await tx.$queryRaw`SELECT id FROM "Hearing" WHERE id = ${hearingId} FOR UPDATE`;
  const hearing = await tx.hearing.findUniqueOrThrow({
    where: { id: hearingId },
    select: { id: true, conferenceId: true, ...STAGE_FIELDS, ...SETTINGS_FIELDS },
  });
  const stage = hearingStage(hearing);
  if (stage === "CLOSED") throw new DomainError("CONFLICT", { messageKey: "adminHearing.recordClosed" });
  if (stage !== "SET_UP") refuse("frozen");
  return hearing;
}

/** The limits per question and per answer, whether a split is allowed, and its bounds. */
export async function setClocks({ actor, conferenceId, input }: { actor: Actor | null; conferenceId: string; input: unknown }) {
  assertCan(actor, "manage:hearing:any");
  const data = parseInput(clocksSchema, input);
  return db().$transaction(async (tx) => {
    await lockConferenceForChange(tx, conferenceId);
    await assertHearingOfConference(tx, data.hearingId, conferenceId);
    const hearing = await lockSetUp(tx, data.hearingId);
    const next: Omit<ClockSettings, "presentationMinutes" | "qaMinutes"> = {
      questionLimitSeconds: data.questionLimitSeconds,
      answerLimitSeconds: data.answerLimitSeconds,
      splitAllowed: data.splitAllowed,
      // Bounds mean nothing without a split: not kept.
      minPresentationMinutes: data.splitAllowed ? data.minPresentationMinutes : null,
      minQaMinutes: data.splitAllowed ? data.minQaMinutes : null,
    };
    const bounds = boundsRefusal({ ...hearing, ...next });
    if (bounds) throw new DomainError("INVALID_INPUT", { messageKey: `${KEY}.${bounds}`, fieldErrors: { minPresentationMinutes: `${KEY}.${bounds}` } });
    const before = {
      questionLimitSeconds: hearing.questionLimitSeconds,
      answerLimitSeconds: hearing.answerLimitSeconds,
      splitAllowed: hearing.splitAllowed,
      minPresentationMinutes: hearing.minPresentationMinutes,
      minQaMinutes: hearing.minQaMinutes,
    };
    if ((Object.keys(next) as (keyof typeof next)[]).every((k) => next[k] === before[k])) return { hearingId: hearing.id, changed: false };
    await tx.hearing.update({ where: { id: hearing.id }, data: next, select: { id: true } });
    await emitAudit(tx, { actor, area: "hearing", action: "clocks-set", entity: "Hearing", entityId: hearing.id, before, after: next });
    return { hearingId: hearing.id, changed: true };
  });
}

/**
 * A candidate's split of the equal slot: chosen by the candidate in their workspace, or entered
 * by the secretariat on their behalf; within the bounds, the total always the equal one.
 */
export async function setSplit({ actor, input }: { actor: Actor | null; input: unknown }) {
  const data = parseInput(splitSchema, input);
  // The candidate for their own slot only (docs/conventions.md#a-test-for-every-no); the secretariat for anyone.
  if (!can(actor, "manage:hearing:any")) assertCan(actor, "edit:profile:own", { candidateId: data.candidateId });
  return db().$transaction(async (tx) => {
    const found = await tx.hearing.findUnique({ where: { id: data.hearingId }, select: { conferenceId: true, rehearsal: true } });
    if (!found || found.rehearsal) throw new DomainError("NOT_FOUND");
    await assertConferenceOpen(tx, found.conferenceId);
    const hearing = await lockSetUp(tx, data.hearingId);
    const slot = await tx.hearingSlot.findUnique({
      where: { hearingId_candidateId: { hearingId: hearing.id, candidateId: data.candidateId } },
      select: { id: true, plannedPresentationMs: true, plannedQaMs: true },
    });
    if (!slot) refuse("notPresenting");
    const refusal = splitRefusal(hearing, data.presentationMinutes);
    if (refusal) {
      const { minPresentation, maxPresentation } = splitBounds(hearing);
      throw new DomainError("INVALID_INPUT", {
        messageKey: `${KEY}.${refusal}`,
        values: { min: minPresentation, max: maxPresentation },
        // A field's message takes no values: the bounds are said once, in the form's message.
        ...(refusal === "splitOutOfBounds" ? { fieldErrors: { presentationMinutes: `${KEY}.splitOutOfBoundsField` } } : {}),
      });
    }
    const { totalMinutes } = splitBounds(hearing);
    const after = { plannedPresentationMs: data.presentationMinutes * MINUTE_MS, plannedQaMs: (totalMinutes - data.presentationMinutes) * MINUTE_MS };
    const before = { plannedPresentationMs: slot.plannedPresentationMs, plannedQaMs: slot.plannedQaMs };
    if (before.plannedPresentationMs === after.plannedPresentationMs && before.plannedQaMs === after.plannedQaMs) return { slotId: slot.id, changed: false };
    await tx.hearingSlot.update({ where: { id: slot.id }, data: after, select: { id: true } });
    await emitAudit(tx, {
      actor: actor as Actor,
      area: "hearing",
      action: "split-set",
      entity: "HearingSlot",
      entityId: slot.id,
      before,
      after: { ...after, candidateId: data.candidateId, onBehalf: actor?.candidateId !== data.candidateId },
    });
    return { slotId: slot.id, changed: true };
  });
}

/**
 * An accommodation granted in advance (typically for a disability): extra time for one
 * candidate's phase, with its kind and a reason, logged and shown apart in the parity report
 * (docs/fairness.md#accommodation). Before the start only: once the hearing runs the chair grants
 * one live, with the extension form. Not frozen by the commitment: it changes no draw.
 */
export async function grantAccommodation({ actor, conferenceId, input }: { actor: Actor | null; conferenceId: string; input: unknown }) {
  assertCan(actor, "manage:hearing:any");
  const data = parseInput(accommodationSchema, input);
  return db().$transaction(async (tx) => {
    await lockConferenceForChange(tx, conferenceId);
    await assertHearingOfConference(tx, data.hearingId, conferenceId);
    await tx.$queryRaw`SELECT id FROM "Hearing" WHERE id = ${data.hearingId} FOR UPDATE`;
    const hearing = await tx.hearing.findUniqueOrThrow({ where: { id: data.hearingId }, select: { id: true, ...STAGE_FIELDS } });
    const stage = hearingStage(hearing);
    if (stage === "CLOSED") throw new DomainError("CONFLICT", { messageKey: "adminHearing.recordClosed" });
    if (stage !== "SET_UP" && stage !== "COMMITTED") refuse("accommodationStarted");
    const slot = await tx.hearingSlot.findUnique({
      where: { hearingId_candidateId: { hearingId: hearing.id, candidateId: data.candidateId } },
      select: { id: true },
    });
    if (!slot) refuse("notPresenting");
    const row = await tx.hearingExtension.create({
      data: { slotId: slot.id, phase: data.phase, addedMs: data.minutes * MINUTE_MS, reason: data.reason, kind: data.kind, actorId: actor.id },
      select: { id: true },
    });
    await emitAudit(tx, {
      actor,
      area: "hearing",
      action: "accommodation-granted",
      entity: "HearingExtension",
      entityId: row.id,
      after: { slotId: slot.id, candidateId: data.candidateId, phase: data.phase, addedMs: data.minutes * MINUTE_MS, kind: data.kind, reason: data.reason },
    });
    return { id: row.id };
  });
}

export type ClocksAdminView = {
  hearingId: string;
  stage: HearingStage;
  frozen: boolean;
  settings: ClockSettings;
  bounds: ReturnType<typeof splitBounds>;
  /** `chosen`: a split of their own is in use; `stale`: one was chosen that the hearing no longer uses (clocks-rules.ts). */
  slots: { candidateId: string; name: string; presentationMs: number; qaMs: number; chosen: boolean; stale: boolean }[];
  accommodations: { id: string; name: string; kind: string; phase: string; addedMs: number; reason: string }[];
};

function slotsView(
  settings: ClockSettings,
  slots: { plannedPresentationMs: number | null; plannedQaMs: number | null; candidate: { id: string; name: string } }[],
): ClocksAdminView["slots"] {
  return slots.map((s) => {
    const plan = slotPlan(settings, s);
    return {
      candidateId: s.candidate.id,
      name: s.candidate.name,
      presentationMs: plan.presentationMs,
      qaMs: plan.qaMs,
      chosen: s.plannedPresentationMs !== null && !splitStale(settings, s),
      stale: splitStale(settings, s),
    };
  });
}

/** The hearing console's clocks section. */
export async function getClocksForAdmin(actor: Actor | null, where: { conferenceId: string; hearingId: string }): Promise<ClocksAdminView | null> {
  assertCan(actor, "manage:hearing:any");
  const hearing = await db().hearing.findUnique({
    where: { id: where.hearingId },
    select: {
      id: true,
      conferenceId: true,
      ...STAGE_FIELDS,
      ...SETTINGS_FIELDS,
      slots: {
        select: {
          plannedPresentationMs: true,
          plannedQaMs: true,
          candidate: { select: { id: true, name: true } },
          extensions: {
            where: { kind: { not: "EXTENSION" } },
            select: { id: true, kind: true, phase: true, addedMs: true, reason: true },
            orderBy: { at: "asc" },
          },
        },
        orderBy: [{ position: "asc" }, { candidateId: "asc" }],
      },
    },
  });
  if (!hearing || hearing.conferenceId !== where.conferenceId) return null;
  const stage = hearingStage(hearing);
  return {
    hearingId: hearing.id,
    stage,
    frozen: stage !== "SET_UP",
    settings: hearing,
    bounds: splitBounds(hearing),
    slots: slotsView(hearing, hearing.slots),
    accommodations: hearing.slots.flatMap((s) => s.extensions.map((e) => ({ ...e, name: s.candidate.name }))),
  };
}

/** The candidate's own split, for their workspace: null when they present at no open hearing. */
export async function getOwnSplit(actor: Actor | null) {
  if (!actor?.candidateId) return null;
  assertCan(actor, "edit:profile:own", { candidateId: actor.candidateId });
  const slot = await db().hearingSlot.findFirst({
    where: { candidateId: actor.candidateId, hearing: { rehearsal: false, closedAt: null, conference: { closedAt: null } } },
    orderBy: { hearing: { startsAt: "desc" } },
    select: {
      plannedPresentationMs: true,
      plannedQaMs: true,
      hearing: { select: { id: true, startsAt: true, ...STAGE_FIELDS, ...SETTINGS_FIELDS } },
    },
  });
  if (!slot) return null;
  const { hearing } = slot;
  const plan = slotPlan(hearing, slot);
  return {
    hearingId: hearing.id,
    candidateId: actor.candidateId,
    startsAt: hearing.startsAt,
    splitAllowed: hearing.splitAllowed,
    frozen: hearingStage(hearing) !== "SET_UP",
    bounds: splitBounds(hearing),
    presentationMs: plan.presentationMs,
    qaMs: plan.qaMs,
    chosen: slot.plannedPresentationMs !== null && !splitStale(hearing, slot),
    stale: splitStale(hearing, slot),
    questionLimitSeconds: hearing.questionLimitSeconds,
    answerLimitSeconds: hearing.answerLimitSeconds,
  };
}
