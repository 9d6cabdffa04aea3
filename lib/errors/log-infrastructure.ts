import "server-only";
import { logger } from "@/lib/observability/logger";
import type { InfrastructureFailure, InfrastructureKind } from "./infrastructure";

// A burst answered 503 would write a line per request; one line per kind every ten seconds,
// with how many were not written, says as much (docs/decisions/019-database-capacity.md).
const EVERY_MS = 10_000;
const last = new Map<InfrastructureKind, { at: number; unwritten: number }>();

export function logInfrastructureFailure(failure: InfrastructureFailure, error: unknown, now = Date.now()) {
  const entry = last.get(failure.kind);
  if (entry && now - entry.at < EVERY_MS) {
    entry.unwritten += 1;
    return;
  }
  const unwritten = entry?.unwritten ?? 0;
  last.set(failure.kind, { at: now, unwritten: 0 });
  const detail = error instanceof Error ? `${error.name}: ${error.message.trim().split("\n").pop()}` : String(error);
  logger().warn(
    { kind: failure.kind, unwritten, detail },
    `database ${failure.kind}: answered "busy, try again"${unwritten ? ` (and ${unwritten} more since the last line)` : ""}`,
  );
}
