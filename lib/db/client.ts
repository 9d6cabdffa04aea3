import { PrismaPg } from "@prisma/adapter-pg";
import { PrismaClient } from "./generated/client";

// No "server-only" here: scripts (seed, start) run under plain tsx and need a client too.
// The app itself goes through lib/db/index.ts.
export function createDb(connectionString: string): PrismaClient {
  return new PrismaClient({ adapter: new PrismaPg({ connectionString, max: 10 }) });
}

export { PrismaClient };
export type { Prisma } from "./generated/client";
