// What the production server refuses to start without (docs/deploy.md#configuration,
// docs/decisions/031-production-packaging.md). Run before server.ts by the production start
// command (scripts/start-production.cjs) and by the standalone server (scripts/standalone/server.ts);
// never by `npm start`, the local demo, which makes up what is missing.
// No "server-only" import, and nothing from lib/env.ts: these run in plain Node, before Next.
import { readFileSync } from "node:fs";
import path from "node:path";

export interface ConfigProblem {
  variable: string;
  message: string;
}

/** What the build fixed that the environment must agree with. */
export interface BuildFacts {
  /** The server actions' key the build embedded (<distDir>/server/server-reference-manifest.json); undefined when unknown. */
  actionsKey?: string;
}

const LOOPBACK = ["localhost", "127.0.0.1", "[::1]"];
/** AES-GCM's key lengths, the only ones Next accepts (its "failed to find server action" page). */
const AES_KEY_BYTES = [16, 24, 32];

/** Everything wrong with `env` for a production start, each with the variable it names; empty when it may start. */
export function productionConfigProblems(env: Record<string, string | undefined>, build: BuildFacts = {}): ConfigProblem[] {
  const problems: ConfigProblem[] = [];
  const value = (name: string) => env[name]?.trim() || undefined;
  const problem = (variable: string, message: string) => problems.push({ variable, message });

  if (!value("DATABASE_URL")) problem("DATABASE_URL", "is required: the app's connection, as the role hustings_app (docs/deployment.md#two-database-roles)");

  const secret = value("AUTH_SECRET");
  if (!secret) problem("AUTH_SECRET", "is required: 32 or more random characters, e.g. `openssl rand -base64 32`, the same on every instance");
  else if (secret.length < 32) problem("AUTH_SECRET", `is ${secret.length} characters long: it must have 32 or more`);

  const site = value("NEXTAUTH_URL");
  if (!site) problem("NEXTAUTH_URL", "is required: the site's public https address, e.g. https://hustings.example.org");
  else if (!isSiteUrl(site)) problem("NEXTAUTH_URL", `must be an https address (http only for 127.0.0.1, localhost or [::1]), got "${site}"`);

  const key = value("NEXT_SERVER_ACTIONS_ENCRYPTION_KEY");
  if (!key) {
    problem(
      "NEXT_SERVER_ACTIONS_ENCRYPTION_KEY",
      "is required: a key every instance shares, given to the build and to the server alike (`openssl rand -base64 32`)",
    );
  } else if (!isAesKey(key)) {
    problem("NEXT_SERVER_ACTIONS_ENCRYPTION_KEY", "must be the base64 encoding of 16, 24 or 32 bytes, e.g. `openssl rand -base64 32`");
  } else if (build.actionsKey !== undefined && build.actionsKey !== key) {
    problem(
      "NEXT_SERVER_ACTIONS_ENCRYPTION_KEY",
      "differs from the key this build was made with: build the release with the same NEXT_SERVER_ACTIONS_ENCRYPTION_KEY as its servers",
    );
  }

  // The owner's connection belongs to the release's migration step alone (docs/decisions/015-database-roles.md).
  if (value("MIGRATION_DATABASE_URL"))
    problem("MIGRATION_DATABASE_URL", "must not reach the app: give it to the migration step (npm run db:migrate:deploy) only");
  // The local demo's "Reset the demo" (docs/decisions/017-demo-reset.md) and the end-to-end tests' cache gate.
  if (value("DEMO_RESET_DATABASE_URL")) problem("DEMO_RESET_DATABASE_URL", "is the local demo's reset: never set it in production");
  if (value("PAGE_CACHE_TEST_GATES")) problem("PAGE_CACHE_TEST_GATES", "is for the end-to-end tests only: never set it in production");
  return problems;
}

function isSiteUrl(value: string): boolean {
  if (!URL.canParse(value)) return false;
  const url = new URL(value);
  return url.protocol === "https:" || (url.protocol === "http:" && LOOPBACK.includes(url.hostname));
}

function isAesKey(value: string): boolean {
  if (!/^[A-Za-z0-9+/]+={0,2}$/.test(value) || value.length % 4 !== 0) return false;
  return AES_KEY_BYTES.includes(Buffer.from(value, "base64").length);
}

/** The server actions' key the build in `distDir` embedded, or undefined when the build has none to read. */
export function readBuildActionsKey(distDir: string): string | undefined {
  try {
    const manifest: unknown = JSON.parse(readFileSync(path.join(distDir, "server", "server-reference-manifest.json"), "utf8"));
    const key = typeof manifest === "object" && manifest !== null ? Reflect.get(manifest, "encryptionKey") : undefined;
    return typeof key === "string" ? key : undefined;
  } catch {
    return undefined;
  }
}

/** The problems as the refusal prints them: one line per variable. */
export function describeProblems(problems: readonly ConfigProblem[]): string {
  return [
    "the production server will not start: its configuration is incomplete (docs/deploy.md#configuration)",
    ...problems.map((p) => `  ${p.variable} ${p.message}`),
  ].join("\n");
}

/** Exits with the problems printed when the environment is not fit for production; returns otherwise. */
export function assertProductionConfig(env: Record<string, string | undefined>, distDir: string): void {
  const problems = productionConfigProblems(env, { actionsKey: readBuildActionsKey(distDir) });
  if (problems.length === 0) return;
  console.error(`[server] ${describeProblems(problems)}`);
  process.exit(1);
}
