import { defineConfig, devices } from "@playwright/test";
import { asAppRole } from "./lib/db/roles";
import { testOidcEnv } from "./tests/e2e/support/oidc-settings";

// End-to-end tests run against a production build (`next build` is done by scripts/test.ts)
// served by the production server (server.ts, docs/decisions/024-client-address-and-server.md)
// on its own port, on the database named by E2E_DATABASE_URL. The specs'
// fixtures write as that URL's role (the owner); the server connects as the app's own role,
// hustings_app (docs/decisions/015-database-roles.md), so every journey shows its grants suffice.
const port = Number(process.env.E2E_PORT ?? 3100);
const databaseUrl = process.env.E2E_DATABASE_URL ?? "";
// No password on a server that trusts local connections; scripts/test.ts passes the embedded server's.
const appDatabaseUrl = databaseUrl ? asAppRole(databaseUrl, process.env.TEST_APP_ROLE_PASSWORD) : "";
const distDir = process.env.NEXT_DIST_DIR || ".next";
// The page cache's test gate (docs/cache.md): the server and the specs share this folder.
process.env.PAGE_CACHE_TEST_GATES ??= `${process.cwd()}/.data/cache-gates-${port}`;

export default defineConfig({
  testDir: "tests/e2e",
  // Every test owns its data (tests/e2e/support/world.ts), so any two may run side by side.
  fullyParallel: true,
  // Two cores: the server, PostgreSQL and the browsers share them. E2E_WORKERS
  // overrides (docs/testing.md has the measurements).
  workers: Number(process.env.E2E_WORKERS) || 2,
  retries: 0,
  forbidOnly: true,
  reporter: [["list"]],
  // Developers running suites side by side each keep their own results.
  outputDir: process.env.E2E_OUTPUT_DIR || "test-results",
  timeout: 60_000,
  expect: { timeout: 10_000 },
  globalSetup: "./tests/e2e/global-setup.ts",
  use: {
    baseURL: `http://127.0.0.1:${port}`,
    // A trace only when asked (E2E_TRACE=on keeps each failed test's): recording every test's
    // DOM snapshots cost about a fifth of the browsers' CPU and of Playwright's wall time
    // (docs/testing.md). A failure always leaves its screenshot and the page's aria snapshot.
    trace: process.env.E2E_TRACE === "on" ? "retain-on-failure" : "off",
    screenshot: "only-on-failure",
    launchOptions: {
      executablePath: process.env.CHROMIUM_PATH ?? "/usr/bin/chromium",
      args: ["--disable-gpu", "--disable-quic", "--disable-background-networking", "--disable-component-update", "--disable-sync", "--no-first-run"],
    },
  },
  // One project, no chain: no spec changes what another reads.
  projects: [{ name: "chromium", use: { ...devices["Desktop Chrome"] } }],
  webServer: {
    // The data cache outlives the server; a new test database must not be read through a
    // previous run's entries.
    command: `rm -rf ${distDir}/cache/fetch-cache && exec node scripts/server.cjs`,
    url: `http://127.0.0.1:${port}/api/health`,
    timeout: 120_000,
    reuseExistingServer: false,
    stdout: "pipe",
    stderr: "pipe",
    env: {
      NODE_ENV: "production",
      HOSTNAME: "127.0.0.1",
      PORT: String(port),
      DATABASE_URL: appDatabaseUrl,
      AUTH_SECRET: process.env.AUTH_SECRET ?? "e2e-only-secret-not-for-production-0123456789",
      NEXTAUTH_URL: `http://127.0.0.1:${port}`,
      NEXT_TELEMETRY_DISABLED: "1",
      NEXT_DIST_DIR: distDir,
      // Warnings and errors only: one access line per request would bury them in the run's output (E2E_LOG_LEVEL=info shows them).
      LOG_LEVEL: process.env.E2E_LOG_LEVEL ?? "warn",
      // Members' single sign-on against the local provider global-setup.ts starts.
      ...testOidcEnv(port),
    },
  },
});
