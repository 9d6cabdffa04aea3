import { describe, expect, it } from "vitest";
import {
  answerRefusal,
  concernsPost,
  deadlineRefusal,
  declarationRefusal,
  fairOrder,
  isOpen,
  isRevealed,
  pickAnswer,
  questionDeleteRefusal,
  questionEditRefusal,
  roundChangeRefusal,
} from "@/lib/questionnaire/rules";
import { createQuestionSchema, QUESTIONNAIRE_LIMITS, questionText, saveAnswerSchema } from "@/lib/questionnaire/schema";

// docs/fairness.md#common-questionnaire, docs/decisions/047-common-questionnaire.md.

const deadline = new Date("2030-10-01T12:00:00.000Z");
const at = (ms: number) => new Date(deadline.getTime() + ms);

describe("the deadline", () => {
  it("takes answers strictly before it and freezes them at the very instant", () => {
    expect(isOpen(deadline, at(-1))).toBe(true);
    expect(isOpen(deadline, at(0))).toBe(false);
    expect(isOpen(deadline, at(1))).toBe(false);
  });

  it("reveals the answers exactly when it freezes them, never before", () => {
    for (const ms of [-1, 0, 1]) expect(isRevealed(deadline, at(ms))).toBe(!isOpen(deadline, at(ms)));
  });

  it("freezes the round for the secretariat as well", () => {
    expect(roundChangeRefusal(deadline, at(-1))).toBeNull();
    expect(roundChangeRefusal(deadline, at(0))).toBe("adminQuestionnaire.frozen");
  });

  it("must lie ahead when set", () => {
    expect(deadlineRefusal(at(1), deadline)).toBeNull();
    expect(deadlineRefusal(at(0), deadline)).toBe("adminQuestionnaire.deadlineInPast");
    expect(deadlineRefusal(at(-60_000), deadline)).toBe("adminQuestionnaire.deadlineInPast");
  });
});

describe("questions", () => {
  it("are corrected as drafts, or published while unanswered, never once answered", () => {
    expect(questionEditRefusal({ publishedAt: null, answerCount: 0 })).toBeNull();
    expect(questionEditRefusal({ publishedAt: deadline, answerCount: 0 })).toBeNull();
    expect(questionEditRefusal({ publishedAt: deadline, answerCount: 1 })).toBe("adminQuestionnaire.answeredFinal");
  });

  it("are deleted only as drafts", () => {
    expect(questionDeleteRefusal({ publishedAt: null })).toBeNull();
    expect(questionDeleteRefusal({ publishedAt: deadline })).toBe("adminQuestionnaire.publishedFinal");
  });

  it("concern one post, or every post when none is named", () => {
    expect(concernsPost({ postId: null }, "p1")).toBe(true);
    expect(concernsPost({ postId: "p1" }, "p1")).toBe(true);
    expect(concernsPost({ postId: "p2" }, "p1")).toBe(false);
  });

  it("need their English text; the others are optional and bounded", () => {
    const ok = createQuestionSchema.safeParse({ questionnaireId: "q", textEn: " Why? ", textAr: "لماذا؟", textFr: "", postId: "" });
    expect(ok.success && ok.data).toEqual({ questionnaireId: "q", texts: { en: "Why?", ar: "لماذا؟" }, postId: null });
    expect(createQuestionSchema.safeParse({ questionnaireId: "q", textEn: "  ", postId: "" }).success).toBe(false);
    expect(createQuestionSchema.safeParse({ questionnaireId: "q", textEn: "x".repeat(QUESTIONNAIRE_LIMITS.question + 1) }).success).toBe(false);
  });

  it("are shown in the reader's language, else in English, saying which", () => {
    expect(questionText({ en: "Why?", fr: "Pourquoi ?" }, "fr")).toEqual({ text: "Pourquoi ?", language: "fr" });
    expect(questionText({ en: "Why?" }, "ar")).toEqual({ text: "Why?", language: "en" });
  });
});

describe("an answer", () => {
  const base = {
    candidateStatus: "FORMAL" as const,
    candidatePostId: "p1",
    question: { postId: null, publishedAt: deadline, sameConference: true },
    deadlineAt: deadline,
    now: at(-1),
  };

  it("is taken from a formal candidate of a post the question concerns, before the deadline", () => {
    expect(answerRefusal(base)).toBeNull();
  });

  it("is refused for a draft, another post's question or another conference's, as not theirs", () => {
    expect(answerRefusal({ ...base, question: { ...base.question, publishedAt: null } })?.key).toBe("questionnaire.my.notYours");
    expect(answerRefusal({ ...base, question: { ...base.question, postId: "p2" } })?.key).toBe("questionnaire.my.notYours");
    expect(answerRefusal({ ...base, question: { ...base.question, sameConference: false } })?.code).toBe("NOT_FOUND");
  });

  it("is refused at and after the deadline, with the frozen message first", () => {
    expect(answerRefusal({ ...base, now: at(0) })).toEqual({ code: "CONFLICT", key: "questionnaire.my.frozen" });
    expect(answerRefusal({ ...base, now: at(0), candidateStatus: "WITHDRAWN" })?.key).toBe("questionnaire.my.frozen");
  });

  it("is refused from a candidature that may not publish (announced, withdrawn, after the election)", () => {
    expect(answerRefusal({ ...base, candidateStatus: "ANNOUNCED" })?.key).toBe("workspace.notFormal");
    expect(answerRefusal({ ...base, candidateStatus: "WITHDRAWN" })?.key).toBe("workspace.candidatureWithdrawn");
    expect(answerRefusal({ ...base, candidateStatus: "ELECTED" })?.key).toBe("workspace.electionHeld");
  });

  it("needs both declarations", () => {
    expect(declarationRefusal({ declaredNoSymbols: true, declaredNoResources: true })).toBeNull();
    expect(declarationRefusal({ declaredNoSymbols: false, declaredNoResources: true })).toEqual({
      field: "declaredNoSymbols",
      key: "workspace.declarationRequired",
    });
    expect(declarationRefusal({ declaredNoSymbols: true, declaredNoResources: false })?.field).toBe("declaredNoResources");
  });

  it("is in one of the six languages, not empty, within its limit", () => {
    const input = { questionId: "q", language: "ar", body: "نعم", declaredNoSymbols: "on", declaredNoResources: "on" };
    expect(saveAnswerSchema.safeParse(input).success).toBe(true);
    expect(saveAnswerSchema.safeParse({ ...input, language: "de" }).success).toBe(false);
    expect(saveAnswerSchema.safeParse({ ...input, body: "   " }).success).toBe(false);
    expect(saveAnswerSchema.safeParse({ ...input, body: "x".repeat(QUESTIONNAIRE_LIMITS.answer + 1) }).success).toBe(false);
    expect(saveAnswerSchema.safeParse({ ...input, format: "HTML" }).success).toBe(false);
  });
});

describe("the public page", () => {
  it("lists candidates alphabetically, the same whatever the reader's language", () => {
    const names = ["Zhou Wei", "Ana Ávila", "amir Haddad", "Émile Bernard"].map((name, i) => ({ name, id: String(i) }));
    expect(fairOrder(names).map((c) => c.name)).toEqual(["amir Haddad", "Ana Ávila", "Émile Bernard", "Zhou Wei"]);
  });

  it("shows the reader's language, else English, else the first in a fixed order", () => {
    const answers = [{ language: "ar" }, { language: "fr" }];
    expect(pickAnswer(answers, "ar")?.language).toBe("ar");
    expect(pickAnswer(answers, "zh")?.language).toBe("fr");
    expect(pickAnswer([{ language: "ar" }, { language: "en" }], "zh")?.language).toBe("en");
    expect(pickAnswer([], "en")).toBeUndefined();
  });
});
