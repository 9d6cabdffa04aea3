import { readdirSync, readFileSync } from "node:fs";
import { availableParallelism } from "node:os";
import { fileURLToPath } from "node:url";
import { defineConfig } from "vitest/config";

const root = fileURLToPath(new URL(".", import.meta.url));

/** Unit files that replace a module, an environment variable, a global or the clock: found by reading them, so that a new one is never run unisolated. */
const UNIT_NEEDING_ISOLATION = readdirSync(`${root}tests/unit`)
  .filter((name) => name.endsWith(".test.ts"))
  .filter((name) => /\bvi\.(mock|doMock|stubEnv|stubGlobal|useFakeTimers|spyOn)\(|process\.on\(/.test(readFileSync(`${root}tests/unit/${name}`, "utf8")))
  .map((name) => `tests/unit/${name}`);

// Two projects: unit tests need nothing; integration tests get TEST_DATABASE_URL (a server
// where each test file creates and drops its own database, see tests/support/database.ts).
export default defineConfig({
  resolve: { alias: { "@": root, "server-only": `${root}tests/support/server-only.ts` } },
  test: {
    setupFiles: [`${root}tests/support/fail-on-console-error.ts`],
    // Vitest's default (one core less than the machine's) gives a two-core machine a single
    // worker; the integration files wait on PostgreSQL often enough that three are faster there
    // (unit + integration: 161 s with one, 137 s with two, 111 s with three; docs/testing.md).
    maxWorkers: Math.max(3, availableParallelism() - 1),
    projects: [
      {
        extends: true,
        // One module graph for the unit files that neither mock modules nor stub the
        // environment or the clock: importing the graph afresh per file was two thirds of the
        // project's time (unit alone: 31 s isolated, 11 s not; docs/testing.md).
        test: { name: "unit", include: ["tests/unit/**/*.test.ts"], exclude: UNIT_NEEDING_ISOLATION, environment: "node", isolate: false },
      },
      {
        extends: true,
        // Those that do keep a module graph of their own, so that nothing they replace leaks.
        test: { name: "unit-isolated", include: UNIT_NEEDING_ISOLATION.length > 0 ? UNIT_NEEDING_ISOLATION : ["tests/unit/none"], environment: "node" },
      },
      {
        extends: true,
        test: {
          name: "integration",
          include: ["tests/integration/**/*.test.ts"],
          environment: "node",
          // Each file still gets a module graph and a database of its own, in a worker thread
          // rather than a child process: a process per file cost ~0.7 CPU s more each (12
          // files: 49.8 CPU s with processes, 40.1 with threads, two runs each; docs/testing.md).
          // A thread has its own copy of process.env, so withAppDatabase's DATABASE_URL stays
          // the file's; process.chdir() is not allowed in a worker thread.
          pool: "threads",
          // The hearing's seed is sealed with this key until the reveal (lib/draw/seal.ts); tests only.
          // The TOTP secrets are sealed with this one (lib/second-factor/keys.ts); tests only.
          env: {
            SEED_SEALING_KEY: "5eed5eed5eed5eed5eed5eed5eed5eed5eed5eed5eed5eed5eed5eed5eed5eed",
            TOTP_SEALING_KEY: "7070707070707070707070707070707070707070707070707070707070707070",
            // A viewer's question waits half a second for its transaction in production; Vitest
            // runs niced beside the browser tests, where a starved worker can take longer than
            // that to begin one (docs/testing.md). What "busy" answers is tested with a full pool.
            QUESTION_TRANSACTION_WAIT_MS: "10000",
            // The hosts the tests' external videos, webcasts and recordings name (docs/decisions/028-media-origins.md).
            MEDIA_ORIGINS: [
              "https://test-streams.mux.dev",
              "https://stream.example.org",
              "https://video.example.org",
              "https://cdn.example.org",
              "https://v.example.org",
              "https://stream.example.test",
              "https://video.example.test",
            ].join(","),
          },
          // Migrates the template database each file's database is copied from, once per run.
          globalSetup: [`${root}tests/support/integration-global-setup.ts`],
          testTimeout: 30_000,
          hookTimeout: 60_000,
        },
      },
    ],
  },
});
