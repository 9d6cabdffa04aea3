import { describe, expect, it } from "vitest";
import { createPostSchema, regionRefusal, updatePostSchema } from "@/lib/elections/post-schema";

const form = {
  code: "rrb-a",
  kind: "RRB_SEAT",
  region: "A",
  seats: "1",
  sortOrder: "",
  nameEn: "Radio Regulations Board, Region A",
  nameFr: "",
  nameEs: "",
  nameAr: "",
  nameRu: "",
  nameZh: "",
};

function errors(input: unknown) {
  const parsed = createPostSchema.safeParse(input);
  const out: Record<string, string> = {};
  // The first message per field, as parseInput shows it.
  for (const issue of parsed.success ? [] : parsed.error.issues) out[issue.path.join(".")] ??= issue.message;
  return out;
}

describe("post schema", () => {
  it("reads a form: code upper-cased, names by locale with English required, empty names left out", () => {
    const parsed = createPostSchema.parse({ ...form, nameFr: "Comité du Règlement des radiocommunications, Région A" });
    expect(parsed).toEqual({
      code: "RRB-A",
      kind: "RRB_SEAT",
      region: "A",
      seats: 1,
      sortOrder: 0,
      names: { en: "Radio Regulations Board, Region A", fr: "Comité du Règlement des radiocommunications, Région A" },
    });
  });

  it("refuses codes outside [A-Z0-9-]{1,32}", () => {
    expect(errors({ ...form, code: "RRB A" }).code).toBe("adminPosts.codeInvalid");
    expect(errors({ ...form, code: "X".repeat(33) }).code).toBe("adminPosts.codeInvalid");
    expect(errors({ ...form, code: "" }).code).toBe("required");
    expect(errors({ ...form, code: "SG_1" }).code).toBe("adminPosts.codeInvalid");
  });

  it("requires a region for RRB and Council seats and forbids one for elected officials", () => {
    expect(regionRefusal("RRB_SEAT", null)).toBe("adminPosts.regionRequired");
    expect(regionRefusal("COUNCIL_SEAT", null)).toBe("adminPosts.regionRequired");
    expect(regionRefusal("ELECTED_OFFICIAL", "A")).toBe("adminPosts.regionForbidden");
    expect(regionRefusal("ELECTED_OFFICIAL", null)).toBeNull();
    expect(errors({ ...form, region: "" }).region).toBe("adminPosts.regionRequired");
    expect(errors({ ...form, kind: "ELECTED_OFFICIAL" }).region).toBe("adminPosts.regionForbidden");
  });

  it("requires at least one seat and the English name", () => {
    expect(errors({ ...form, seats: "0" }).seats).toBe("tooSmall:1");
    expect(errors({ ...form, seats: "1.5" }).seats).toBe("integer");
    expect(errors({ ...form, nameEn: "  " }).nameEn).toBe("required");
  });

  it("carries the post's id when editing", () => {
    expect(updatePostSchema.parse({ ...form, id: "p1" }).id).toBe("p1");
  });
});
