import { describe, expect, it } from "vitest";
import {
  hearingEndedAt,
  isNotReached,
  POOL_OUTCOMES,
  poolOutcome,
  WRITTEN_ANSWER_DAYS,
  writtenAnswerDeadline,
  writtenAnswerRefusal,
  type HearingAfterFields,
  type QuestionFate,
} from "@/lib/hearings/written-answer-rules";

// docs/fairness.md#after-the-hearing, docs/decisions/048-written-answers-and-open-pool.md.

const q = (fate: Partial<QuestionFate> & { writtenAnswers?: number }) => ({
  drawId: null,
  status: "APPROVED" as const,
  answeredAt: null,
  writtenAnswers: 0,
  ...fate,
});

describe("a drawn question not reached", () => {
  it("is drawn and not answered live: never put, or put and left unanswered", () => {
    expect(isNotReached(q({ drawId: "d", status: "DRAWN" }))).toBe(true);
    expect(isNotReached(q({ drawId: "d", status: "SHOWN" }))).toBe(true);
    expect(isNotReached(q({ drawId: "d", status: "ANSWERED", answeredAt: new Date() }))).toBe(false);
    expect(isNotReached(q({ drawId: "d", status: "ANSWERED" }))).toBe(false);
    expect(isNotReached(q({ status: "APPROVED" }))).toBe(false);
    expect(isNotReached(q({ status: "SET_ASIDE" }))).toBe(false);
    expect(isNotReached(q({ status: "PENDING" }))).toBe(false);
  });
});

describe("each question's outcome in the open pool", () => {
  it("is one of six, from the draw, the live answer, the written answers and the chair's decision", () => {
    expect(poolOutcome(q({ drawId: "d", status: "ANSWERED", answeredAt: "2030-10-27T06:00:00Z" }))).toBe("ANSWERED_LIVE");
    expect(poolOutcome(q({ drawId: "d", status: "DRAWN", writtenAnswers: 2 }))).toBe("ANSWERED_IN_WRITING");
    expect(poolOutcome(q({ drawId: "d", status: "SHOWN", writtenAnswers: 1 }))).toBe("ANSWERED_IN_WRITING");
    expect(poolOutcome(q({ drawId: "d", status: "DRAWN" }))).toBe("NOT_REACHED");
    expect(poolOutcome(q({ drawId: "d", status: "SHOWN" }))).toBe("NOT_REACHED");
    expect(poolOutcome(q({ status: "APPROVED" }))).toBe("APPROVED_NOT_DRAWN");
    expect(poolOutcome(q({ status: "SET_ASIDE" }))).toBe("SET_ASIDE");
    expect(poolOutcome(q({ status: "PENDING" }))).toBe("NEVER_DECIDED");
    expect(POOL_OUTCOMES).toHaveLength(6);
  });

  it("keeps a live answer live even if a written one exists (it could not have been given)", () => {
    expect(poolOutcome(q({ drawId: "d", status: "ANSWERED", answeredAt: new Date(), writtenAnswers: 1 }))).toBe("ANSWERED_LIVE");
  });
});

describe("the window for written answers", () => {
  const end = new Date("2030-10-27T12:00:00Z");
  const ended: HearingAfterFields = { rehearsal: false, status: "ENDED", closedAt: null, endedAt: end };
  const deadline = writtenAnswerDeadline(end);

  it("ends at the latest turn's finish, and closes seven days later", () => {
    expect(hearingEndedAt([{ finishedAt: new Date("2030-10-27T10:00:00Z") }, { finishedAt: end }, { finishedAt: null }])).toEqual(end);
    expect(hearingEndedAt([{ finishedAt: null }])).toBeNull();
    expect(WRITTEN_ANSWER_DAYS).toBe(7);
    expect(deadline.toISOString()).toBe("2030-11-03T12:00:00.000Z");
  });

  it("is open from the end until just before the deadline", () => {
    expect(writtenAnswerRefusal(ended, "FORMAL", end)).toBeNull();
    expect(writtenAnswerRefusal(ended, "FORMAL", new Date(deadline.getTime() - 1))).toBeNull();
    expect(writtenAnswerRefusal(ended, "FORMAL", deadline)).toBe("hearingPool.answer.pastDeadline");
  });

  it("is never open for a rehearsal, a hearing not ended or a closed record", () => {
    expect(writtenAnswerRefusal({ ...ended, rehearsal: true }, "FORMAL", end)).toBe("hearingPool.answer.rehearsal");
    expect(writtenAnswerRefusal({ ...ended, status: "LIVE", endedAt: null }, "FORMAL", end)).toBe("hearingPool.answer.notEnded");
    expect(writtenAnswerRefusal({ ...ended, endedAt: null }, "FORMAL", end)).toBe("hearingPool.answer.notEnded");
    expect(writtenAnswerRefusal({ ...ended, closedAt: end }, "FORMAL", end)).toBe("hearingPool.answer.recordClosed");
  });

  it("follows the campaign's rule for what a candidature may still publish", () => {
    expect(writtenAnswerRefusal(ended, "WITHDRAWN", end)).toBe("workspace.candidatureWithdrawn");
    expect(writtenAnswerRefusal(ended, "ELECTED", end)).toBe("workspace.electionHeld");
  });
});
