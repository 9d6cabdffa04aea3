import { beforeAll, describe, expect, it, vi } from "vitest";
import { createDb, type PrismaClient } from "@/lib/db/client";
import { quotaCount, sourceOf, type DrawQuota } from "@/lib/draw/quota";
import { ALGORITHM_V3 } from "@/lib/draw/verifiable-draw-v3";
import { verifyDrawsFile } from "@/lib/draw/verify-hearing";
import { readDrawsExport } from "@/lib/hearings/after-queries";
import { getChairHearing } from "@/lib/hearings/chair-console";
import { commitSeed } from "@/lib/hearings/commit-seed";
import { drawRunningOrder } from "@/lib/hearings/draw-running-order";
import { drawForCurrentCandidate, endHearing, startHearing, startPresentation, startQa } from "@/lib/hearings/live";
import { readPublicRecord } from "@/lib/hearings/public-record";
import { getQuotaForAdmin, setQuestionQuota } from "@/lib/hearings/quota-admin";
import { reopenSetUp } from "@/lib/hearings/reopen-set-up";
import { revealSeed } from "@/lib/hearings/reveal-seed";
import { setUpHearing } from "@/lib/hearings/set-up-hearing";
import { withAppDatabase } from "../support/app-database";
import { auditRowsFor } from "../support/audit";
import { onCurrent } from "../support/chair-moves";
import { asActor } from "../support/factories";
import { hearingInput } from "../support/factories-hearing";
import { makeHearingQuestion } from "../support/factories-live";
import { DICE, hearingReadyToStart } from "../support/hearing-stages";
import { expectOnlyRoleAllowed, refusalOf } from "../support/roles";

// The question quota (docs/fairness.md#quota-draws, docs/decisions/045-quota-draws.md): set by
// the secretariat at the set-up, frozen by the commitment, and applied by the live question
// draw (hustings-draw-v3), which the published open data lets anyone re-check.

vi.mock("next/cache", async (original) => ({ ...(await original<typeof import("next/cache")>()), unstable_cache: <T>(read: T) => read }));

const database = withAppDatabase();
let db: PrismaClient;

beforeAll(() => {
  db = createDb(database.url());
});

const QUOTA_FORM = { "min-MEMBER_STATE": "1", regionMax: "1", "min-PUBLIC": "1", "max-PUBLIC": "1" };
const QUOTA = {
  sources: { MEMBER_STATE: { min: 1, max: null }, SECTOR_MEMBER: { min: 0, max: null }, PUBLIC: { min: 1, max: 1 }, PRESS: { min: 0, max: null } },
  regionMax: 1,
};

/** A hearing committed and drawn, re-opened (voiding the commitment), given the quota, committed and drawn again. */
async function hearingWithQuota() {
  const ready = await hearingReadyToStart(db);
  const { conferenceId, hearingId, secretariat } = ready;
  const actor = asActor(secretariat);
  await reopenSetUp({ actor, conferenceId, input: { reason: "The quota of questions is set before the hearing" } });
  await setQuestionQuota({ actor, conferenceId, input: { hearingId, ...QUOTA_FORM } });
  const { seedHash } = await commitSeed({ actor, conferenceId, input: { confirmed: "yes" } });
  const order = await drawRunningOrder({ actor, conferenceId, input: { entropy: DICE } });
  const first = order.result[0] as string;
  return { ...ready, seedHash, first };
}

describe("setting the quota", () => {
  it("is for the secretariat only: chair, candidate, member and anonymous are refused, nothing changes", async () => {
    const { conferenceId, hearingId, secretariat } = await hearingReadyToStart(db);
    await reopenSetUp({ actor: asActor(secretariat), conferenceId, input: { reason: "Re-opened to set the quota of questions" } });
    await expectOnlyRoleAllowed("SECRETARIAT", (actor) => setQuestionQuota({ actor, conferenceId, input: { hearingId, ...QUOTA_FORM } }));
    await expectOnlyRoleAllowed("SECRETARIAT", (actor) => getQuotaForAdmin(actor, { conferenceId, hearingId }));
    expect((await db.hearing.findUniqueOrThrow({ where: { id: hearingId } })).questionQuota).toBeNull();
  });

  it("is refused once committed, saved and audited after the logged re-opening, and refused again after the start", async () => {
    const { conferenceId, hearingId, secretariat, chair } = await hearingReadyToStart(db);
    const actor = asActor(secretariat);
    const set = (input: Record<string, string>) => setQuestionQuota({ actor, conferenceId, input: { hearingId, ...input } });
    expect(await refusalOf(set(QUOTA_FORM))).toMatchObject({ code: "CONFLICT", messageKey: "questionQuota.frozenOnceCommitted" });

    await reopenSetUp({ actor, conferenceId, input: { reason: "Re-opened to set the quota of questions" } });
    // Translated, per-field refusals; nothing saved.
    expect((await refusalOf(set({ "min-PUBLIC": "2", "max-PUBLIC": "1" }))).fieldErrors).toEqual({ "min-PUBLIC": "questionQuota.minAboveMax" });
    expect((await refusalOf(set({ "min-PRESS": "1.5" }))).fieldErrors).toEqual({ "min-PRESS": "questionQuota.wholeNumber" });
    expect(await refusalOf(set({ "min-MEMBER_STATE": "2", "min-PUBLIC": "2" }))).toMatchObject({
      code: "INVALID_INPUT",
      messageKey: "questionQuota.minsAbovePlaces",
      values: { limit: 3 },
      fieldErrors: { "min-MEMBER_STATE": "questionQuota.minsAbovePlaces:3" },
    });
    expect((await db.hearing.findUniqueOrThrow({ where: { id: hearingId } })).questionQuota).toBeNull();

    expect(await set(QUOTA_FORM)).toMatchObject({ changed: true, quota: QUOTA });
    expect((await db.hearing.findUniqueOrThrow({ where: { id: hearingId } })).questionQuota).toEqual(QUOTA);
    expect((await set(QUOTA_FORM)).changed).toBe(false);
    const rows = (await auditRowsFor(db, "Hearing", hearingId)).filter((r) => r.action === "question-quota-set");
    expect(rows).toHaveLength(1);
    expect(rows[0]).toMatchObject({ actorId: secretariat.id, before: { questionQuota: null }, after: { questionQuota: QUOTA } });
    expect(await getQuotaForAdmin(actor, { conferenceId, hearingId })).toMatchObject({ quota: QUOTA, places: 3, stage: "SET_UP", editable: true });

    // Every field empty: no quota.
    expect(await set({})).toMatchObject({ changed: true, quota: null });
    expect((await db.hearing.findUniqueOrThrow({ where: { id: hearingId } })).questionQuota).toBeNull();
    await set(QUOTA_FORM);

    await commitSeed({ actor, conferenceId, input: { confirmed: "yes" } });
    await drawRunningOrder({ actor, conferenceId, input: { entropy: DICE } });
    await startHearing({ actor: asActor(chair), input: await onCurrent({ hearingId, confirmed: "yes" }) });
    expect(await refusalOf(set({}))).toMatchObject({ code: "CONFLICT", messageKey: "questionQuota.frozenOnceStarted" });
    expect((await db.hearing.findUniqueOrThrow({ where: { id: hearingId } })).questionQuota).toEqual(QUOTA);
    expect(await getQuotaForAdmin(actor, { conferenceId, hearingId })).toMatchObject({ stage: "RUNNING", editable: false });
  });
  it("keeps the question count at or above the quota's minimums: lowering it below them is refused on its field", async () => {
    const { conferenceId, hearingId, secretariat, chair } = await hearingReadyToStart(db);
    const actor = asActor(secretariat);
    await reopenSetUp({ actor, conferenceId, input: { reason: "Re-opened to set the quota of questions" } });
    await setQuestionQuota({ actor, conferenceId, input: { hearingId, "min-MEMBER_STATE": "2", "min-PUBLIC": "1" } });
    const lower = setUpHearing({ actor, conferenceId, input: hearingInput(chair.id, { questionsPerCandidate: "2" }) });
    expect(await refusalOf(lower)).toMatchObject({
      code: "INVALID_INPUT",
      messageKey: "questionQuota.questionsBelowQuota",
      fieldErrors: { questionsPerCandidate: "questionQuota.questionsBelowQuota" },
    });
    expect((await db.hearing.findUniqueOrThrow({ where: { id: hearingId } })).questionsPerCandidate).toBe(3);
    // Once the minimums are lowered, so may the count be.
    await setQuestionQuota({ actor, conferenceId, input: { hearingId, "min-MEMBER_STATE": "1", "min-PUBLIC": "1" } });
    await setUpHearing({ actor, conferenceId, input: hearingInput(chair.id, { questionsPerCandidate: "2" }) });
    expect((await db.hearing.findUniqueOrThrow({ where: { id: hearingId } })).questionsPerCandidate).toBe(2);
  });
});

describe("the stratified draw through the live service", () => {
  it("previews the strata on the console, draws under the quota (hustings-draw-v3) and is verified from the open data", async () => {
    const h = await hearingWithQuota();
    const { hearingId, chair, conferenceId, secretariat, first: candidateId } = h;
    const actor = asActor(chair);
    await startHearing({ actor, input: await onCurrent({ hearingId, confirmed: "yes" }) });
    await startPresentation({ actor, input: await onCurrent({ hearingId }) });
    await startQa({ actor, input: await onCurrent({ hearingId }) });
    const asked = async (askerKind: "MEMBER_STATE" | "SECTOR_MEMBER" | "PUBLIC" | "PRESS", askerRegion: "A" | "B" | null) => {
      const q = await makeHearingQuestion(db, { hearingId, candidateId, status: "APPROVED" });
      await db.hearingQuestion.update({ where: { id: q.id }, data: { askerKind, askerRegion } });
      return q.id;
    };
    // Three public (at most one drawn), two of region A (at most one drawn), none from region B.
    const ids = [
      await asked("PUBLIC", null),
      await asked("PUBLIC", null),
      await asked("PUBLIC", null),
      await asked("MEMBER_STATE", "A"),
      await asked("MEMBER_STATE", "A"),
    ];

    const console = await getChairHearing(actor, hearingId);
    expect(console?.quotaPreview).toMatchObject({ places: 3, willDraw: 2, regionMax: 1, regions: [{ region: "A", approved: 2 }] });
    expect(console?.quotaPreview?.rows.find((r) => r.source === "PUBLIC")).toMatchObject({ approved: 3, min: 1, max: 1, capacity: 1, short: 0 });

    const drawn = await drawForCurrentCandidate({ actor, input: await onCurrent({ hearingId, entropy: "2 7 1 8 2 8" }) });
    expect(drawn).toBeTruthy();
    const draw = await db.draw.findFirstOrThrow({ where: { hearingId, kind: "QUESTIONS" } });
    expect(draw).toMatchObject({ algorithm: ALGORITHM_V3, entropy: "271828", seedHash: h.seedHash, pendingCount: 0, setAsideCount: 0, count: 2 });
    expect(draw.quota).toEqual({ ...QUOTA, places: 3 });
    const strata = draw.strata as Record<string, string>;
    expect(Object.keys(strata).sort()).toEqual([...ids].sort());
    // One public, one Member State of region A: fewer than the places, as the published rule says.
    expect(draw.result.map((id) => sourceOf(strata[id] ?? "")).sort()).toEqual(["MEMBER_STATE", "PUBLIC"]);
    expect(draw.count).toBe(quotaCount(Object.values(strata), draw.quota as DrawQuota));
    const audit = (await auditRowsFor(db, "Hearing", hearingId)).filter((r) => r.action === "questions-drawn");
    expect(audit.at(-1)?.after).toMatchObject({ algorithm: ALGORITHM_V3, result: draw.result, pendingCount: 0, setAsideCount: 0 });
    expect((await getChairHearing(actor, hearingId))?.quotaPreview).toBeNull();
    expect(await db.hearingQuestion.count({ where: { hearingId, status: "DRAWN", drawId: draw.id } })).toBe(2);

    // Before the reveal the count is already checked; after it, every draw verifies.
    const early = verifyDrawsFile((await readDrawsExport(hearingId))!);
    expect(early.draws.find((d) => d.id === draw.id)).toMatchObject({ matches: null, problems: [], quota: { ...QUOTA, places: 3 } });
    await endHearing({ actor, input: await onCurrent({ hearingId, confirmed: "yes" }) });
    await revealSeed({ actor: asActor(secretariat), conferenceId, input: { hearingId, confirmed: "yes" } });
    const file = (await readDrawsExport(hearingId))!;
    expect(file.draws.find((d) => d.id === draw.id)).toMatchObject({ quota: { ...QUOTA, places: 3 }, strata });
    // The hearing's public record shows the quota and the strata with the draw.
    expect((await readPublicRecord(hearingId))?.draws.find((d) => d.id === draw.id)).toMatchObject({ quota: { ...QUOTA, places: 3 }, strata });
    const verified = verifyDrawsFile(file);
    expect(verified.allMatch).toBe(true);
    // The voided commitment's running order and the new one are v2; the question draw is v3.
    expect(verified.draws.map((d) => d.algorithm)).toEqual(["hustings-draw-v2", "hustings-draw-v2", ALGORITHM_V3]);

    // Someone re-reading the record under other strata finds it does not match.
    const [publicId, otherPublic] = ids as [string, string];
    const tampered = {
      ...file,
      draws: file.draws.map((d) => (d.id === draw.id ? { ...d, strata: { ...strata, [publicId]: "MEMBER_STATE-B", [otherPublic]: "PRESS" } } : d)),
    };
    const check = verifyDrawsFile(tampered);
    expect(check.allMatch).toBe(false);
    expect(check.draws.find((d) => d.id === draw.id)?.matches).toBe(false);
  });

  it("a hearing without a quota keeps drawing with hustings-draw-v2 and records no quota", async () => {
    const ready = await hearingReadyToStart(db);
    const actor = asActor(ready.chair);
    const { hearingId } = ready;
    await startHearing({ actor, input: await onCurrent({ hearingId, confirmed: "yes" }) });
    await startPresentation({ actor, input: await onCurrent({ hearingId }) });
    await startQa({ actor, input: await onCurrent({ hearingId }) });
    const candidateId = ready.candidates[0]?.id as string;
    for (let i = 0; i < 4; i++) await makeHearingQuestion(db, { hearingId, candidateId, status: "APPROVED" });
    expect((await getChairHearing(actor, hearingId))?.quotaPreview).toBeNull();
    await drawForCurrentCandidate({ actor, input: await onCurrent({ hearingId, entropy: DICE }) });
    const draw = await db.draw.findFirstOrThrow({ where: { hearingId, kind: "QUESTIONS" } });
    expect(draw).toMatchObject({ algorithm: "hustings-draw-v2", count: 3, quota: null, strata: null });
    const file = (await readDrawsExport(hearingId))!;
    expect(file.draws.find((d) => d.id === draw.id)).not.toHaveProperty("strata");
  });
});
