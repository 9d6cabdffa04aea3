import "server-only";
import { env } from "@/lib/env";

/**
 * The database address for what needs a session of its own — LISTEN (the live hearing's bus,
 * the cache's invalidations) and session advisory locks — which a transaction-mode pooler
 * (PgBouncer) breaks without a word: DIRECT_DATABASE_URL when set, else DATABASE_URL.
 */
export function directDatabaseUrl(): string {
  return env().DIRECT_DATABASE_URL ?? env().DATABASE_URL;
}
