import { beforeAll, describe, expect, it } from "vitest";
import { createDb, type PrismaClient } from "@/lib/db/client";
import { readParity } from "@/lib/hearings/after-queries";
import { getChairHearing } from "@/lib/hearings/chair-console";
import { drawForCurrentCandidate, endHearing, markAnswered, showQuestion, startHearing, startPresentation, startQa } from "@/lib/hearings/live";
import { readPublicState } from "@/lib/hearings/live-state";
import { readPublicRecord } from "@/lib/hearings/public-record";
import { withAppDatabase } from "../support/app-database";
import { asActor } from "../support/factories";
import { makeHearingQuestion, makeReadyHearing } from "../support/factories-live";
import { refusalOf } from "../support/roles";
import { onCurrent } from "../support/chair-moves";

// What the public and the chair read of a hearing's record (docs/decisions/014-hearing-record-integrity.md):
// the stage, the commitment and its time, voided commitments, each draw with its public
// entropy and the queue at the draw; the chair's waiting count and start checklist; the
// parity report's questions drawn and answered.

const database = withAppDatabase();
let db: PrismaClient;

beforeAll(() => {
  db = createDb(database.url());
});

describe("the chair's console before the start", () => {
  it("lists nothing that blocks a ready hearing, and the running order when it no longer matches the slots", async () => {
    const { hearingId, chair } = await makeReadyHearing(db);
    expect(await getChairHearing(asActor(chair), hearingId)).toMatchObject({ stage: "COMMITTED", startBlockers: [] });
    await db.hearingSlot.updateMany({ where: { hearingId }, data: { position: null } });
    expect((await getChairHearing(asActor(chair), hearingId))?.startBlockers).toEqual(["orderNotDrawn"]);
  });
});

describe("a question draw with questions still waiting", () => {
  it("is published live with its entropy, commitment and the queue at the draw, and listed on the hearing's record", async () => {
    const { hearingId, chair, candidates, seedHash } = await makeReadyHearing(db, { questionsPerCandidate: 2 });
    const actor = asActor(chair);
    const [first, second] = candidates;
    if (!first || !second) throw new Error("two candidates expected");
    for (const status of ["APPROVED", "APPROVED", "APPROVED", "PENDING", "SET_ASIDE"] as const) {
      await makeHearingQuestion(db, { hearingId, candidateId: first.id, status });
    }
    await startHearing({ actor, input: await onCurrent({ hearingId, confirmed: "yes" }) });
    expect(await getChairHearing(actor, hearingId)).toMatchObject({ stage: "RUNNING", startBlockers: null, questions: { drawn: false, pending: 1 } });

    // Refused while one waits, with the number the console's warning gives.
    const refusal = await refusalOf(drawForCurrentCandidate({ actor, input: await onCurrent({ hearingId, entropy: "4 4 1 2" }) }));
    expect(refusal).toMatchObject({ code: "CONFLICT", messageKey: "hearingLive.pendingQuestions", values: { count: 1 } });
    await drawForCurrentCandidate({ actor, input: await onCurrent({ hearingId, entropy: "4 4 1 2", confirmPending: true }) });

    const state = await readPublicState(db, hearingId);
    expect(state?.draw).toMatchObject({ drawn: 2, requested: 2, entropy: "4412", seedHash, pendingCount: 1, setAsideCount: 1 });
    expect(Date.parse(state?.draw?.drawnAt ?? "")).not.toBeNaN();

    const record = await readPublicRecord(hearingId);
    expect(record).toMatchObject({ stage: "RUNNING", seedHash, voidedCommitments: 0, seedRevealedAt: null, closedAt: null });
    expect(record?.seedCommittedAt).not.toBeNull();
    expect(record?.startedAt).not.toBeNull();
    expect(record?.draws.map((d) => [d.kind, d.candidateName, d.entropy, d.pendingCount, d.setAsideCount, d.voided])).toEqual([
      ["RUNNING_ORDER", null, "314159", null, null, false],
      ["QUESTIONS", first.name, "4412", 1, 1, false],
    ]);
    expect(record?.draws[1]).toMatchObject({ count: 2, eligibleCount: 3 });

    // One of the two answered, then the hearing ends before the second candidate's questions.
    await startPresentation({ actor, input: await onCurrent({ hearingId }) });
    await startQa({ actor, input: await onCurrent({ hearingId }) });
    await showQuestion({ actor, input: await onCurrent({ hearingId }) });
    await markAnswered({ actor, input: await onCurrent({ hearingId }) });
    await endHearing({ actor, input: await onCurrent({ hearingId, confirmed: "yes" }) });
    const parity = await readParity(hearingId);
    expect(parity?.report?.questionsPerCandidate).toBe(2);
    expect(parity?.report?.rows.map((r) => [r.candidateId, r.questions])).toEqual([
      [first.id, { drawn: 2, answered: 1 }],
      [second.id, { drawn: 0, answered: 0 }],
    ]);
    expect((await readPublicRecord(hearingId))?.stage).toBe("ENDED");
  });
});

describe("the hearing's record", () => {
  it("counts voided commitments and marks a draw made under one as voided", async () => {
    const { hearingId } = await makeReadyHearing(db);
    const old = "a".repeat(64);
    await db.voidedCommitment.create({
      data: { hearingId, seedHash: old, seed: "b".repeat(64), committedAt: new Date("2020-09-01T08:00:00Z"), reason: "A candidature was withdrawn." },
    });
    await db.draw.create({
      data: {
        hearingId,
        kind: "RUNNING_ORDER",
        eligibleIds: [],
        count: 0,
        result: [],
        algorithm: "hustings-draw-v2",
        seedHash: old,
        entropy: "1234",
        createdAt: new Date("2020-09-01T09:00:00Z"),
      },
    });
    const record = await readPublicRecord(hearingId);
    expect(record?.stage).toBe("COMMITTED");
    expect(record?.voidedCommitments).toBe(1);
    expect(record?.draws.map((d) => [d.entropy, d.voided])).toEqual([
      ["1234", true],
      ["314159", false],
    ]);
    expect(await readPublicRecord("no-such-hearing")).toBeNull();
  });
});
