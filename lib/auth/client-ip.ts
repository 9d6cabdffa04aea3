// `next start` appends the socket's address to X-Forwarded-For; the last entry is the one
// added by the nearest hop we run, so a client cannot choose it by sending the header.
export function clientIp(headers: { get(name: string): string | null } | Record<string, unknown>): string {
  const raw =
    typeof (headers as { get?: unknown }).get === "function"
      ? (headers as { get(name: string): string | null }).get("x-forwarded-for")
      : (headers as Record<string, unknown>)["x-forwarded-for"];
  const value = Array.isArray(raw) ? raw.join(",") : typeof raw === "string" ? raw : "";
  const last = value
    .split(",")
    .map((s) => s.trim())
    .filter(Boolean)
    .pop();
  return last ?? "unknown";
}
