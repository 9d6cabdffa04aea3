import { describe, expect, it } from "vitest";
import { signMuxPayload, verifyMuxSignature } from "@/lib/mux/webhook";

// Mux's scheme: mux-signature: t=<unix>,v1=<hex HMAC-SHA256 of "<t>.<raw body>">.
const SECRET = "whsec-test-secret";
const BODY = '{"type":"video.asset.ready","data":{"id":"asset-1"}}';
const T = 1565220904;
const AT = new Date(T * 1000);
// Computed outside this code base (Python's hmac), so the test checks the scheme, not itself.
const V1 = "4dd9017621f68e7dcfdc82ec352fb905d3b3082232c7d84f186a4e576554695b";
const other = "0".repeat(64);

describe("verifyMuxSignature", () => {
  it("accepts Mux's signature of the raw body", () => {
    expect(verifyMuxSignature(BODY, `t=${T},v1=${V1}`, SECRET, AT)).toEqual({ ok: true, timestamp: T });
    expect(verifyMuxSignature(Buffer.from(BODY), `t=${T},v1=${V1}`, SECRET, AT)).toEqual({ ok: true, timestamp: T });
    expect(verifyMuxSignature(BODY, ` t=${T} , v1=${V1.toUpperCase()} `, SECRET, AT).ok).toBe(true);
  });

  it("agrees with the stand-in's signer", () => {
    expect(signMuxPayload(BODY, SECRET, AT)).toBe(`t=${T},v1=${V1}`);
  });

  it("accepts any one of several v1 signatures (secret rotation), and ignores other schemes", () => {
    expect(verifyMuxSignature(BODY, `t=${T},v1=${other},v1=${V1}`, SECRET, AT).ok).toBe(true);
    expect(verifyMuxSignature(BODY, `t=${T},v0=${other},v1=${V1}`, SECRET, AT).ok).toBe(true);
    expect(verifyMuxSignature(BODY, `t=${T},v1=${other},v1=${"f".repeat(64)}`, SECRET, AT)).toEqual({ ok: false, reason: "forged" });
  });

  it.each([
    ["another secret", BODY, `t=${T},v1=${V1}`, "wrong-secret"],
    ["a changed body", BODY.replace("asset-1", "asset-2"), `t=${T},v1=${V1}`, SECRET],
    ["a body with a space added", `${BODY} `, `t=${T},v1=${V1}`, SECRET],
  ])("refuses %s as forged", (_what, body, header, secret) => {
    expect(verifyMuxSignature(body, header, secret, AT)).toEqual({ ok: false, reason: "forged" });
  });

  it("refuses a moved timestamp as forged: the signature covers it", () => {
    expect(verifyMuxSignature(BODY, `t=${T + 1},v1=${V1}`, SECRET, AT)).toEqual({ ok: false, reason: "forged" });
  });

  it("refuses a stale or future timestamp beyond the tolerance, accepts one at its edge", () => {
    expect(verifyMuxSignature(BODY, `t=${T},v1=${V1}`, SECRET, new Date((T + 301) * 1000))).toEqual({ ok: false, reason: "stale" });
    expect(verifyMuxSignature(BODY, `t=${T},v1=${V1}`, SECRET, new Date((T - 301) * 1000))).toEqual({ ok: false, reason: "stale" });
    expect(verifyMuxSignature(BODY, `t=${T},v1=${V1}`, SECRET, new Date((T + 300) * 1000)).ok).toBe(true);
    expect(verifyMuxSignature(BODY, `t=${T},v1=${V1}`, SECRET, new Date((T + 30) * 1000), 10)).toEqual({ ok: false, reason: "stale" });
  });

  it.each([null, undefined, "", "   "])("reports a missing header (%j)", (header) => {
    expect(verifyMuxSignature(BODY, header, SECRET, AT)).toEqual({ ok: false, reason: "missing" });
  });

  it.each([
    `v1=${V1}`,
    `t=${T}`,
    `t=,v1=${V1}`,
    `t=abc,v1=${V1}`,
    `t=-5,v1=${V1}`,
    `t=${T}.5,v1=${V1}`,
    `t=${T},t=${T},v1=${V1}`,
    `t=${T},v1=${V1.slice(0, 63)}`,
    `t=${T},v1=${V1}00`,
    `t=${T},v1=zz${V1.slice(2)}`,
    `t=${T};v1=${V1}`,
    `${T},${V1}`,
    "garbage",
  ])("refuses the malformed header %j", (header) => {
    expect(verifyMuxSignature(BODY, header, SECRET, AT)).toEqual({ ok: false, reason: "malformed" });
  });
});
