import { afterAll, beforeAll } from "vitest";
import { createTestDatabase, type TestDatabase } from "./database";

/**
 * Gives this test file its own migrated database and points the app's `db()` at it. Vitest
 * runs each file in a fresh process, so the app's one client is this file's.
 */
export function withAppDatabase(): { url(): string } {
  let database: TestDatabase | undefined;
  beforeAll(async () => {
    database = await createTestDatabase();
    process.env.DATABASE_URL = database.url;
  });
  afterAll(async () => {
    const { db, chairDb } = await import("@/lib/db");
    await Promise.all([db().$disconnect(), chairDb().$disconnect()]);
    await database?.drop();
  });
  return {
    url() {
      if (!database) throw new Error("The test database is created in beforeAll");
      return database.url;
    },
  };
}
