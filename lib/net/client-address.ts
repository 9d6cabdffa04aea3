import { isIP } from "node:net";
import { z } from "zod";

// The client's address, decided once per request by the server in front of Next (server.ts,
// docs/decisions/024-client-address-and-server.md): the socket's peer, or, behind
// TRUSTED_PROXY_HOPS proxies we run, the address the outermost of them saw. Plain Node and
// zod only: server.ts runs outside Next, and lib/env.ts validates the same setting.

export const MAX_TRUSTED_PROXY_HOPS = 5;

/** TRUSTED_PROXY_HOPS: how many proxies of ours stand between the client and this server. */
export const trustedProxyHopsSchema = z
  .string()
  .trim()
  .regex(/^\d*$/, { error: `must be a whole number from 0 to ${MAX_TRUSTED_PROXY_HOPS}` })
  .transform((text) => (text === "" ? 0 : Number(text)))
  .pipe(z.number().int().min(0).max(MAX_TRUSTED_PROXY_HOPS))
  .optional()
  .transform((hops) => hops ?? 0);

/** The setting, or an error naming it: the server refuses to start with a bad value. */
export function parseTrustedProxyHops(value: string | undefined): number {
  const parsed = trustedProxyHopsSchema.safeParse(value);
  if (!parsed.success) {
    throw new Error(`TRUSTED_PROXY_HOPS must be a whole number from 0 to ${MAX_TRUSTED_PROXY_HOPS} (the proxies in front of the app), got "${value}"`);
  }
  return parsed.data;
}

/**
 * One address as a limit would count it: IPv4-mapped IPv6 (`::ffff:1.2.3.4`, what a dual-stack
 * socket reports) as plain IPv4, a port or brackets a proxy added removed; null when it is not
 * an address at all.
 */
export function normaliseAddress(raw: string): string | null {
  let value = raw.trim();
  if (value.startsWith("[")) {
    // [2001:db8::1]:443 or [2001:db8::1]
    const end = value.indexOf("]");
    if (end < 0) return null;
    value = value.slice(1, end);
  } else if (/^\d{1,3}(\.\d{1,3}){3}:\d+$/.test(value)) {
    value = value.slice(0, value.lastIndexOf(":"));
  }
  const mapped = /^::ffff:(\d{1,3}(?:\.\d{1,3}){3})$/i.exec(value);
  if (mapped?.[1]) value = mapped[1];
  const version = isIP(value);
  if (version === 0) return null;
  return version === 6 ? value.toLowerCase() : value;
}

/**
 * The client's address. The chain is every X-Forwarded-For entry, left to right, then the
 * socket's peer; each proxy appends the address it was reached from. With `hops` trusted
 * proxies, the entry `hops` places from the right is the address the outermost trusted proxy
 * saw; everything left of it was written by the client and is ignored. A chain shorter than
 * that holds only what trusted proxies wrote, so its leftmost entry is taken. An entry that
 * is not an address (a proxy's "unknown") falls back to the socket's peer, never to an entry
 * the client could have written.
 */
export function clientAddress({
  socketAddress,
  forwardedFor,
  hops,
}: {
  socketAddress: string | undefined;
  forwardedFor: string | string[] | undefined;
  hops: number;
}): string {
  const socket = (socketAddress && normaliseAddress(socketAddress)) || "unknown";
  if (hops <= 0) return socket;
  const header = Array.isArray(forwardedFor) ? forwardedFor.join(",") : (forwardedFor ?? "");
  const chain = [
    ...header
      .split(",")
      .map((entry) => entry.trim())
      .filter(Boolean),
    socketAddress ?? "",
  ];
  const chosen = chain[Math.max(0, chain.length - 1 - hops)] ?? "";
  return normaliseAddress(chosen) ?? socket;
}

/**
 * What a per-address limit counts: an IPv4 address as itself, an IPv6 address by its /64 — one
 * subscriber is usually given a whole /64 and could otherwise take a fresh address per request.
 */
export function limitKey(address: string): string {
  if (isIP(address) !== 6) return address;
  const groups = expandIPv6(address);
  return groups ? `${groups.slice(0, 4).join(":")}::/64` : address;
}

/** The eight groups of an IPv6 address, without leading zeros; null when it is not one. */
function expandIPv6(address: string): string[] | null {
  let text = address.toLowerCase();
  // A dotted IPv4 tail (::ffff:1.2.3.4, 64:ff9b::1.2.3.4) is two groups.
  const tail = /(\d{1,3})\.(\d{1,3})\.(\d{1,3})\.(\d{1,3})$/.exec(text);
  if (tail) {
    const [a, b, c, d] = tail.slice(1).map(Number) as [number, number, number, number];
    text = `${text.slice(0, tail.index)}${((a << 8) | b).toString(16)}:${((c << 8) | d).toString(16)}`;
  }
  const [head = "", rest] = text.split("::");
  const left = head ? head.split(":") : [];
  const right = rest ? rest.split(":") : [];
  const missing = 8 - left.length - right.length;
  if (rest === undefined ? missing !== 0 : missing < 1) return null;
  const groups = [...left, ...Array<string>(rest === undefined ? 0 : missing).fill("0"), ...right];
  return groups.map((group) => Number.parseInt(group || "0", 16).toString(16));
}
