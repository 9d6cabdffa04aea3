-- Hand-written (docs/decisions/015-database-roles.md): the application's own database role.
-- Migrations run as the owner of the tables; the app connects as hustings_app (docs/deployment.md),
-- which may read and write the application's tables but may only add to and read the audit log.
-- It owns nothing, so it cannot ALTER TABLE … DISABLE TRIGGER or DROP TRIGGER; it is no
-- superuser, so it cannot SET session_replication_role = replica; it holds no UPDATE, DELETE,
-- TRUNCATE or TRIGGER on "AuditEvent", and no CREATE on the schema.
-- Prisma's diff does not compare roles or grants, so db:migrate:check is unaffected.

-- A role belongs to the whole server, not to this database: it may exist already (another
-- database on the server, or a deployment that created it first with its password). Databases
-- migrated side by side (the tests) race to create it: the loser's CREATE ROLE fails with
-- unique_violation or duplicate_object, which only means it is there.
DO $$
BEGIN
  IF NOT EXISTS (SELECT 1 FROM pg_roles WHERE rolname = 'hustings_app') THEN
    BEGIN
      -- LOGIN without a password: the deployment sets one, or its server trusts the connection.
      CREATE ROLE hustings_app LOGIN;
    EXCEPTION
      WHEN duplicate_object OR unique_violation THEN NULL;
      WHEN insufficient_privilege THEN
        RAISE EXCEPTION 'the role hustings_app does not exist, and % may not create it', current_user
          USING HINT = 'Create it once as a superuser (CREATE ROLE hustings_app LOGIN PASSWORD ''…''), then migrate again: docs/deployment.md';
    END;
  END IF;
END
$$;

GRANT USAGE ON SCHEMA public TO hustings_app;
GRANT SELECT, INSERT, UPDATE, DELETE ON ALL TABLES IN SCHEMA public TO hustings_app;
GRANT USAGE, SELECT ON ALL SEQUENCES IN SCHEMA public TO hustings_app;

-- Tables and sequences that later migrations create (as this same role) get the same grants.
ALTER DEFAULT PRIVILEGES IN SCHEMA public GRANT SELECT, INSERT, UPDATE, DELETE ON TABLES TO hustings_app;
ALTER DEFAULT PRIVILEGES IN SCHEMA public GRANT USAGE, SELECT ON SEQUENCES TO hustings_app;

-- The audit log: add and read, nothing else (REVOKE ALL first: whatever was granted before goes).
REVOKE ALL ON TABLE "AuditEvent" FROM hustings_app;
GRANT SELECT, INSERT ON TABLE "AuditEvent" TO hustings_app;

-- The migration history is the owner's alone (the check's shadow database replays these scripts
-- without one).
DO $$
BEGIN
  IF to_regclass('"_prisma_migrations"') IS NOT NULL THEN
    REVOKE ALL ON TABLE "_prisma_migrations" FROM hustings_app;
  END IF;
END
$$;

-- PostgreSQL 15 no longer lets PUBLIC create in the public schema; a database made by an older
-- server still does. Only the schema's owner can take that back: when it is not us, the check
-- below says so.
DO $$
BEGIN
  IF has_schema_privilege('hustings_app', 'public', 'CREATE') THEN
    BEGIN
      REVOKE CREATE ON SCHEMA public FROM PUBLIC;
      REVOKE CREATE ON SCHEMA public FROM hustings_app;
    EXCEPTION WHEN insufficient_privilege THEN NULL;
    END;
  END IF;
END
$$;

-- Whatever the role was given outside these migrations, it must not be able to alter, disable or
-- bypass the audit log's guard: otherwise the migration fails, naming what to take away.
DO $$
DECLARE
  problems text[] := '{}';
  app record;
BEGIN
  SELECT rolsuper, rolcreaterole, rolbypassrls, rolreplication INTO app FROM pg_roles WHERE rolname = 'hustings_app';
  IF app.rolsuper THEN problems := problems || 'is a superuser'::text; END IF;
  IF app.rolcreaterole THEN problems := problems || 'has CREATEROLE'::text; END IF;
  IF app.rolbypassrls THEN problems := problems || 'has BYPASSRLS'::text; END IF;
  IF app.rolreplication THEN problems := problems || 'has REPLICATION'::text; END IF;
  IF pg_has_role('hustings_app', (SELECT datdba FROM pg_database WHERE datname = current_database()), 'MEMBER') THEN
    problems := problems || 'owns the database (or is a member of its owner)'::text;
  END IF;
  IF EXISTS (SELECT 1 FROM pg_class c JOIN pg_namespace n ON n.oid = c.relnamespace
              WHERE n.nspname = 'public' AND pg_has_role('hustings_app', c.relowner, 'MEMBER')) THEN
    problems := problems || 'owns tables of the schema (or is a member of their owner)'::text;
  END IF;
  IF has_table_privilege('hustings_app', '"AuditEvent"', 'UPDATE, DELETE, TRUNCATE, TRIGGER') THEN
    problems := problems || 'may UPDATE, DELETE, TRUNCATE or add a TRIGGER to "AuditEvent"'::text;
  END IF;
  IF has_schema_privilege('hustings_app', 'public', 'CREATE') THEN
    problems := problems || 'may CREATE in the schema public (REVOKE CREATE ON SCHEMA public FROM PUBLIC, as its owner)'::text;
  END IF;
  IF cardinality(problems) > 0 THEN
    RAISE EXCEPTION 'the role hustings_app could alter or bypass the audit log: it %', array_to_string(problems, '; it ')
      USING HINT = 'The application''s role owns nothing and holds no more than these migrations grant: docs/deployment.md';
  END IF;
END
$$;
