import { describe, expect, it } from "vitest";
import { changeStatusSchema, registerCandidateSchema } from "@/lib/candidates/schema";

describe("candidature schemas", () => {
  it("reads an unticked internal-candidate box (no field sent) as false and a ticked one as true", () => {
    const form = { name: " Ada Lovelace ", postId: "p1", memberStateId: "s1" };
    expect(registerCandidateSchema.parse(form)).toEqual({ name: "Ada Lovelace", postId: "p1", memberStateId: "s1", isInternal: false });
    expect(registerCandidateSchema.parse({ ...form, isInternal: "on" }).isInternal).toBe(true);
  });

  it("takes the receipt date as a datetime-local value and treats an empty one as absent", () => {
    expect(changeStatusSchema.parse({ id: "c1", to: "FORMAL", formallyReceivedAt: "2018-09-20T10:00", note: "" })).toEqual({
      id: "c1",
      to: "FORMAL",
      formallyReceivedAt: "2018-09-20T10:00",
      note: null,
    });
    expect(changeStatusSchema.parse({ id: "c1", to: "WITHDRAWN", formallyReceivedAt: "" }).formallyReceivedAt).toBeUndefined();
    expect(changeStatusSchema.safeParse({ id: "c1", to: "FORMAL", formallyReceivedAt: "20 Sept" }).success).toBe(false);
    expect(changeStatusSchema.safeParse({ id: "c1", to: "PENDING" }).success).toBe(false);
  });
});
