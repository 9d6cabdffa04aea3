import { defineConfig } from "prisma/config";

// Prisma's CLI reads the connection from here; the app connects through lib/db with
// @prisma/adapter-pg. Migrations run through scripts/db (no native engine, see
// docs/decisions/002-migrations-without-native-engine.md).
export default defineConfig({
  schema: "prisma/schema.prisma",
  migrations: { path: "prisma/migrations", seed: "tsx prisma/seed.ts" },
  datasource: { url: process.env.DATABASE_URL ?? "postgresql://localhost:5432/hustings" },
});
