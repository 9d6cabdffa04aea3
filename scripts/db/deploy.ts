// `npm run db:migrate:deploy`: `prisma migrate deploy` through the WebAssembly schema engine, on
// MIGRATION_DATABASE_URL (the owner) or else DATABASE_URL
// (docs/decisions/002). The engine keeps `_prisma_migrations` and takes Prisma's advisory lock
// exactly as the CLI does. The app's boot path uses lib/db/migrate.ts instead, which needs no
// WebAssembly; both write the same history, so either can follow the other.
import { applyMigrations, requireDatabaseUrl } from "./engine";
import { runScript } from "./run";

async function main(): Promise<number> {
  const url = requireDatabaseUrl();
  const { appliedMigrationNames } = await applyMigrations(url);
  if (appliedMigrationNames.length === 0) {
    process.stdout.write("No pending migrations to apply.\n");
  } else {
    for (const name of appliedMigrationNames) process.stdout.write(`Applied ${name}\n`);
    process.stdout.write(`${appliedMigrationNames.length} migration(s) applied.\n`);
  }
  return 0;
}

runScript(main);
