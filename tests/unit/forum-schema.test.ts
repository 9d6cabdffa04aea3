import { describe, expect, it } from "vitest";
import {
  answerQuestionSchema,
  askQuestionSchema,
  declineQuestionSchema,
  FORUM_LIMITS,
  hideQuestionSchema,
  publishQuestionSchema,
  withdrawQuestionSchema,
} from "@/lib/forum/schema";
import { HONEYPOT_FIELD } from "@/lib/abuse/honeypot";
import { normaliseForRepeat } from "@/lib/abuse/text";
import { isDomainError } from "@/lib/errors/domain-error";
import { parseInput } from "@/lib/validation/parse";
import type { z } from "@/lib/validation/zod";

const ASK = { candidateId: "c1", askerName: "Amina", body: "How will you connect the unconnected?" };

// What the service reports (lib/validation/parse.ts): the first problem of each field.
function errorsOf(schema: z.ZodType, input: unknown): Record<string, string> {
  try {
    parseInput(schema, input);
    return {};
  } catch (error) {
    if (isDomainError(error)) return error.fieldErrors ?? {};
    throw error;
  }
}

describe("the question form's schema (shared by form and server)", () => {
  it("accepts a question at exactly each limit and refuses one character more, naming the limit", () => {
    const full = {
      ...ASK,
      askerName: "n".repeat(FORUM_LIMITS.name),
      askerCountry: "c".repeat(FORUM_LIMITS.country),
      askerAffiliation: "a".repeat(FORUM_LIMITS.affiliation),
      body: "b".repeat(FORUM_LIMITS.body),
    };
    expect(askQuestionSchema.safeParse(full).success).toBe(true);
    expect(
      errorsOf(askQuestionSchema, {
        ...full,
        askerName: `${full.askerName}n`,
        askerCountry: `${full.askerCountry}c`,
        askerAffiliation: `${full.askerAffiliation}a`,
        body: `${full.body}b`,
      }),
    ).toEqual({ askerName: "tooLong:100", askerCountry: "tooLong:100", askerAffiliation: "tooLong:200", body: "tooLong:2000" });
  });

  it("requires a name and a question, and reads blank optional fields as none", () => {
    expect(errorsOf(askQuestionSchema, { candidateId: "c1", askerName: "   ", body: "\n\t " })).toEqual({ askerName: "required", body: "required" });
    expect(askQuestionSchema.parse({ ...ASK, askerCountry: "", askerAffiliation: "  ", askerEmail: "" })).toMatchObject({
      askerCountry: null,
      askerAffiliation: null,
      askerEmail: null,
    });
    expect(askQuestionSchema.parse(ASK)).toMatchObject({ askerCountry: null, askerAffiliation: null, askerEmail: null });
  });

  it("accepts an e-mail address only if it is one, within 254 characters", () => {
    expect(errorsOf(askQuestionSchema, { ...ASK, askerEmail: "not an address" })).toEqual({ askerEmail: "email" });
    expect(errorsOf(askQuestionSchema, { ...ASK, askerEmail: `${"a".repeat(250)}@example.org` })).toEqual({ askerEmail: "tooLong:254" });
    expect(askQuestionSchema.parse({ ...ASK, askerEmail: " asker@example.org " }).askerEmail).toBe("asker@example.org");
  });

  it("drops invisible control characters (PostgreSQL refuses NUL) but keeps bidi marks and line breaks in the question", () => {
    const parsed = askQuestionSchema.parse({ ...ASK, askerName: "Ami\u0000na\u0007", body: "Line one\r\nLine two\u202Eowt\u0000" });
    expect(parsed.askerName).toBe("Amina");
    expect(parsed.body).toBe("Line one\nLine two\u202Eowt");
  });

  it("keeps one-line fields on one line", () => {
    expect(askQuestionSchema.parse({ ...ASK, askerName: "Amina\n  Diallo", askerAffiliation: "A\r\nB" })).toMatchObject({
      askerName: "Amina Diallo",
      askerAffiliation: "A B",
    });
  });

  it("counts a limit after cleaning, so that removed characters do not make a question too long", () => {
    expect(askQuestionSchema.safeParse({ ...ASK, body: `${"b".repeat(FORUM_LIMITS.body)}\u0000\u0000` }).success).toBe(true);
  });

  it("keeps markup and scripts as the text they are (they are rendered as text, never as HTML)", () => {
    const body = `<script>alert(1)</script><img src=x onerror=alert(1)> javascript:alert(1) '; DROP TABLE "ForumQuestion";--`;
    expect(askQuestionSchema.parse({ ...ASK, body }).body).toBe(body);
  });

  it("lets any honeypot value through validation, so that a robot learns nothing from the answer", () => {
    expect(askQuestionSchema.safeParse({ ...ASK, [HONEYPOT_FIELD]: "https://spam.example" }).success).toBe(true);
    expect(askQuestionSchema.safeParse({ ...ASK, [HONEYPOT_FIELD]: { nested: true } }).success).toBe(true);
  });
});

describe("the moderation schemas", () => {
  it("publish with or without an answer, within the answer's limit", () => {
    expect(publishQuestionSchema.parse({ id: "q1" })).toEqual({ id: "q1", answer: null });
    expect(publishQuestionSchema.parse({ id: "q1", answer: "  " })).toEqual({ id: "q1", answer: null });
    expect(publishQuestionSchema.parse({ id: "q1", answer: " Yes. " })).toEqual({ id: "q1", answer: "Yes." });
    expect(errorsOf(publishQuestionSchema, { id: "q1", answer: "a".repeat(FORUM_LIMITS.answer + 1) })).toEqual({ answer: "tooLong:5000" });
  });

  it("need an answer to answer", () => {
    expect(errorsOf(answerQuestionSchema, { id: "q1", answer: " " })).toEqual({ answer: "required" });
    expect(answerQuestionSchema.safeParse({ id: "q1", answer: "a".repeat(FORUM_LIMITS.answer) }).success).toBe(true);
  });

  it.each([
    ["decline", declineQuestionSchema],
    ["withdraw", withdrawQuestionSchema],
    ["hide", hideQuestionSchema],
  ] as const)("%s needs a reason of 10 to 1000 characters", (_name, schema) => {
    expect(errorsOf(schema, { id: "q1", reason: "" })).toEqual({ reason: "required" });
    expect(errorsOf(schema, { id: "q1", reason: "too short" })).toEqual({ reason: "forum.reasonTooShort" });
    expect(errorsOf(schema, { id: "q1", reason: "r".repeat(FORUM_LIMITS.reason + 1) })).toEqual({ reason: "tooLong:1000" });
    expect(schema.parse({ id: "q1", reason: "Off topic for this forum." }).reason).toBe("Off topic for this forum.");
    expect(errorsOf(schema, { reason: "Off topic for this forum." })).toEqual({ id: "required" });
  });
});

describe("exact repeats", () => {
  it("are the same question whatever the case, spacing or Unicode form", () => {
    const a = normaliseForRepeat("What is your  VISION\r\nfor ITU?");
    expect(normaliseForRepeat(" what is your vision for itu? ")).toBe(a);
    expect(normaliseForRepeat("ｗｈａｔ is your vision for ITU?")).toBe(a);
    expect(normaliseForRepeat("What is your vision for ITU!")).not.toBe(a);
  });
});
