// `npm run db:migrate:check` (CI): do prisma/schema.prisma and prisma/migrations agree?
// Exit 0 when they do; 2, printing the SQL a new migration would need, when they don't.
//
// No application database is read: the migrations are replayed on a throwaway shadow database
// created (and dropped) on MIGRATION_DATABASE_URL's (else DATABASE_URL's) server, or on
// postgresql://postgres@127.0.0.1:5432 when neither is set. Triggers and functions added by hand to a migration (the
// AuditEvent guard) are outside what Prisma's diff compares, so they never count as drift.
import { diffMigrationsToSchema, shadowServerUrl } from "./engine";
import { runScript } from "./run";

async function main(): Promise<number> {
  const diff = await diffMigrationsToSchema({ serverUrl: shadowServerUrl(), script: true });
  if (diff.exitCode === 0) {
    process.stdout.write("prisma/schema.prisma and prisma/migrations agree.\n");
    return 0;
  }
  process.stdout.write(
    "prisma/schema.prisma has changes no migration contains. Run `npm run db:migrate:create -- <name>`;\n" +
      "the new migration would be:\n\n" +
      `${diff.stdout ?? ""}\n`,
  );
  return 2;
}

runScript(main);
