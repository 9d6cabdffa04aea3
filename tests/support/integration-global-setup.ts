// Vitest globalSetup of the integration project: builds the migrated template database once,
// before any test file runs, so the files' `createTestDatabase()` only copy it
// (tests/support/database.ts), and hashes the run's test password once for every file's
// process (tests/support/password-hash.ts; Vitest starts the files' processes with this
// process's environment, read after the global setups have run). Without TEST_DATABASE_URL
// there is no template to build; the files say why when they need a server.
import { ensureTemplateDatabase } from "./database";
import { runPasswordEnv } from "./password-hash";

export default async function setup(): Promise<void> {
  Object.assign(process.env, await runPasswordEnv());
  if (!process.env.TEST_DATABASE_URL) return;
  const started = performance.now();
  const template = await ensureTemplateDatabase();
  console.log(`[integration] template database ${template} ready in ${Math.round(performance.now() - started)} ms`);
}
