import { createHmac, timingSafeEqual } from "node:crypto";

// Mux signs each webhook (https://www.mux.com/docs/core/verify-webhook-signatures):
//   mux-signature: t=<unix seconds>,v1=<hex HMAC-SHA256 of "<t>.<raw body>" with the secret>
// More than one v1 may be present (while a secret is being rotated): one match suffices.
// The timestamp bounds replays of a captured request to the tolerance window.

export type SignatureCheck = { ok: true; timestamp: number } | { ok: false; reason: "missing" | "malformed" | "stale" | "forged" };

const HEX_SHA256 = /^[0-9a-f]{64}$/i;

export function verifyMuxSignature(
  rawBody: string | Buffer,
  header: string | null | undefined,
  secret: string,
  now: Date = new Date(),
  toleranceSeconds = 300,
): SignatureCheck {
  if (!header?.trim()) return { ok: false, reason: "missing" };
  let timestamp: string | undefined;
  const signatures: Buffer[] = [];
  for (const part of header.split(",")) {
    const separator = part.indexOf("=");
    if (separator < 0) return { ok: false, reason: "malformed" };
    const name = part.slice(0, separator).trim();
    const value = part.slice(separator + 1).trim();
    if (name === "t") {
      if (timestamp !== undefined) return { ok: false, reason: "malformed" };
      timestamp = value;
    } else if (name === "v1" && HEX_SHA256.test(value)) signatures.push(Buffer.from(value, "hex"));
    // Other schemes (v0, a future v2) are not ours to check.
  }
  if (!timestamp || !/^\d{1,12}$/.test(timestamp) || signatures.length === 0) return { ok: false, reason: "malformed" };
  const seconds = Number(timestamp);
  if (Math.abs(now.getTime() / 1000 - seconds) > toleranceSeconds) return { ok: false, reason: "stale" };
  const expected = createHmac("sha256", secret).update(`${timestamp}.`).update(rawBody).digest();
  // Every candidate is compared in constant time, and all of them, whatever matches first.
  const matched = signatures.map((s) => timingSafeEqual(s, expected)).includes(true);
  return matched ? { ok: true, timestamp: seconds } : { ok: false, reason: "forged" };
}

/** The header Mux would send for `rawBody` at `now`: for the tests' stand-in server. */
export function signMuxPayload(rawBody: string | Buffer, secret: string, now: Date = new Date()): string {
  const t = Math.floor(now.getTime() / 1000);
  return `t=${t},v1=${createHmac("sha256", secret).update(`${t}.`).update(rawBody).digest("hex")}`;
}
