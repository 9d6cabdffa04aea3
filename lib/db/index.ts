import "server-only";
import { AsyncLocalStorage } from "node:async_hooks";
import { env } from "@/lib/env";
import { onShutdown } from "@/lib/lifecycle/shutdown";
import { setGaugeReader } from "@/lib/observability/metrics";
import { createDb, type PoolSettings, type PrismaClient } from "./client";

export type { Prisma } from "./client";
export type Db = PrismaClient;
/** The client inside `db().$transaction(async (tx) => …)`. */
export type Tx = Omit<PrismaClient, "$connect" | "$disconnect" | "$on" | "$transaction" | "$extends">;

// docs/decisions/019-database-capacity.md: two pools per process. The general one serves
// everything the public and the other areas do; the reserved one only the chair's moves, the
// hearing's secretariat writes, the live bus's reads and the health check, so that no flood
// of viewers can take the connections the hearing is run with. Each is limited in time as
// well as in size: a statement that runs too long is cancelled by the server, a database that
// does not answer at all makes the query fail on our side (lib/db/client.ts).

/**
 * Everything but the hearing's own moves. A viewer's request is kept short by admission
 * (lib/abuse/admission.ts), not by these limits: they bound the secretariat's forms and every
 * page's reads too, whose ordinary statements a loaded machine stretches past a second.
 */
const GENERAL: Omit<PoolSettings, "max"> = {
  connectionTimeoutMs: 2_000,
  idleTimeoutMs: 30_000,
  statementTimeoutMs: 5_000,
  lockTimeoutMs: 2_000,
  idleInTransactionTimeoutMs: 10_000,
  answerDeadlineMs: 6_000,
  transaction: { maxWait: 2_000, timeout: 10_000 },
};

/**
 * The chair's moves: a little more room (a start re-checks the whole hearing), still an
 * answer within 3 s. Its few connections stay open between moves: opening one costs the
 * server a process, which on a loaded machine is the slowest part of a move.
 */
const RESERVED: Omit<PoolSettings, "max"> = {
  connectionTimeoutMs: 2_000,
  idleTimeoutMs: 0,
  statementTimeoutMs: 2_000,
  lockTimeoutMs: 1_500,
  idleInTransactionTimeoutMs: 5_000,
  answerDeadlineMs: 2_500,
  transaction: { maxWait: 2_000, timeout: 4_000 },
};

export const POOL_LIMITS = { general: GENERAL, reserved: RESERVED } as const;

// docs/conventions.md#prisma: one client per pool for the process. Kept on globalThis so that
// dev-server reloads do not open new pools each time.
const globalForDb = globalThis as unknown as { hustingsDb?: PrismaClient; hustingsChairDb?: PrismaClient };

const reservedScope = new AsyncLocalStorage<true>();

/**
 * Runs `work` with every db() inside it on the reserved pool: the whole of a chair's move,
 * session lookup included, so that a full general pool cannot hold it up.
 */
export function onReservedPool<T>(work: () => Promise<T>): Promise<T> {
  return reservedScope.run(true, work);
}

/** The general pool: pages, forms, the public's questions, everything not listed for chairDb(); the reserved one inside onReservedPool(). */
export function db(): PrismaClient {
  if (reservedScope.getStore()) return chairDb();
  globalForDb.hustingsDb ??= observed("general", (onPool) => createDb(env().DATABASE_URL, { ...GENERAL, max: env().DATABASE_POOL_MAX }, onPool));
  return globalForDb.hustingsDb;
}

/**
 * The reserved pool: the chair's moves and queue, the secretariat's writes to the live
 * hearing (room questions), the live bus's event reads, /api/health. Nothing a viewer can
 * call in numbers may use it.
 */
export function chairDb(): PrismaClient {
  globalForDb.hustingsChairDb ??= observed("reserved", (onPool) =>
    createDb(env().DATABASE_URL, { ...RESERVED, max: env().DATABASE_RESERVED_POOL_MAX }, onPool),
  );
  return globalForDb.hustingsChairDb;
}

/**
 * A pool's client, its queries waiting for a connection read by the metrics at scrape, and
 * its connections closed last at shutdown, once the streams and workers that use it have
 * stopped (docs/decisions/029-observability-and-shutdown.md).
 */
function observed(name: "general" | "reserved", make: (onPool: (pool: { waitingCount: number }) => void) => PrismaClient): PrismaClient {
  const client = make((pool) => setGaugeReader(`poolWaiting:${name}`, () => pool.waitingCount));
  onShutdown(`${name} database pool`, "pools", () => client.$disconnect());
  return client;
}
