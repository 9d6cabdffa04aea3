// `npm run e2e:dev -- [--name N] [--port P] [--no-build] [playwright args…]`: some end-to-end
// specs, for a developer, side by side with other checkouts or runs on one machine. Each name
// keeps its own build (`.next-<name>`), database (`hustings_e2e_dev_<name>`, recreated each
// run), port and results folder, so two runs never share anything. `npm test` is what CI runs.
// The server under test connects as the app's role, hustings_app (playwright.config.ts): the
// server must trust local connections, or TEST_APP_ROLE_PASSWORD give that role's password.
import { spawn } from "node:child_process";
import path from "node:path";
import pg from "pg";
import { deployMigrations } from "../lib/db/migrate";

const args = process.argv.slice(2);
const option = (flag: string) => {
  const at = args.indexOf(flag);
  if (at < 0) return undefined;
  const [, value] = args.splice(at, 2);
  return value;
};
const name = (option("--name") ?? "dev").replace(/[^a-z0-9_]/gi, "_").toLowerCase();
const port = option("--port") ?? "3190";
const noBuild = args.includes("--no-build");
const rest = args.filter((a) => a !== "--no-build");

const server = process.env.TEST_DATABASE_URL ?? "postgresql://postgres@127.0.0.1:5432/postgres";
const database = `hustings_e2e_dev_${name}`;
const url = new URL(server);
url.pathname = `/${database}`;
const databaseUrl = url.toString();
const distDir = `.next-${name}`;

function run(command: string, argv: string[], env: NodeJS.ProcessEnv): Promise<number> {
  return new Promise((resolve) => {
    const child = spawn(command, argv, { stdio: "inherit", env });
    child.on("exit", (code) => resolve(code ?? 1));
  });
}

async function main(): Promise<number> {
  const client = new pg.Client({ connectionString: server });
  await client.connect();
  await client.query(`DROP DATABASE IF EXISTS "${database}" WITH (FORCE)`);
  await client.query(`CREATE DATABASE "${database}"`);
  await client.end();
  await deployMigrations(databaseUrl, { log: () => {} });
  const env: NodeJS.ProcessEnv = {
    ...process.env,
    NEXT_TELEMETRY_DISABLED: "1",
    NEXT_DIST_DIR: distDir,
    DATABASE_URL: databaseUrl,
    E2E_DATABASE_URL: databaseUrl,
    E2E_PORT: port,
    E2E_OUTPUT_DIR: path.join(".data", `e2e-results-${name}`),
  };
  const next = path.join("node_modules", "next", "dist", "bin", "next");
  if (!noBuild) {
    const built = await run(process.execPath, [next, "build"], {
      ...env,
      NODE_ENV: "production",
      AUTH_SECRET: env.AUTH_SECRET ?? "e2e-only-secret-not-for-production-0123456789",
    });
    // `next build` with another distDir rewrites tsconfig.json's include list: put it back.
    await run("git", ["checkout", "--quiet", "tsconfig.json"], env);
    if (built !== 0) return built;
  }
  const playwright = path.join("node_modules", "@playwright", "test", "cli.js");
  return run(process.execPath, [playwright, "test", ...rest], env);
}

main().then(
  (code) => process.exit(code),
  (error: unknown) => {
    console.error(error);
    process.exit(1);
  },
);
