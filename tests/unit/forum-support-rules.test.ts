import { describe, expect, it } from "vitest";
import { followPath, followTokenHash, isFollowToken, newFollowToken } from "@/lib/forum/follow-token";
import { isBrowserKey, SUPPORT_RATE_LIMITS, supportRefusal, supportResultOf } from "@/lib/forum/support-rules";
import { loggedPath } from "@/lib/observability/request-id";

// The rules of forum support and following (docs/decisions/049-forum-support-and-follow.md).

const open = { open: true } as const;
const published = { status: "PUBLISHED" as const, publishedAt: new Date("2030-01-01T00:00:00Z") };

describe("which question may be supported", () => {
  it("only a published question, while its forum takes questions", () => {
    expect(supportRefusal(published, open)).toBeNull();
    for (const status of ["PENDING", "DECLINED", "HIDDEN", "WITHDRAWN"] as const) {
      expect(supportRefusal({ status, publishedAt: status === "WITHDRAWN" ? published.publishedAt : null }, open), status).toBe(
        "forumSupport.refused.unavailable",
      );
    }
    expect(supportRefusal({ status: "PUBLISHED", publishedAt: null }, open)).toBe("forumSupport.refused.unavailable");
    expect(supportRefusal(null, open)).toBe("forumSupport.refused.unavailable");
    // A closed forum (a withdrawn candidature, a closed or opened conference) says why, in the forum's words.
    expect(supportRefusal(published, { open: false, reasonKey: "forum.closedWithdrawn" })).toBe("forum.closedWithdrawn");
    // What the public does not see is not supportable, open or not: the question's state is said first.
    expect(supportRefusal({ status: "HIDDEN", publishedAt: null }, { open: false, reasonKey: "forum.closedWithdrawn" })).toBe(
      "forumSupport.refused.unavailable",
    );
  });

  it("paces a shared address rather than refusing its second person", () => {
    const { perAddressQuestion, perAddressQuestionDay, perAddress } = SUPPORT_RATE_LIMITS;
    expect(perAddressQuestion.max).toBeGreaterThan(1);
    expect(perAddressQuestionDay.max).toBeGreaterThan(perAddressQuestion.max);
    expect(perAddress.max).toBeGreaterThan(perAddressQuestion.max);
  });
});

describe("the browser's key and the outcomes", () => {
  it("accepts only a key the site makes", () => {
    expect(isBrowserKey("a".repeat(43))).toBe(true);
    for (const bad of [null, undefined, "", "a".repeat(42), "a".repeat(44), `${"a".repeat(42)};`, `${"a".repeat(42)}=`])
      expect(isBrowserKey(bad), String(bad)).toBe(false);
  });

  it("reads only the outcomes it knows from the address", () => {
    expect(supportResultOf("supported")).toBe("supported");
    expect(supportResultOf("limited")).toBe("limited");
    for (const bad of ["", "Supported", "<script>", ["supported"], undefined]) expect(supportResultOf(bad)).toBeNull();
  });
});

describe("the follow token", () => {
  it("is 192 random bits, kept only as its sha256, and never written to the access log", () => {
    const token = newFollowToken();
    expect(token).toMatch(/^[A-Za-z0-9_-]{32}$/);
    expect(Buffer.from(token, "base64url")).toHaveLength(24);
    expect(newFollowToken()).not.toBe(token);
    expect(followTokenHash(token)).toMatch(/^[0-9a-f]{64}$/);
    expect(followTokenHash(token)).not.toContain(token);
    expect(isFollowToken(token)).toBe(true);
    for (const bad of ["short", "a".repeat(65), "../../../../etc/passwd-aaaaaaaaaaaaaaaaaaaa", 42]) expect(isFollowToken(bad)).toBe(false);
    expect(loggedPath(`/en${followPath(token)}?x=1`)).toBe("/en/follow/[token]");
  });
});
