import { describe, expect, it } from "vitest";
import { isDomainError } from "@/lib/errors/domain-error";
import { assertConfirmed } from "@/lib/validation/confirmation";

// docs/conventions.md#confirmations: only the dialog's own `confirmed=yes` lets an irreversible action run.

function refusal(input: unknown) {
  try {
    assertConfirmed(input);
  } catch (error) {
    if (isDomainError(error)) return { code: error.code, messageKey: error.messageKey, fieldErrors: error.fieldErrors };
    throw error;
  }
  return null;
}

describe("assertConfirmed", () => {
  it("lets exactly confirmed=yes through", () => {
    expect(refusal({ confirmed: "yes", id: "x" })).toBeNull();
  });

  it.each([
    undefined,
    null,
    "x",
    {},
    { confirmed: "" },
    { confirmed: "no" },
    { confirmed: "on" },
    { confirmed: "YES" },
    { confirmed: ["yes"] },
    { confirmed: true },
  ])("refuses %j with the translated message, as the form's message and beside the button", (input) => {
    expect(refusal(input)).toEqual({ code: "INVALID_INPUT", messageKey: "confirm.required", fieldErrors: { confirmed: "confirm.required" } });
  });
});
