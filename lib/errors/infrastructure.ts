// docs/decisions/019-database-capacity.md: when the database is out of connections, slow to
// answer or unreachable, nothing was decided about the request: the service is busy, the
// change was not made, and the asker may try again. Every transport answers that the same way
// (503 with Retry-After for routes, a translated "try again" for forms), never with a 500.
// This file only tells such failures apart from real faults; it has no dependencies, so tests
// and every edge can use it.

export type InfrastructureKind = "overloaded" | "timeout" | "unavailable";

export type InfrastructureFailure = { kind: InfrastructureKind; retryAfterSeconds: number };

/** Refused before touching the database: this instance already runs as much of that work as it may. */
export class ServiceBusyError extends Error {
  readonly retryAfterSeconds: number;
  constructor(what: string, retryAfterSeconds = 2) {
    super(`Too many ${what} at once on this instance`);
    this.name = "ServiceBusyError";
    this.retryAfterSeconds = retryAfterSeconds;
  }
}

// Prisma's own codes (prisma.io/docs/orm/reference/error-reference).
const PRISMA_CODES: Record<string, InfrastructureKind> = {
  P1001: "unavailable", // can't reach the database server
  P1002: "timeout", // reached, but timed out
  P1008: "timeout", // operations timed out
  P1017: "unavailable", // server closed the connection
  P2024: "overloaded", // timed out fetching a connection from the pool
  P2028: "overloaded", // transaction API: could not start in time, or closed by its timeout
  P2034: "overloaded", // write conflict or deadlock: a retry succeeds
  P2037: "overloaded", // too many database connections
};

// The driver adapter's kinds (@prisma/driver-adapter-utils).
const ADAPTER_KINDS: Record<string, InfrastructureKind> = {
  DatabaseNotReachable: "unavailable",
  ConnectionClosed: "unavailable",
  SocketTimeout: "timeout",
  TooManyConnections: "overloaded",
  TransactionWriteConflict: "overloaded",
};

/** PostgreSQL's SQLSTATEs (appendix A of its manual): exact codes first, then whole classes. */
function sqlStateKind(code: string): InfrastructureKind | null {
  switch (code) {
    case "57014": // query_canceled: statement_timeout
    case "55P03": // lock_not_available: lock_timeout
    case "25P03": // idle_in_transaction_session_timeout
      return "timeout";
    case "57P01": // admin_shutdown
    case "57P02": // crash_shutdown
    case "57P03": // cannot_connect_now (starting up, recovering)
      return "unavailable";
    case "40001": // serialization_failure
    case "40P01": // deadlock_detected
      return "overloaded";
  }
  if (code.startsWith("08")) return "unavailable"; // connection exception
  if (code.startsWith("53")) return "overloaded"; // insufficient resources (too many connections, out of memory or disk)
  return null;
}

const SOCKET_CODES: Record<string, InfrastructureKind> = {
  ECONNREFUSED: "unavailable",
  ECONNRESET: "unavailable",
  EPIPE: "unavailable",
  ENOTFOUND: "unavailable",
  EHOSTUNREACH: "unavailable",
  ETIMEDOUT: "timeout",
};

// node-postgres and its pool say these in words only.
const DRIVER_MESSAGES: [RegExp, InfrastructureKind][] = [
  [/timeout exceeded when trying to connect/i, "overloaded"],
  [/Connection terminated/i, "unavailable"],
  [/Query read timeout/i, "timeout"],
  [/not queryable/i, "unavailable"],
  [/Can't reach database server/i, "unavailable"],
  [/Unable to start a transaction in the given time/i, "overloaded"],
  [/Transaction already closed/i, "overloaded"],
];

const RETRY_AFTER: Record<InfrastructureKind, number> = { overloaded: 2, timeout: 3, unavailable: 5 };

type Shape = { code?: unknown; kind?: unknown; originalCode?: unknown; name?: unknown; message?: unknown; meta?: unknown; cause?: unknown };

function kindOf(value: Shape): InfrastructureKind | null {
  const code = typeof value.code === "string" ? value.code : null;
  if (code && PRISMA_CODES[code]) return PRISMA_CODES[code];
  if (code && SOCKET_CODES[code]) return SOCKET_CODES[code];
  if (typeof value.kind === "string" && ADAPTER_KINDS[value.kind]) return ADAPTER_KINDS[value.kind] ?? null;
  for (const sqlState of [value.originalCode, value.kind === "postgres" ? code : null, /^[0-9A-Z]{5}$/.test(code ?? "") ? code : null]) {
    const kind = typeof sqlState === "string" ? sqlStateKind(sqlState) : null;
    if (kind) return kind;
  }
  if (value.name === "PrismaClientInitializationError") return "unavailable";
  const message = typeof value.message === "string" ? value.message : "";
  return DRIVER_MESSAGES.find(([pattern]) => pattern.test(message))?.[1] ?? null;
}

/**
 * Is `error` the database (or this instance) being busy, slow or out of reach, rather than a
 * fault in the request or the code? Looks through Prisma's wrapping (meta.driverAdapterError)
 * and the error's causes.
 */
export function classifyInfrastructureError(error: unknown): InfrastructureFailure | null {
  if (error instanceof ServiceBusyError) return { kind: "overloaded", retryAfterSeconds: error.retryAfterSeconds };
  const seen = new Set<unknown>();
  const queue: unknown[] = [error];
  while (queue.length > 0) {
    const value = queue.shift();
    if (value === null || typeof value !== "object" || seen.has(value)) continue;
    seen.add(value);
    const shape = value as Shape;
    const kind = kindOf(shape);
    if (kind) return { kind, retryAfterSeconds: RETRY_AFTER[kind] };
    const meta = shape.meta as { driverAdapterError?: unknown } | undefined;
    queue.push(meta?.driverAdapterError, shape.cause);
  }
  return null;
}

export function isInfrastructureError(error: unknown): boolean {
  return classifyInfrastructureError(error) !== null;
}
