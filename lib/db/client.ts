import { PrismaPg } from "@prisma/adapter-pg";
import pg from "pg";
import { PrismaClient } from "./generated/client";

// No "server-only" here: scripts (seed, start) run under plain tsx and need a client too.
// The app itself goes through lib/db/index.ts, which gives each of its pools the limits below
// (docs/decisions/019-database-capacity.md).

/** What one pool of the app may hold and wait for; every duration in milliseconds. */
export type PoolSettings = {
  /** Connections the pool may hold. */
  max: number;
  /** Longest wait for a connection, a pooled one or a new one. */
  connectionTimeoutMs: number;
  /** An idle connection is closed after this long; 0 keeps it (a pool that must answer at once, without connecting first). */
  idleTimeoutMs: number;
  /** Server-side limits of every session the pool opens. */
  statementTimeoutMs: number;
  lockTimeoutMs: number;
  idleInTransactionTimeoutMs: number;
  /**
   * Client-side: a query the server has not answered in this time means the server does not
   * answer at all (frozen, cut off), since statement_timeout would have cancelled a slow one.
   * The connection is dropped, so the caller gets an error instead of waiting for the kernel.
   */
  answerDeadlineMs: number;
  /** Interactive transactions: the wait for their connection, and their whole run. */
  transaction: { maxWait: number; timeout: number };
};

/** The error a query gets when its connection is dropped for want of an answer: a socket timeout, as the driver reads one. */
export class DatabaseDeadlineError extends Error {
  readonly code = "ETIMEDOUT";
  readonly errno = -110;
  readonly syscall = "read";
  constructor(ms: number) {
    super(`The database did not answer within ${ms} ms; the connection was dropped`);
    this.name = "DatabaseDeadlineError";
  }
}

type Socketed = { connection?: { stream?: { destroy(error?: Error): void } } };

/**
 * Every query of `client` gets `ms` to be answered. Past it the socket is destroyed: each
 * waiting query fails with DatabaseDeadlineError and the pool discards the client (it is no
 * longer queryable), so no later request queues behind an unanswered one.
 */
function armAnswerDeadline(client: pg.PoolClient, ms: number) {
  // The failure reaches the query that was waiting; the client's own event needs no handler but this one.
  client.on("error", () => undefined);
  const query = client.query.bind(client) as (...args: unknown[]) => unknown;
  const drop = () => (client as unknown as Socketed).connection?.stream?.destroy(new DatabaseDeadlineError(ms));
  (client as unknown as { query: (...args: unknown[]) => unknown }).query = (...args: unknown[]) => {
    const timer = setTimeout(drop, ms);
    const callback = args.at(-1);
    if (typeof callback === "function") {
      args[args.length - 1] = (...results: unknown[]) => {
        clearTimeout(timer);
        return (callback as (...r: unknown[]) => unknown)(...results);
      };
      return query(...args);
    }
    const result = query(...args);
    if (result instanceof Promise) return result.finally(() => clearTimeout(timer));
    clearTimeout(timer);
    return result;
  };
}

/** A pg pool with `settings`' limits on every connection it opens. */
export function createPool(connectionString: string, settings: PoolSettings): pg.Pool {
  const pool = new pg.Pool({
    connectionString,
    max: settings.max,
    connectionTimeoutMillis: settings.connectionTimeoutMs,
    idleTimeoutMillis: settings.idleTimeoutMs,
    statement_timeout: settings.statementTimeoutMs,
    lock_timeout: settings.lockTimeoutMs,
    idle_in_transaction_session_timeout: settings.idleInTransactionTimeoutMs,
    // Half-open connections (a server gone without a word) are noticed by the kernel too.
    keepAlive: true,
  });
  pool.on("connect", (client) => armAnswerDeadline(client, settings.answerDeadlineMs));
  // An idle connection that breaks is removed by the pool; the next query opens another.
  pool.on("error", () => undefined);
  return pool;
}

/**
 * A Prisma client on `connectionString`. With `settings` (the app's pools), its own limited
 * pool; without (scripts, tests' fixtures), ten connections and the server's defaults.
 */
export function createDb(connectionString: string, settings?: PoolSettings, onPool?: (pool: pg.Pool) => void): PrismaClient {
  if (!settings) return new PrismaClient({ adapter: new PrismaPg({ connectionString, max: 10 }) });
  const pool = createPool(connectionString, settings);
  // The app reads its pools' waits for its metrics (lib/db/index.ts).
  onPool?.(pool);
  return new PrismaClient({
    adapter: new PrismaPg(pool, { disposeExternalPool: true }),
    transactionOptions: { maxWait: settings.transaction.maxWait, timeout: settings.transaction.timeout },
  });
}

export { PrismaClient };
export type { Prisma } from "./generated/client";
