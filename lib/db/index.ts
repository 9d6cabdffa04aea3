import "server-only";
import { env } from "@/lib/env";
import { createDb, type PrismaClient } from "./client";

export type { Prisma } from "./client";
export type Db = PrismaClient;
/** The client inside `db().$transaction(async (tx) => …)`. */
export type Tx = Omit<PrismaClient, "$connect" | "$disconnect" | "$on" | "$transaction" | "$extends">;

// docs/conventions.md#prisma: one client for the process. Kept on globalThis so that dev-server reloads
// do not open a new pool each time.
const globalForDb = globalThis as unknown as { hustingsDb?: PrismaClient };

export function db(): PrismaClient {
  globalForDb.hustingsDb ??= createDb(env().DATABASE_URL);
  return globalForDb.hustingsDb;
}
