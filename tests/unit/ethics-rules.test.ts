import { describe, expect, it } from "vitest";
import { answerRefusal, auditSnapshot, requestRefusal } from "@/lib/ethics/rules";
import { answerReviewSchema, ETHICS_LIMITS, requestReviewSchema } from "@/lib/ethics/schema";

describe("who may ask for a review (001)", () => {
  it("allows a draft with no open request, even after earlier answers", () => {
    expect(requestRefusal({ state: "DRAFT" }, [])).toBeNull();
    expect(requestRefusal({ state: "DRAFT" }, [{ status: "ADVICE" }, { status: "CLEARED" }])).toBeNull();
  });

  it("refuses published or taken-down material: the review is of drafts", () => {
    expect(requestRefusal({ state: "PUBLISHED" }, [])).toBe("notDraft");
    expect(requestRefusal({ state: "TAKEN_DOWN" }, [])).toBe("notDraft");
  });

  it("refuses a second open request for the same draft", () => {
    expect(requestRefusal({ state: "DRAFT" }, [{ status: "ADVICE" }, { status: "PENDING" }])).toBe("alreadyPending");
  });
});

describe("answering", () => {
  it("answers only a request still waiting", () => {
    expect(answerRefusal({ status: "PENDING" })).toBeNull();
    expect(answerRefusal({ status: "CLEARED" })).toBe("ethicsOffice.alreadyAnswered");
    expect(answerRefusal({ status: "ADVICE" })).toBe("ethicsOffice.alreadyAnswered");
  });
});

describe("the audit snapshot", () => {
  it("keeps ids and whether it was answered only, never the question, the advice or the outcome", () => {
    const review = { id: "r1", materialId: "m1", candidateId: "c1", status: "ADVICE" as const, question: "secret?", answer: "secret advice" };
    expect(auditSnapshot(review)).toEqual({ id: "r1", materialId: "m1", candidateId: "c1", status: "ANSWERED" });
    expect(auditSnapshot({ ...review, status: "CLEARED" })).toEqual({ id: "r1", materialId: "m1", candidateId: "c1", status: "ANSWERED" });
    expect(auditSnapshot({ ...review, status: "PENDING" })).toMatchObject({ status: "PENDING" });
  });
});

describe("schemas", () => {
  it("requires a question within the limit", () => {
    expect(requestReviewSchema.safeParse({ materialId: "m1", question: "Is this photo allowed?" }).success).toBe(true);
    const blank = requestReviewSchema.safeParse({ materialId: "m1", question: "   " });
    expect(blank.success).toBe(false);
    const long = requestReviewSchema.safeParse({ materialId: "m1", question: "x".repeat(ETHICS_LIMITS.question + 1) });
    expect(long.success).toBe(false);
    expect(requestReviewSchema.safeParse({ materialId: "", question: "ok" }).success).toBe(false);
  });

  it("requires a comment with advice, not with a clearance", () => {
    expect(answerReviewSchema.safeParse({ reviewId: "r1", outcome: "CLEARED", comment: "" }).data).toEqual({
      reviewId: "r1",
      outcome: "CLEARED",
      comment: null,
    });
    const advice = answerReviewSchema.safeParse({ reviewId: "r1", outcome: "ADVICE", comment: "  " });
    expect(advice.success).toBe(false);
    expect(advice.error?.issues[0]).toMatchObject({ path: ["comment"], message: "ethicsOffice.commentRequired" });
    expect(answerReviewSchema.safeParse({ reviewId: "r1", outcome: "ADVICE", comment: "Remove the logo." }).success).toBe(true);
  });

  it("refuses an outcome other than cleared or advice (a request cannot be put back to pending)", () => {
    const pending = answerReviewSchema.safeParse({ reviewId: "r1", outcome: "PENDING", comment: "x" });
    expect(pending.error?.issues[0]).toMatchObject({ path: ["outcome"], message: "ethicsOffice.outcomeRequired" });
  });
});
