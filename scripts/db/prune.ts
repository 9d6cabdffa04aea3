// `npm run db:prune [-- --apply] [--login-attempts-days N] [--sent-mail-days N] [--sessions-days N] [--hearing-events-days N]`:
// deletes what the retention in docs/deploy.md#retention allows to go (lib/db/prune.ts). Without
// --apply it only counts: a prune never runs by default, nor on its own. Runs as the app's role
// (DATABASE_URL), which may delete those rows and nothing of the audit log.
import { DEFAULT_RETENTION_DAYS, prune, type RetentionDays } from "../../lib/db/prune";
import { runScript } from "./run";

const FLAGS: Record<string, keyof RetentionDays> = {
  "--login-attempts-days": "loginAttempts",
  "--sent-mail-days": "sentMail",
  "--sessions-days": "sessions",
  "--hearing-events-days": "hearingEvents",
};

async function main(): Promise<number> {
  const args = process.argv.slice(2);
  const apply = args.includes("--apply");
  const days: Partial<RetentionDays> = {};
  for (const [flag, key] of Object.entries(FLAGS)) {
    const at = args.indexOf(flag);
    if (at === -1) continue;
    const value = Number(args[at + 1]);
    if (!Number.isInteger(value) || value < 1) {
      process.stderr.write(`[prune] ${flag} takes a whole number of days (1 or more), got "${args[at + 1] ?? ""}"\n`);
      return 1;
    }
    days[key] = value;
  }
  const url = process.env.DATABASE_URL?.trim();
  if (!url) {
    process.stderr.write("[prune] DATABASE_URL is not set: give the app's connection (the role hustings_app)\n");
    return 1;
  }
  const counts = await prune(url, { dryRun: !apply, days });
  for (const { name, olderThan, rows } of counts) {
    process.stdout.write(`[prune] ${name} before ${olderThan.toISOString()}: ${rows} ${apply ? "deleted" : "to delete"}\n`);
  }
  if (!apply)
    process.stdout.write(`[prune] nothing deleted: run again with --apply (retention in days: ${JSON.stringify({ ...DEFAULT_RETENTION_DAYS, ...days })})\n`);
  return 0;
}

runScript(main);
