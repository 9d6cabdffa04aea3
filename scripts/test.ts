// `npm test`: the whole suite on a fresh machine, the way CI runs it (.ci/run).
//
//   npm test                   unit + integration (one vitest run), then end-to-end
//   npm test -- unit           only one stage; also `integration` or `e2e`, or several:
//   npm test -- unit e2e       (extra arguments are stage names, nothing else)
//
// Which PostgreSQL server (integration tests create and drop their own databases there; the
// end-to-end stage creates a fresh `hustings_e2e_<random>` database on it):
//   1. TEST_DATABASE_URL if set (a maintenance database, e.g. …/postgres, where we may CREATE DATABASE);
//   2. else postgresql://postgres@127.0.0.1:5432/postgres if it answers within 3 s (CI, dev machines);
//   3. else an embedded PostgreSQL under .data/test-postgres (lib/db/embedded.ts), stopped at the end.
//
// The app under test connects as its own role, hustings_app (docs/decisions/015-database-roles.md):
// a server of ours trusts local connections (CI's, 127.0.0.1:5432); the embedded one gives the role a
// password, passed on as TEST_APP_ROLE_PASSWORD.
//
// With Vitest and the end-to-end stage in one run, the end-to-end database and `next build` are
// prepared while Vitest runs (its integration files wait on PostgreSQL often enough to leave a
// core part-idle), and Playwright starts as soon as the build is done, while Vitest finishes;
// the build's output (kept in .data/test-reports/next-build.log) and Playwright's are shown
// after Vitest's. E2E_AFTER_VITEST=1 starts Playwright only once Vitest is done (docs/testing.md
// has the measurements).
//
// Ends with each stage's wall time and the 15 slowest tests of the run (Vitest's and Playwright's
// JSON reports, .data/test-reports/), then one line `N passed, M failed` (vitest + playwright
// test counts), and a non-zero exit if anything failed, including a step that failed without
// failing a test (a build error, a crash: counted as one failure) or a run in which no test ran
// at all. docs/testing.md: the layout of the suite, and where the time goes.
import { spawn, type ChildProcess } from "node:child_process";
import { randomBytes } from "node:crypto";
import { createWriteStream, existsSync } from "node:fs";
import fs from "node:fs/promises";
import net from "node:net";
import os from "node:os";
import path from "node:path";
import pg from "pg";
import { startEmbeddedPostgres, type EmbeddedPostgres } from "../lib/db/embedded";
import { deployMigrations } from "../lib/db/migrate";
import { canConnect } from "../lib/db/reachable";

const ROOT = process.cwd(); // npm runs scripts from the project root
const REPORT_DIR = path.join(ROOT, ".data", "test-reports");
const LOCAL_SERVER = "postgresql://postgres@127.0.0.1:5432/postgres";
/** The same fallback playwright.config.ts gives the server under test; a test-only value. */
const E2E_AUTH_SECRET = "e2e-only-secret-not-for-production-0123456789";
const STAGES = ["unit", "integration", "e2e"] as const;
type Stage = (typeof STAGES)[number];

const BIN = {
  node: process.execPath,
  vitest: path.join(ROOT, "node_modules", "vitest", "vitest.mjs"),
  playwright: path.join(ROOT, "node_modules", "@playwright", "test", "cli.js"),
  next: path.join(ROOT, "node_modules", "next", "dist", "bin", "next"),
};

interface Tally {
  passed: number;
  failed: number;
  failedSteps: string[];
  /** Wall time of each stage, in the order they ended (some run side by side). */
  stages: { name: string; ms: number }[];
  /** When the run began (performance.now()). */
  startedAt: number;
  /** The JSON reports this run wrote (an earlier run's stay out of its slowest list). */
  reports: { vitest?: string; playwright?: string };
}

/** A test's own duration, as its runner reported it. */
interface TestTime {
  runner: "vitest" | "playwright";
  name: string;
  ms: number;
}

const SLOWEST_SHOWN = 15;
/** Vitest's priority while the build and Playwright run alongside it (docs/testing.md). */
const VITEST_NICENESS = 10;

const log = (line: string) => console.log(`\n[test] ${line}`);
const state: { stopSignal?: NodeJS.Signals; children: Set<ChildProcess> } = { children: new Set() };

function onStopSignal(signal: NodeJS.Signals): void {
  state.stopSignal = signal;
  // A terminal Ctrl-C already reached the children (same process group); `kill <pid>` did not.
  for (const child of state.children) child.kill("SIGTERM");
}

async function main(): Promise<number> {
  process.on("SIGINT", onStopSignal);
  process.on("SIGTERM", onStopSignal);
  // `… | tee log` and Ctrl-C: tee dies first, and a write to the closed pipe must not crash
  // us before the cleanup below has run.
  process.stdout.on("error", () => {});
  process.stderr.on("error", () => {});
  const stages = parseStages(process.argv.slice(2));
  const tally: Tally = { passed: 0, failed: 0, failedSteps: [], stages: [], reports: {}, startedAt: performance.now() };
  await fs.mkdir(REPORT_DIR, { recursive: true });

  let embedded: EmbeddedPostgres | undefined;
  try {
    let serverUrl = "";
    if (stages.has("integration") || stages.has("e2e")) {
      const server = await timed(tally, "setup: PostgreSQL server", findServer);
      embedded = server.embedded;
      serverUrl = server.url;
      // Read by tests/support/database.ts and playwright.config.ts for the app's role.
      if (embedded) process.env.TEST_APP_ROLE_PASSWORD = embedded.appPassword;
    }
    const vitest = stages.has("unit") || stages.has("integration");
    if (stages.has("e2e")) {
      // The database and the build do not depend on Vitest: alongside it when both run.
      const prepared = prepareEndToEnd(serverUrl, tally, { alongside: vitest });
      // Settled here too, so a failed preparation is never an unhandled rejection while Vitest runs.
      prepared.catch(() => undefined);
      if (vitest && !process.env.E2E_AFTER_VITEST) {
        // Playwright starts as soon as the build is done, while Vitest finishes (docs/testing.md
        // has the measurements); its output is held, and shown live once Vitest's is printed.
        // Vitest yields the cores (nice 10) to the build and then to Playwright, the run's longest
        // chain, and takes what they leave idle.
        const vitestRun = runVitest(stages, serverUrl, tally, { niceness: VITEST_NICENESS });
        const vitestDone = vitestRun.then(
          () => undefined,
          () => undefined,
        );
        let vitestFinished = false;
        void vitestDone.then(() => (vitestFinished = true));
        // A build that outlasts Vitest (a warm cache, a few unit tests) leaves nothing to hold.
        const endToEnd = prepared.then((ready) => runEndToEnd(ready, tally, vitestFinished ? undefined : vitestDone));
        // Both settle before a failure is reported, so no child outlives the run's cleanup.
        const failure = (await Promise.allSettled([vitestRun, endToEnd])).find((result) => result.status === "rejected");
        if (failure) throw failure.reason;
      } else {
        if (vitest) await runVitest(stages, serverUrl, tally);
        await runEndToEnd(await prepared, tally);
      }
    } else if (vitest) {
      await runVitest(stages, serverUrl, tally);
    }
  } catch (error) {
    tally.failed += 1;
    tally.failedSteps.push(`setup (${error instanceof Error ? error.message : String(error)})`);
  } finally {
    if (embedded) {
      log("stopping the embedded PostgreSQL");
      await embedded.stop();
    }
  }
  await printTimes(tally);
  return summarise(tally);
}

/** Runs one stage, adding its wall time to the tally whether it passed or threw. */
async function timed<T>(tally: Tally, name: string, stage: () => Promise<T>): Promise<T> {
  const started = performance.now();
  try {
    return await stage();
  } finally {
    tally.stages.push({ name, ms: performance.now() - started });
  }
}

async function printTimes(tally: Tally): Promise<void> {
  if (tally.stages.length === 0) return;
  console.log("\n[test] wall time per stage:");
  const width = Math.max(...tally.stages.map((stage) => stage.name.length));
  for (const stage of tally.stages) console.log(`[test]   ${stage.name.padEnd(width)}  ${seconds(stage.ms).padStart(7)}`);
  // Stages that ran side by side overlap: the total is the run's own wall time.
  console.log(`[test]   ${"total".padEnd(width)}  ${seconds(performance.now() - tally.startedAt).padStart(7)}`);
  const tests = [
    ...(tally.reports.vitest ? await readVitestTimes(tally.reports.vitest) : []),
    ...(tally.reports.playwright ? await readPlaywrightTimes(tally.reports.playwright) : []),
  ];
  if (tests.length === 0) return;
  tests.sort((a, b) => b.ms - a.ms);
  console.log(`\n[test] the ${Math.min(SLOWEST_SHOWN, tests.length)} slowest tests (of ${tests.length}):`);
  for (const test of tests.slice(0, SLOWEST_SHOWN)) console.log(`[test]   ${seconds(test.ms).padStart(7)}  ${test.runner.padEnd(10)}  ${test.name}`);
}

function seconds(ms: number): string {
  return `${(ms / 1000).toFixed(1)} s`;
}

function parseStages(args: string[]): Set<Stage> {
  const unknown = args.filter((arg) => !STAGES.some((stage) => stage === arg));
  if (unknown.length > 0) throw new Error(`unknown stage(s) ${unknown.join(", ")}; use ${STAGES.join(", ")}`);
  return new Set(args.length > 0 ? STAGES.filter((stage) => args.includes(stage)) : STAGES);
}

function summarise(tally: Tally): number {
  const ran = tally.passed + tally.failed;
  if (ran === 0) tally.failedSteps.push("no test ran");
  if (state.stopSignal) tally.failedSteps.push(`interrupted by ${state.stopSignal}`);
  // The line is read as the verdict: a failing run never reads "0 failed".
  if (tally.failedSteps.length > 0 && tally.failed === 0) tally.failed = 1;
  console.log("");
  for (const step of tally.failedSteps) console.log(`[test] failed: ${step}`);
  console.log(`${tally.passed} passed, ${tally.failed} failed`);
  return tally.failed > 0 ? 1 : 0;
}

// --- the server ---------------------------------------------------------------------------

async function findServer(): Promise<{ url: string; embedded?: EmbeddedPostgres }> {
  const configured = process.env.TEST_DATABASE_URL?.trim();
  if (configured) {
    log(`PostgreSQL server: TEST_DATABASE_URL (${redact(configured)})`);
    return { url: configured };
  }
  if (await canConnect(LOCAL_SERVER, 3_000)) {
    log(`PostgreSQL server: ${LOCAL_SERVER}`);
    return { url: LOCAL_SERVER };
  }
  log("PostgreSQL server: none configured and nothing on 127.0.0.1:5432, starting the embedded one in .data/test-postgres");
  // Throwaway data: fsync off makes the many CREATE DATABASE of the integration tests fast.
  const embedded = await startEmbeddedPostgres({
    dataDir: path.join(ROOT, ".data", "test-postgres"),
    port: 54339,
    database: "postgres",
    durable: false,
    log: serverLog,
  });
  return { url: embedded.adminUrl, embedded };
}

/** The server's own errors are mostly ones the tests provoke on purpose: keep only ours. */
function serverLog(line: string): void {
  if (!line.startsWith("[postgres]")) console.log(`[test] ${line}`);
}

function redact(url: string): string {
  return url.replace(/\/\/([^:/@]+):[^@]*@/, "//$1:***@");
}

// --- vitest ---------------------------------------------------------------------------------

async function runVitest(stages: Set<Stage>, serverUrl: string, tally: Tally, { niceness }: { niceness?: number } = {}): Promise<void> {
  const projects = (["unit", "integration"] as const).filter((stage) => stages.has(stage));
  log(`vitest: ${projects.join(" + ")}`);
  const report = path.join(REPORT_DIR, "vitest.json");
  await fs.rm(report, { force: true });
  // The unit stage is two Vitest projects: the files run in one module graph, and those that need their own (vitest.config.ts).
  const vitestProjects = projects.flatMap((p) => (p === "unit" ? ["unit", "unit-isolated"] : [p]));
  const args = [BIN.vitest, "run", ...vitestProjects.flatMap((p) => ["--project", p]), "--reporter=default", "--reporter=json", `--outputFile.json=${report}`];
  const env: NodeJS.ProcessEnv = { ...process.env, NEXT_TELEMETRY_DISABLED: "1" };
  if (serverUrl) env.TEST_DATABASE_URL = serverUrl;
  const name = `vitest (${projects.join(" + ")}${niceness ? `, nice ${niceness}, alongside e2e` : ""})`;
  const code = await timed(tally, name, () => runChild(BIN.node, args, env, { niceness }));
  tally.reports.vitest = report;
  const counts = await readVitestCounts(report);
  record(tally, "vitest", code, counts);
}

/** Every test of Vitest's JSON report (jest's shape): `file > full name`, with its duration. */
async function readVitestTimes(report: string): Promise<TestTime[]> {
  const files = field(await readJson(report), "testResults");
  if (!Array.isArray(files)) return [];
  return files.flatMap((file: unknown) => {
    const name = relative(field(file, "name"));
    const tests = field(file, "assertionResults");
    if (!Array.isArray(tests)) return [];
    return tests.flatMap((test: unknown) => {
      const ms = numberField(test, "duration");
      const title = field(test, "fullName");
      return ms === undefined ? [] : [{ runner: "vitest" as const, name: `${name} > ${String(title)}`, ms }];
    });
  });
}

async function readVitestCounts(report: string): Promise<{ passed: number; failed: number } | undefined> {
  const json = await readJson(report);
  const passed = numberField(json, "numPassedTests");
  const failed = numberField(json, "numFailedTests");
  return passed === undefined || failed === undefined ? undefined : { passed, failed };
}

// --- end to end -------------------------------------------------------------------------------

/** The end-to-end stage's database and build; `built` is false when it cannot run. */
interface PreparedEndToEnd {
  serverUrl: string;
  /** Null when no database was created (no browser). */
  database: string | null;
  env: NodeJS.ProcessEnv;
  built: boolean;
  /** The logs written while Vitest ran, to show after it. */
  logs: string[];
}

/**
 * A fresh `hustings_e2e_<random>` database, migrated, and a production build. `alongside`:
 * Vitest runs meanwhile, so the build's output goes to a log shown once Vitest is done.
 */
async function prepareEndToEnd(serverUrl: string, tally: Tally, { alongside }: { alongside: boolean }): Promise<PreparedEndToEnd> {
  const chromium = process.env.CHROMIUM_PATH ?? "/usr/bin/chromium";
  if (!existsSync(chromium)) {
    record(tally, `e2e (no browser at ${chromium}: apt-get install -y chromium fonts-wqy-microhei)`, 1, undefined);
    return { serverUrl, database: null, env: process.env, built: false, logs: [] };
  }
  const name = `hustings_e2e_${randomBytes(6).toString("hex")}`;
  const databaseUrl = withDatabase(serverUrl, name);
  log(`e2e: fresh database ${name}${alongside ? ", migrated and built while vitest runs" : ""}`);
  await onServer(serverUrl, `CREATE DATABASE "${name}"`);
  // E2E_DATABASE_URL is the owner's, for the specs' own fixtures; the server under test connects
  // as hustings_app (playwright.config.ts).
  const env: NodeJS.ProcessEnv = { ...process.env, NEXT_TELEMETRY_DISABLED: "1", DATABASE_URL: databaseUrl, E2E_DATABASE_URL: databaseUrl };
  const prepared: PreparedEndToEnd = { serverUrl, database: name, env, built: false, logs: [] };
  try {
    const lines: string[] = [];
    const migrationLog = alongside ? (line: string) => lines.push(`[test] ${line}`) : (line: string) => console.log(`[test] ${line}`);
    await timed(tally, "setup: e2e database", () => deployMigrations(databaseUrl, { log: migrationLog }));
    if (lines.length > 0) {
      await fs.writeFile(path.join(REPORT_DIR, "e2e-migrations.log"), `${lines.join("\n")}\n`);
      prepared.logs.push(path.join(REPORT_DIR, "e2e-migrations.log"));
    }
    const buildLog = alongside ? path.join(REPORT_DIR, "next-build.log") : undefined;
    if (buildLog) prepared.logs.push(buildLog);
    prepared.built = !state.stopSignal && (await buildForEndToEnd(env, tally, buildLog));
  } catch (error) {
    record(tally, `e2e preparation (${error instanceof Error ? error.message : String(error)})`, 1, undefined);
  }
  return prepared;
}

/**
 * Playwright on the prepared build, then the database dropped whatever happened. `vitestDone`:
 * Vitest still runs, and until it is done the preparation's logs and Playwright's output wait.
 */
async function runEndToEnd(prepared: PreparedEndToEnd, tally: Tally, vitestDone?: Promise<void>): Promise<void> {
  const showLogs = async () => {
    for (const file of prepared.logs) {
      log(`e2e: ${path.relative(ROOT, file)}`);
      process.stdout.write(await fs.readFile(file, "utf8").catch(() => "(no output)\n"));
    }
  };
  try {
    const shown = vitestDone ? vitestDone.then(showLogs) : showLogs();
    if (prepared.built && !state.stopSignal) await runPlaywright(prepared.env, tally, vitestDone ? shown : undefined);
    await shown;
  } finally {
    if (prepared.database) {
      log(`e2e: dropping ${prepared.database}`);
      await onServer(prepared.serverUrl, `DROP DATABASE IF EXISTS "${prepared.database}" WITH (FORCE)`).catch((error: unknown) => {
        console.error(`[test] could not drop ${prepared.database}: ${error instanceof Error ? error.message : String(error)}`);
      });
    }
  }
}

/** Always a fresh production build: the end-to-end tests run against it (server.ts). `logFile`: its output there, shown when it ends. */
async function buildForEndToEnd(env: NodeJS.ProcessEnv, tally: Tally, logFile?: string): Promise<boolean> {
  log(`e2e: next build${logFile ? ` (output in ${path.relative(ROOT, logFile)}, shown when vitest is done)` : ""}`);
  // A development NODE_ENV inherited from the shell would make next build warn and mis-build.
  const buildEnv: NodeJS.ProcessEnv = { ...env, NODE_ENV: "production", AUTH_SECRET: env.AUTH_SECRET ?? E2E_AUTH_SECRET };
  const code = await timed(tally, logFile ? "next build (alongside vitest)" : "next build", () =>
    runChild(BIN.node, [BIN.next, "build"], buildEnv, { logFile }),
  );
  if (code !== 0) record(tally, "next build", code, { passed: 0, failed: 0 });
  return code === 0;
}

/** `holdOutput`: Playwright's output is kept until it settles (Vitest still printing), then shown live. */
async function runPlaywright(env: NodeJS.ProcessEnv, tally: Tally, holdOutput?: Promise<void>): Promise<void> {
  const report = path.join(REPORT_DIR, "playwright.json");
  await fs.rm(report, { force: true });
  // playwright.config.ts serves the app on E2E_PORT (default 3100): take a free one so a
  // developer's own run, or a second checkout's, does not make this one fail.
  const port = env.E2E_PORT ?? String(await freePort(3100));
  const started = `e2e: playwright test (app on port ${port})`;
  if (holdOutput) void holdOutput.then(() => log(`${started}, started while vitest ran; its output so far:`));
  else log(started);
  const code = await timed(tally, holdOutput ? "playwright (started alongside vitest)" : "playwright", () =>
    runChild(BIN.node, [BIN.playwright, "test", "--reporter=list,json"], { ...env, E2E_PORT: port, PLAYWRIGHT_JSON_OUTPUT_NAME: report }, { hold: holdOutput }),
  );
  tally.reports.playwright = report;
  record(tally, "playwright", code, await readPlaywrightCounts(report));
}

/** Every test run of Playwright's JSON report: `file > describe > title`, with its duration (summed over retries). */
async function readPlaywrightTimes(report: string): Promise<TestTime[]> {
  const times: TestTime[] = [];
  const walk = (suite: unknown, titles: string[]) => {
    const title = field(suite, "title");
    const here = typeof title === "string" && title !== "" ? [...titles, title] : titles;
    for (const spec of asArray(field(suite, "specs"))) {
      const name = [...here, String(field(spec, "title"))].join(" > ");
      for (const test of asArray(field(spec, "tests"))) {
        const ms = asArray(field(test, "results")).reduce<number>((sum, result) => sum + (numberField(result, "duration") ?? 0), 0);
        times.push({ runner: "playwright", name, ms });
      }
    }
    for (const child of asArray(field(suite, "suites"))) walk(child, here);
  };
  for (const suite of asArray(field(await readJson(report), "suites"))) walk(suite, []);
  return times;
}

/** Playwright's JSON stats: `expected` passed, `flaky` passed on a retry, `unexpected` failed. */
async function readPlaywrightCounts(report: string): Promise<{ passed: number; failed: number } | undefined> {
  const json = await readJson(report);
  const stats = json !== undefined && typeof json === "object" && json !== null ? Reflect.get(json, "stats") : undefined;
  const expected = numberField(stats, "expected");
  const flaky = numberField(stats, "flaky");
  const unexpected = numberField(stats, "unexpected");
  if (expected === undefined || unexpected === undefined) return undefined;
  return { passed: expected + (flaky ?? 0), failed: unexpected };
}

async function freePort(from: number): Promise<number> {
  for (let port = from; port < from + 100; port++) {
    const free = await new Promise<boolean>((resolve) => {
      const server = net.createServer();
      server.once("error", () => resolve(false));
      server.listen(port, "127.0.0.1", () => server.close(() => resolve(true)));
    });
    if (free) return port;
  }
  throw new Error(`no free port in ${from}-${from + 99} for the end-to-end server`);
}

function withDatabase(serverUrl: string, database: string): string {
  const url = new URL(serverUrl);
  url.pathname = `/${database}`;
  return url.toString();
}

async function onServer(serverUrl: string, sql: string): Promise<void> {
  const client = new pg.Client({ connectionString: serverUrl });
  await client.connect();
  try {
    await client.query(sql);
  } finally {
    await client.end();
  }
}

// --- helpers ------------------------------------------------------------------------------------

/** Adds a step's counts; a failing exit with no failed test (a crash, a setup error) counts as one failure. */
function record(tally: Tally, step: string, code: number, counts: { passed: number; failed: number } | undefined): void {
  tally.passed += counts?.passed ?? 0;
  tally.failed += counts?.failed ?? 0;
  if (code !== 0) {
    tally.failedSteps.push(`${step} (exit ${code})`);
    if (!counts || counts.failed === 0) tally.failed += 1;
  }
}

async function readJson(file: string): Promise<unknown> {
  try {
    const parsed: unknown = JSON.parse(await fs.readFile(file, "utf8"));
    return parsed;
  } catch {
    return undefined;
  }
}

function numberField(value: unknown, key: string): number | undefined {
  const found = field(value, key);
  return typeof found === "number" ? found : undefined;
}

function field(value: unknown, key: string): unknown {
  return typeof value === "object" && value !== null ? Reflect.get(value, key) : undefined;
}

function asArray(value: unknown): unknown[] {
  return Array.isArray(value) ? value : [];
}

/** A report's absolute file name, relative to the project. */
function relative(file: unknown): string {
  return typeof file === "string" ? path.relative(ROOT, file) : "?";
}

/**
 * Runs a child with inherited output, or its output written to `logFile`, or held in memory
 * until `hold` settles and then passed on live; at `niceness` (a lower priority) if given;
 * tracked so a stop signal can reach it; resolves with its exit code (once held output has
 * been shown).
 */
function runChild(
  command: string,
  args: string[],
  env: NodeJS.ProcessEnv,
  output: { logFile?: string; hold?: Promise<void>; niceness?: number } = {},
): Promise<number> {
  return new Promise((resolve) => {
    const out = output.logFile ? createWriteStream(output.logFile) : undefined;
    const piped = Boolean(out || output.hold);
    const child = spawn(command, args, { cwd: ROOT, env, stdio: ["ignore", piped ? "pipe" : "inherit", piped ? "pipe" : "inherit"] });
    // Set before the child has started its own workers, which inherit it. Where the system
    // refuses, the child just runs at our priority.
    if (output.niceness && child.pid !== undefined) {
      try {
        os.setPriority(child.pid, output.niceness);
      } catch {
        // not allowed here: same priority as ours
      }
    }
    let released: Promise<void> = Promise.resolve();
    if (out) {
      child.stdout?.pipe(out, { end: false });
      child.stderr?.pipe(out, { end: false });
    } else if (output.hold) {
      const held: Buffer[] = [];
      let live = false;
      const pass = (chunk: Buffer) => (live ? process.stdout.write(chunk) : held.push(chunk));
      child.stdout?.on("data", pass);
      child.stderr?.on("data", pass);
      released = output.hold.then(() => {
        for (const chunk of held.splice(0)) process.stdout.write(chunk);
        live = true;
      });
    }
    state.children.add(child);
    const done = (code: number) => {
      state.children.delete(child);
      void released.then(() => {
        if (out) out.end(() => resolve(code));
        else resolve(code);
      });
    };
    child.once("error", (error) => {
      console.error(`[test] could not run ${path.basename(args[0] ?? command)}: ${error.message}`);
      done(1);
    });
    child.once("close", (code, signal) => done(code ?? 128 + (signal ? os.constants.signals[signal] : 0)));
  });
}

main().then(
  (code) => process.exit(code),
  (error: unknown) => {
    console.error(`[test] ${error instanceof Error ? error.message : String(error)}`);
    console.log("0 passed, 1 failed");
    process.exit(1);
  },
);
