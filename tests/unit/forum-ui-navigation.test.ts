import { describe, expect, it } from "vitest";
import { filterQuery, readFilter } from "@/app/[locale]/admin/conferences/[slug]/forum/filters";
import { doneOf } from "@/app/[locale]/my/forum/done";
import { pagesToShow } from "@/components/forum/pages";

// The forum pages' address handling: page links, the secretariat's filter and the
// workspace's "what just happened" notice read only known, validated values.

describe("pagesToShow", () => {
  it("lists every page when there are few", () => {
    expect(pagesToShow(1, 1)).toEqual([1]);
    expect(pagesToShow(4, 9)).toEqual([1, 2, 3, 4, 5, 6, 7, 8, 9]);
  });

  it("keeps the first, the last and the current page's neighbours, with gaps between", () => {
    expect(pagesToShow(1, 20)).toEqual([1, 2, 3, "gap", 20]);
    expect(pagesToShow(10, 20)).toEqual([1, "gap", 8, 9, 10, 11, 12, "gap", 20]);
    expect(pagesToShow(20, 20)).toEqual([1, "gap", 18, 19, 20]);
    expect(pagesToShow(4, 20)).toEqual([1, 2, 3, 4, 5, 6, "gap", 20]);
  });
});

describe("the secretariat's forum filter", () => {
  const id = "cmwsfme6d0003iu7d10872w6x";

  it("reads a candidate id and a state, and ignores anything else", () => {
    expect(readFilter({ candidate: id, status: "HIDDEN" })).toEqual({ candidateId: id, status: "HIDDEN" });
    expect(readFilter({ candidate: [id, "other"], status: ["PENDING"] })).toEqual({ candidateId: id, status: "PENDING" });
    expect(readFilter({ candidate: "x' OR 1=1 --", status: "EVERYTHING" })).toEqual({ candidateId: undefined, status: undefined });
    expect(readFilter({ candidate: "", status: "" })).toEqual({ candidateId: undefined, status: undefined });
  });

  it("reads the live demo's UUID candidate ids too, and nothing like one", () => {
    const uuid = "3f2b8c1e-9a4d-4e6f-8b2a-1c5d7e9f0a3b";
    expect(readFilter({ candidate: uuid })).toEqual({ candidateId: uuid, status: undefined });
    expect(readFilter({ candidate: "3f2b8c1e-9a4d-4e6f-8b2a-1c5d7e9f0a3" }).candidateId).toBeUndefined();
    expect(readFilter({ candidate: "3f2b8c1e-9a4d-4e6f-8b2a-1c5d7e9f0a3b-" }).candidateId).toBeUndefined();
    expect(readFilter({ candidate: "--------------------------" }).candidateId).toBeUndefined();
  });

  it("writes back only what it read, plus the notice", () => {
    expect(filterQuery({ candidateId: id, status: "PUBLISHED" }, { done: "hidden" })).toBe(`candidate=${id}&status=PUBLISHED&done=hidden`);
    expect(filterQuery(readFilter({ candidate: "javascript:alert(1)", back: "https://evil.example" }))).toBe("");
  });
});

describe("the workspace's notice after a moderation action", () => {
  it("names one of the known outcomes or nothing", () => {
    expect(doneOf("publishedWithAnswer")).toBe("publishedWithAnswer");
    expect(doneOf("declined")).toBe("declined");
    expect(doneOf("<script>alert(1)</script>")).toBeNull();
    expect(doneOf(["published"])).toBeNull();
    expect(doneOf(undefined)).toBeNull();
  });
});
