import { describe, expect, it } from "vitest";
import { fileDigest, versionDigest, wasTakenDown, type Takedown } from "@/lib/candidates/profile-takedowns";

// docs/domain.md#takedown: what the secretariat took down of a profile stays down — the same
// text or file — while a revised text or another file may be published anew.

const at = new Date("2030-09-10T10:00:00Z");
const version = { vision: "Connect everyone.", biography: "Engineer." };
const takedowns: Takedown[] = [
  { part: "version", entityId: "version-en", locale: "en", reason: "Uses the emblem.", digest: versionDigest(version), at },
  { part: "photo", entityId: "candidate-1", reason: "Uses the flag.", digest: fileDigest(new Uint8Array([1, 2, 3])), at },
];

describe("a profile's takedowns", () => {
  it("keep the same text down, in the same version only", () => {
    expect(wasTakenDown(takedowns, "version", versionDigest(version), "version-en")).toBe(true);
    expect(wasTakenDown(takedowns, "version", versionDigest(version), "version-fr")).toBe(false);
  });

  it("let a revised vision or biography through", () => {
    expect(wasTakenDown(takedowns, "version", versionDigest({ ...version, vision: "Connect everyone, without the emblem." }), "version-en")).toBe(false);
    expect(wasTakenDown(takedowns, "version", versionDigest({ ...version, biography: "Engineer and diplomat." }), "version-en")).toBe(false);
  });

  it("do not confuse the vision with the biography when their words move between them", () => {
    expect(versionDigest({ vision: "a", biography: "bc" })).not.toBe(versionDigest({ vision: "ab", biography: "c" }));
  });

  it("keep the very same file down, for its kind only", () => {
    expect(wasTakenDown(takedowns, "photo", fileDigest(new Uint8Array([1, 2, 3])))).toBe(true);
    expect(wasTakenDown(takedowns, "photo", fileDigest(new Uint8Array([1, 2, 4])))).toBe(false);
    expect(wasTakenDown(takedowns, "cv", fileDigest(new Uint8Array([1, 2, 3])))).toBe(false);
  });
});
