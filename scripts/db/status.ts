// `npm run db:migrate:status`: `prisma migrate status` through the WebAssembly schema engine
// (docs/decisions/002). Exit 0 when the database (MIGRATION_DATABASE_URL, else DATABASE_URL) has every migration applied and nothing else;
// 1 when migrations are pending or failed, were edited after being applied, or the database
// has migrations this folder lacks.
import pg from "pg";
import { MIGRATIONS_DIR, diagnose, readMigrationsList, requireDatabaseUrl } from "./engine";
import { runScript } from "./run";

interface AppliedRow {
  migration_name: string;
  finished_at: Date | null;
}

async function appliedRows(url: string): Promise<AppliedRow[]> {
  const client = new pg.Client({ connectionString: url });
  await client.connect();
  try {
    const { rows } = await client.query<AppliedRow>(
      "SELECT migration_name, finished_at FROM _prisma_migrations WHERE rolled_back_at IS NULL ORDER BY started_at",
    );
    return rows;
  } finally {
    await client.end();
  }
}

function section(title: string, lines: string[]): void {
  if (lines.length === 0) return;
  process.stdout.write(`${title}\n${lines.map((line) => `  ${line}`).join("\n")}\n`);
}

async function main(): Promise<number> {
  const url = requireDatabaseUrl();
  const local = (await readMigrationsList()).migrationDirectories.map((dir) => dir.path);
  const diagnostic = await diagnose(url);
  const { history } = diagnostic;
  const rows = diagnostic.hasMigrationsTable ? await appliedRows(url) : [];
  const target = new URL(url);
  process.stdout.write(`${local.length} migration(s) in ${MIGRATIONS_DIR}; database ${target.host}${target.pathname}\n`);

  section(
    "Applied:",
    rows.filter((r) => r.finished_at).map((r) => `${r.migration_name}  (${r.finished_at?.toISOString()})`),
  );
  section("Failed (fix the database, then `prisma migrate resolve`):", diagnostic.failedMigrationNames);
  section("Edited after being applied:", diagnostic.editedMigrationNames);
  const pending = history && "unappliedMigrationNames" in history ? history.unappliedMigrationNames : [];
  const unknown = history && "unpersistedMigrationNames" in history ? history.unpersistedMigrationNames : [];
  section("Pending:", pending);
  section("Applied to the database but missing from the folder:", unknown);

  const clean = history === null && diagnostic.failedMigrationNames.length === 0 && diagnostic.editedMigrationNames.length === 0;
  process.stdout.write(clean ? "Database schema is up to date.\n" : "Database schema is NOT up to date.\n");
  return clean ? 0 : 1;
}

runScript(main);
