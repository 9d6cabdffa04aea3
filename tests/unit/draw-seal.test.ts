import { hkdfSync } from "node:crypto";
import { describe, expect, it } from "vitest";
import { sealingKeyFrom, sealSeed, unsealSeed } from "@/lib/draw/seal";
import { parseEnv } from "@/lib/env";
import { isDomainError } from "@/lib/errors/domain-error";

// The committed seed sealed until the reveal (docs/decisions/014-hearing-record-integrity.md).

const SEED = "0f1e2d3c4b5a69788796a5b4c3d2e1f000112233445566778899aabbccddeeff";
const KEY_HEX = "7".repeat(64);
const KEY = Buffer.from(KEY_HEX, "hex");

function refusalKey(call: () => unknown): string | undefined {
  try {
    call();
  } catch (error) {
    if (isDomainError(error)) return error.messageKey;
    throw error;
  }
  return undefined;
}

describe("sealSeed / unsealSeed", () => {
  it("seals into 'v2:' and base64url, never showing the seed, and unseals it back", () => {
    const sealed = sealSeed(SEED, KEY);
    expect(sealed).toMatch(/^v2:[A-Za-z0-9_-]+$/);
    expect(sealed).not.toContain(SEED);
    expect(sealed).not.toContain(Buffer.from(SEED, "hex").toString("base64url"));
    // 12-byte IV, 16-byte tag, 32-byte ciphertext.
    expect(Buffer.from(sealed.slice(3), "base64url")).toHaveLength(60);
    expect(unsealSeed(sealed, KEY)).toBe(SEED);
  });

  it("gives a different sealed text each time (a fresh IV)", () => {
    expect(sealSeed(SEED, KEY)).not.toBe(sealSeed(SEED, KEY));
  });

  it("refuses a wrong key or an altered value, naming the problem", () => {
    const sealed = sealSeed(SEED, KEY);
    expect(refusalKey(() => unsealSeed(sealed, Buffer.alloc(32, 1)))).toBe("adminHearing.sealedSeedUnreadable");
    const bytes = Buffer.from(sealed.slice(3), "base64url");
    bytes.writeUInt8((bytes.at(-1) ?? 0) ^ 1, bytes.length - 1);
    expect(refusalKey(() => unsealSeed(`v2:${bytes.toString("base64url")}`, KEY))).toBe("adminHearing.sealedSeedUnreadable");
    expect(refusalKey(() => unsealSeed("v2:short", KEY))).toBe("adminHearing.sealedSeedUnreadable");
    expect(refusalKey(() => unsealSeed(SEED, KEY))).toBe("adminHearing.sealedSeedUnreadable");
  });

  it("reads a legacy v1 seed kept by the migration as it is", () => {
    expect(unsealSeed(`v1-plain:${SEED}`, KEY)).toBe(SEED);
    expect(refusalKey(() => unsealSeed("v1-plain:xyz", KEY))).toBe("adminHearing.sealedSeedUnreadable");
  });

  it("seals only a seed: 64 lower-case hex characters", () => {
    expect(() => sealSeed("ABC", KEY)).toThrow(RangeError);
    expect(() => sealSeed(SEED.toUpperCase(), KEY)).toThrow(RangeError);
  });
});

describe("the sealing key", () => {
  it("is SEED_SEALING_KEY when set, else HKDF-SHA256 of AUTH_SECRET (salt 'hustings', info 'seed-sealing-v1'), else none", () => {
    const secret = "an-auth-secret-of-at-least-thirty-two-characters";
    expect(sealingKeyFrom({ SEED_SEALING_KEY: KEY_HEX, AUTH_SECRET: secret })).toEqual(KEY);
    const derived = sealingKeyFrom({ AUTH_SECRET: secret });
    expect(derived).toEqual(Buffer.from(hkdfSync("sha256", secret, "hustings", "seed-sealing-v1", 32)));
    expect(derived).toHaveLength(32);
    expect(sealingKeyFrom({})).toBeNull();
    // A seed sealed under one key is unreadable under the other.
    expect(refusalKey(() => unsealSeed(sealSeed(SEED, KEY), derived ?? undefined))).toBe("adminHearing.sealedSeedUnreadable");
  });

  it("accepts only 64 hexadecimal characters in SEED_SEALING_KEY", () => {
    const base = { DATABASE_URL: "postgresql://postgres@127.0.0.1:5432/hustings" };
    expect(parseEnv({ ...base, SEED_SEALING_KEY: KEY_HEX }).success).toBe(true);
    expect(parseEnv({ ...base, SEED_SEALING_KEY: "ab".repeat(31) }).success).toBe(false);
    expect(parseEnv({ ...base, SEED_SEALING_KEY: "g".repeat(64) }).success).toBe(false);
    expect(parseEnv(base).success).toBe(true);
  });
});
