// The two database roles (docs/decisions/015-database-roles.md, docs/deployment.md): migrations run as
// the owner of the tables; the app connects as `hustings_app`, which the migration
// *_application_role creates and grants only what the app does — it may add to the audit log and read
// it, never change, disable or bypass it.
// No "server-only" import: scripts (start, test, e2e) and the Playwright config use this too.
import pg from "pg";

/** The application's role, created by the migration *_application_role (one per PostgreSQL server). */
export const APP_ROLE = "hustings_app";

/** The same server and database as `url`, connecting as the application's role (with `password`, or none where the server trusts local connections). */
export function asAppRole(url: string, password?: string): string {
  const parsed = new URL(url);
  parsed.username = APP_ROLE;
  parsed.password = password ? encodeURIComponent(password) : "";
  return parsed.toString();
}

/**
 * Creates the application's role with this password, or sets the password when it exists: for a
 * server we run ourselves (lib/db/embedded.ts), whose password authentication needs one. The role's
 * privileges come from the migrations, never from here. `adminUrl` connects as a superuser.
 */
export async function ensureAppLogin(adminUrl: string, password: string): Promise<void> {
  const client = new pg.Client({ connectionString: adminUrl });
  await client.connect();
  try {
    const { rowCount } = await client.query("SELECT 1 FROM pg_roles WHERE rolname = $1", [APP_ROLE]);
    // Neither statement takes parameters; the password is quoted as a literal.
    const literal = client.escapeLiteral(password);
    if ((rowCount ?? 0) === 0) await client.query(`CREATE ROLE ${APP_ROLE} LOGIN PASSWORD ${literal}`);
    else await client.query(`ALTER ROLE ${APP_ROLE} LOGIN PASSWORD ${literal}`);
  } finally {
    await client.end();
  }
}

/** What a connection's role could do to the audit log beyond adding to it (empty: nothing). */
export interface RolePowers {
  role: string;
  /** Reasons it could alter, disable or bypass the audit log's guard, in words. */
  powers: string[];
}

/**
 * Connects with `url` and lists what its role could do to the audit log beyond inserting and reading:
 * a superuser (SET session_replication_role), the owner of any table (ALTER TABLE … DISABLE TRIGGER,
 * DROP TRIGGER), a member of the owner's role, UPDATE/DELETE/TRUNCATE granted on "AuditEvent",
 * CREATE on the schema.
 */
export async function inspectRolePowers(url: string): Promise<RolePowers> {
  const client = new pg.Client({ connectionString: url });
  await client.connect();
  try {
    const { rows } = await client.query<{
      role: string;
      superuser: boolean;
      bypassrls: boolean;
      owned: number;
      owner_member: boolean;
      audit_write: boolean;
      schema_create: boolean;
    }>(
      `SELECT current_user AS role,
              r.rolsuper AS superuser,
              r.rolbypassrls AS bypassrls,
              (SELECT count(*)::int FROM pg_class c JOIN pg_namespace n ON n.oid = c.relnamespace
                WHERE n.nspname = 'public' AND pg_has_role(current_user, c.relowner, 'USAGE')) AS owned,
              COALESCE((SELECT pg_has_role(current_user, c.relowner, 'MEMBER') FROM pg_class c
                         WHERE c.oid = to_regclass('public."AuditEvent"')), false) AS owner_member,
              COALESCE(to_regclass('public."AuditEvent"') IS NOT NULL
                       AND has_table_privilege('public."AuditEvent"', 'UPDATE, DELETE, TRUNCATE'), false) AS audit_write,
              has_schema_privilege('public', 'CREATE') AS schema_create
         FROM pg_roles r WHERE r.rolname = current_user`,
    );
    const row = rows[0];
    if (!row) throw new Error("could not read the connection's role");
    const powers: string[] = [];
    if (row.superuser) powers.push("is a superuser");
    if (row.bypassrls) powers.push("bypasses row-level security");
    if (row.owned > 0 || row.owner_member) powers.push("owns the tables (or is a member of their owner)");
    if (row.audit_write) powers.push('may UPDATE, DELETE or TRUNCATE "AuditEvent"');
    if (row.schema_create) powers.push("may CREATE in the schema");
    return { role: row.role, powers };
  } finally {
    await client.end();
  }
}
