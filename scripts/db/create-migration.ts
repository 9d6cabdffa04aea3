// `npm run db:migrate:create -- <name>`: what `prisma migrate dev --create-only` does, without
// the native engine (docs/decisions/002). The engine's own createMigration does not work in
// its WebAssembly build, so this diffs the migrations folder against schema.prisma and writes
// the directory and lockfile the way the CLI does.
import { existsSync } from "node:fs";
import { mkdir, writeFile } from "node:fs/promises";
import path from "node:path";
import { LOCKFILE_CONTENT, LOCKFILE_NAME, MIGRATIONS_DIR, diffMigrationsToSchema, shadowServerUrl } from "./engine";
import { runScript } from "./run";

/** Prisma's folder names: UTC yyyymmddHHMMSS, then the name in snake case. */
function migrationFolderName(name: string, now = new Date()): string {
  const stamp = now.toISOString().replace(/[-:T]/g, "").slice(0, 14);
  return `${stamp}_${name}`;
}

function slug(raw: string): string {
  return raw
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, "_")
    .replace(/^_+|_+$/g, "")
    .slice(0, 200);
}

async function main(): Promise<number> {
  const name = slug(process.argv.slice(2).join(" "));
  if (!name) {
    process.stderr.write("Usage: npm run db:migrate:create -- <name>   (e.g. add_hearing_notes)\n");
    return 1;
  }
  // Replaying the existing migrations needs a shadow database, created and dropped on this server.
  const diff = await diffMigrationsToSchema({ serverUrl: shadowServerUrl(), script: true });
  if (diff.exitCode === 0) {
    process.stderr.write("Nothing to migrate: prisma/migrations already matches prisma/schema.prisma.\n");
    return 1;
  }
  const folder = migrationFolderName(name);
  const dir = path.join(MIGRATIONS_DIR, folder);
  if (existsSync(dir)) throw new Error(`${dir} already exists`);
  await mkdir(dir, { recursive: true });
  await writeFile(path.join(dir, "migration.sql"), diff.stdout ?? "", "utf8");
  await writeFile(path.join(MIGRATIONS_DIR, LOCKFILE_NAME), LOCKFILE_CONTENT, "utf8");
  process.stdout.write(`Created prisma/migrations/${folder}/migration.sql\n`);
  return 0;
}

runScript(main);
