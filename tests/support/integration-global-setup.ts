// Vitest globalSetup of the integration project: builds the migrated template database once,
// before any test file runs, so the files' `createTestDatabase()` only copy it
// (tests/support/database.ts). Without TEST_DATABASE_URL there is nothing to build; the files
// say why when they need a server.
import { ensureTemplateDatabase } from "./database";

export default async function setup(): Promise<void> {
  if (!process.env.TEST_DATABASE_URL) return;
  const started = performance.now();
  const template = await ensureTemplateDatabase();
  console.log(`[integration] template database ${template} ready in ${Math.round(performance.now() - started)} ms`);
}
