// What `npm run db:prune` deletes (docs/deploy.md#retention, docs/decisions/031-production-packaging.md):
// rows that only grow and that nothing reads once they are old. The audit log is never pruned
// (append-only, docs/decisions/015-database-roles.md); nor is anything a page shows.
// No "server-only" import: a plain tsx script (scripts/db/prune.ts) runs this, as the app's role.
import pg from "pg";

export interface RetentionDays {
  /** Sign-in attempts, with the e-mail and raw address tried: the limits look back 15 minutes (lib/auth/limits.ts). */
  loginAttempts: number;
  /** Sent and failed outgoing mail, with its recipient and body. Pending mail is never pruned. */
  sentMail: number;
  /** Sessions ended or expired, and password links used or expired. */
  sessions: number;
  /** A hearing's live events, kept for viewers resuming a stream (docs/decisions/011-live-hearing.md); each hearing's latest is kept. */
  hearingEvents: number;
}

export const DEFAULT_RETENTION_DAYS: RetentionDays = { loginAttempts: 30, sentMail: 90, sessions: 30, hearingEvents: 90 };

interface Rule {
  name: string;
  table: string;
  /** Rows to delete, given $1 = the cut-off time. */
  where: string;
  days: keyof RetentionDays;
}

const RULES: Rule[] = [
  { name: "sign-in attempts", table: '"LoginAttempt"', where: "at < $1", days: "loginAttempts" },
  { name: "sent or failed mail", table: '"OutboxMessage"', where: `status IN ('SENT', 'FAILED') AND "createdAt" < $1`, days: "sentMail" },
  // Sessions last eight hours (lib/auth/limits.ts): ended early or not, they are over once expired.
  { name: "sessions", table: '"UserSession"', where: `"expiresAt" < $1`, days: "sessions" },
  // A used link expires too: once past its expiry, neither kind is any use.
  { name: "password links", table: '"PasswordSetupToken"', where: `"expiresAt" < $1`, days: "sessions" },
  {
    name: "hearing events (each hearing's latest kept)",
    table: '"HearingEvent"',
    where: `at < $1 AND version < (SELECT max(latest.version) FROM "HearingEvent" latest WHERE latest."hearingId" = "HearingEvent"."hearingId")`,
    days: "hearingEvents",
  },
];

/** Rows deleted per statement, so that no delete holds its locks for long. */
const BATCH = 5_000;

export interface PruneCount {
  name: string;
  olderThan: Date;
  rows: number;
}

/** Counts (dryRun) or deletes, rule by rule, what the retention allows to go. */
export async function prune(connectionString: string, opts: { dryRun: boolean; days?: Partial<RetentionDays>; now?: Date }): Promise<PruneCount[]> {
  const days = { ...DEFAULT_RETENTION_DAYS, ...opts.days };
  const now = opts.now ?? new Date();
  const client = new pg.Client({ connectionString, application_name: "hustings db:prune" });
  client.on("error", () => {});
  await client.connect();
  try {
    const counts: PruneCount[] = [];
    for (const rule of RULES) {
      const olderThan = new Date(now.getTime() - days[rule.days] * 24 * 60 * 60 * 1000);
      counts.push({ name: rule.name, olderThan, rows: opts.dryRun ? await count(client, rule, olderThan) : await remove(client, rule, olderThan) });
    }
    return counts;
  } finally {
    await client.end();
  }
}

async function count(client: pg.Client, rule: Rule, olderThan: Date): Promise<number> {
  const { rows } = await client.query<{ n: string }>(`SELECT count(*) AS n FROM ${rule.table} WHERE ${rule.where}`, [olderThan]);
  return Number(rows[0]?.n ?? 0);
}

async function remove(client: pg.Client, rule: Rule, olderThan: Date): Promise<number> {
  let total = 0;
  for (;;) {
    const { rowCount } = await client.query(
      `DELETE FROM ${rule.table} WHERE ctid = ANY (ARRAY(SELECT ctid FROM ${rule.table} WHERE ${rule.where} LIMIT ${BATCH}))`,
      [olderThan],
    );
    total += rowCount ?? 0;
    if ((rowCount ?? 0) < BATCH) return total;
  }
}
