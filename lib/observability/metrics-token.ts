import { createHash, timingSafeEqual } from "node:crypto";

// /api/metrics answers only `Authorization: Bearer <METRICS_TOKEN>` (docs/decisions/029-observability-and-shutdown.md).
// Both sides are hashed first, so the comparison takes the same time whatever the token sent,
// its length included.

export type MetricsAccess = "disabled" | "refused" | "allowed";

export function metricsAccess(authorization: string | null, token: string | undefined): MetricsAccess {
  if (!token) return "disabled";
  const sent = /^Bearer\s+(\S+)\s*$/i.exec(authorization ?? "")?.[1] ?? "";
  const digest = (value: string) => createHash("sha256").update(value).digest();
  return timingSafeEqual(digest(sent), digest(token)) && sent.length > 0 ? "allowed" : "refused";
}
