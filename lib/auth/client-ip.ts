import { limitKey, normaliseAddress } from "@/lib/net/client-address";

// The server in front of Next (server.ts) replaces X-Forwarded-For with the one address it
// decided from the socket and TRUSTED_PROXY_HOPS, whatever the client sent
// (docs/decisions/024-client-address-and-server.md). What a per-address limit counts: that
// address, an IPv6 one by its /64 (lib/net/client-address.ts).
export function clientIp(headers: { get(name: string): string | null } | Record<string, unknown>): string {
  const raw =
    typeof (headers as { get?: unknown }).get === "function"
      ? (headers as { get(name: string): string | null }).get("x-forwarded-for")
      : (headers as Record<string, unknown>)["x-forwarded-for"];
  const value = Array.isArray(raw) ? raw.join(",") : typeof raw === "string" ? raw : "";
  // One entry through server.ts; should there be more, the last is the nearest hop's.
  const last = value
    .split(",")
    .map((s) => s.trim())
    .filter(Boolean)
    .pop();
  const address = last ? normaliseAddress(last) : null;
  return address ? limitKey(address) : "unknown";
}
