import { beforeEach, describe, expect, it, vi } from "vitest";
import type { Actor } from "@/lib/auth/permissions";

// Who may read a hearing's live panel: the webcast's one rule (lib/hearings/live-access.ts,
// docs/decisions/027-same-origin-and-members-only-stream.md). Through the running server a
// member and an anonymous viewer are tested (tests/e2e/same-origin.spec.ts); here, every
// answer the rule gives, the signed-in viewer without the grant included.

let access: "PUBLIC" | "MEMBERS" | null = "MEMBERS";
let reads = 0;
vi.mock("next/cache", () => ({ unstable_cache: (read: () => Promise<unknown>) => read }));
vi.mock("@/lib/db", () => ({
  db: () => ({ hearing: { findUnique: async () => (reads++, access === null ? null : { webcastAccess: access }) } }),
}));
vi.mock("@/lib/hearings/webcast-rules", () => ({
  // A role without the grant, as none is today: ETHICS_OFFICER stands for it here.
  mayFollowWebcast: (webcast: string, viewer: Actor | null) => webcast === "PUBLIC" || (viewer !== null && viewer.role !== "ETHICS_OFFICER"),
}));

const { liveAccess } = await import("@/lib/hearings/live-access");

const actor = (role: Actor["role"]): Actor => ({ id: "u1", role, candidateId: null, disabled: false });

describe("liveAccess", () => {
  beforeEach(() => {
    access = "MEMBERS";
    reads = 0;
  });

  it("opens a public hearing's panel to anyone without reading the session", async () => {
    access = "PUBLIC";
    const viewer = vi.fn(async () => null);
    expect(await liveAccess("hearing1", viewer)).toBe("open");
    expect(viewer).not.toHaveBeenCalled();
  });

  it("a members-only hearing's: open to a member, sign-in needed for nobody, refused to a signed-in viewer without the grant", async () => {
    expect(await liveAccess("hearing1", async () => actor("MEMBER"))).toBe("open");
    expect(await liveAccess("hearing1", async () => null)).toBe("signInNeeded");
    expect(await liveAccess("hearing1", async () => actor("ETHICS_OFFICER"))).toBe("notAllowed");
  });

  it("leaves an unknown hearing, or an id that is not one, to the stream, which says NOT_FOUND", async () => {
    access = null;
    expect(await liveAccess("missing", async () => null)).toBe("open");
    expect(await liveAccess("../etc", async () => null)).toBe("open");
    expect(reads).toBe(1);
  });
});
