// `npm run db:migrate:deploy`: the release's migration step, run once before a release's app
// instances start (docs/deploy.md#releasing, docs/decisions/031-production-packaging.md). It
// applies prisma/migrations with the plain `pg` runner the demo's boot uses (lib/db/migrate.ts,
// which keeps `_prisma_migrations` as `prisma migrate deploy` does: docs/decisions/002), so the
// standalone image, which has no WebAssembly engine, runs the same code (its `migrate.js`).
//
// On MIGRATION_DATABASE_URL (the tables' owner), else DIRECT_DATABASE_URL, else DATABASE_URL: a
// direct connection, never through a transaction-mode pooler, which would lose the session's
// advisory lock. A deploy that cannot take that lock within MIGRATION_LOCK_TIMEOUT_SECONDS
// (default 60) — another release is migrating, or a session died holding it — fails, naming the
// holder, instead of hanging.
import { DEFAULT_LOCK_TIMEOUT_MS, deployMigrations, migrationDatabaseUrl } from "../../lib/db/migrate";
import { runScript } from "./run";

const log = (line: string) => process.stdout.write(`[migrate] ${line}\n`);

async function main(): Promise<number> {
  const url = migrationDatabaseUrl(process.env);
  if (!url) {
    process.stderr.write(
      "[migrate] none of MIGRATION_DATABASE_URL, DIRECT_DATABASE_URL, DATABASE_URL is set: give the tables' owner's direct connection " +
        "(e.g. MIGRATION_DATABASE_URL=postgresql://hustings_owner:…@db.example.org:5432/hustings)\n",
    );
    return 1;
  }
  const timeout = lockTimeoutMs(process.env.MIGRATION_LOCK_TIMEOUT_SECONDS);
  if (timeout === undefined) {
    process.stderr.write(
      `[migrate] MIGRATION_LOCK_TIMEOUT_SECONDS must be a whole number of seconds (1 to 3600), got "${process.env.MIGRATION_LOCK_TIMEOUT_SECONDS}"\n`,
    );
    return 1;
  }
  const { applied } = await deployMigrations(url, { log, lockTimeoutMs: timeout });
  log(applied.length === 0 ? "no pending migrations to apply" : `${applied.length} migration(s) applied`);
  return 0;
}

function lockTimeoutMs(value: string | undefined): number | undefined {
  if (!value?.trim()) return DEFAULT_LOCK_TIMEOUT_MS;
  const seconds = Number(value);
  return Number.isInteger(seconds) && seconds >= 1 && seconds <= 3600 ? seconds * 1000 : undefined;
}

runScript(main);
