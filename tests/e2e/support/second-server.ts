import { cpSync, mkdtempSync, readFileSync, rmSync } from "node:fs";
import os from "node:os";
import path from "node:path";
import { asAppRole } from "../../../lib/db/roles";
import { launchNextServer } from "../../support/next-server";

// The suite's second production server (docs/testing.md): one per run, on the suite's database,
// with a copy of the build of its own (so its page cache is its own, as a second machine's
// would be) and the settings the suite's server lacks. Specs that need a server set up
// otherwise than the suite's share it instead of each starting one: two instances of one
// deployment (two-instances.spec.ts), a trusted proxy in front (client-address.spec.ts), Mux
// and extra media origins given at its start (media-origins.spec.ts, same-origin.spec.ts).
// Nothing here depends on another spec's requests: each asks only routes and pages of data it
// made. Started by global-setup.ts without waiting for it, so it comes up while the first
// tests run; `secondServer()` waits until it answers. A spec that needs a server it may stop,
// restart or starve still starts its own (tests/support/next-server.ts).

/** Mux as the second server is given it: a token and a webhook secret (the API is never called by the specs that use it). */
export const SECOND_SERVER_MUX = {
  tokenId: "e2e-token",
  tokenSecret: "e2e-secret",
  webhookSecret: "e2e-second-server-mux-webhook-secret",
  apiUrl: "http://127.0.0.1:9/mux-stand-in",
} as const;

/** The media origins it is given beyond Mux's (docs/decisions/028-media-origins.md). */
export const SECOND_SERVER_MEDIA_ORIGINS = ["https://media.example.org", "https://cdn.example.net:8443"] as const;

/** Its settings beyond the suite's server's. */
export const SECOND_SERVER_ENV: Record<string, string> = {
  // One proxy of ours in front: the rightmost X-Forwarded-For entry is the client (docs/decisions/024-client-address-and-server.md).
  TRUSTED_PROXY_HOPS: "1",
  MEDIA_ORIGINS: SECOND_SERVER_MEDIA_ORIGINS.join(","),
  MUX_TOKEN_ID: SECOND_SERVER_MUX.tokenId,
  MUX_TOKEN_SECRET: SECOND_SERVER_MUX.tokenSecret,
  MUX_WEBHOOK_SECRET: SECOND_SERVER_MUX.webhookSecret,
  MUX_API_URL: SECOND_SERVER_MUX.apiUrl,
};

/** Starts it (global-setup.ts) and returns at once; the teardown stops it and removes its copy of the build. */
export async function launchSecondServer(): Promise<() => Promise<void>> {
  const ownerUrl = process.env.E2E_DATABASE_URL;
  if (!ownerUrl) throw new Error("E2E_DATABASE_URL is not set");
  const distDir = process.env.NEXT_DIST_DIR || ".next";
  const copy = `${distDir}-second-server`;
  rmSync(copy, { recursive: true, force: true });
  // The build alone: not the suite's server's cache, nor the standalone copy.
  cpSync(distDir, copy, { recursive: true, filter: (source) => !/[/\\](cache|standalone)$/.test(source) });
  const folder = mkdtempSync(path.join(os.tmpdir(), "hustings-second-server-"));
  const logFile = path.join(folder, "server.log");
  const server = await launchNextServer({
    databaseUrl: asAppRole(ownerUrl, process.env.TEST_APP_ROLE_PASSWORD),
    distDir: copy,
    logFile,
    // Test gates of its own (lib/site/fail-for-test.ts): what a spec arms for the suite's server fails nothing here.
    env: { ...SECOND_SERVER_ENV, PAGE_CACHE_TEST_GATES: path.join(folder, "gates") },
    readyTimeoutMs: 120_000,
  });
  // Read by the workers, which Playwright starts after the global setup.
  process.env.E2E_SECOND_SERVER_URL = server.url;
  process.env.E2E_SECOND_SERVER_LOG = logFile;
  return async () => {
    await server.stop();
    rmSync(copy, { recursive: true, force: true });
    rmSync(folder, { recursive: true, force: true });
  };
}

export interface SecondServer {
  url: string;
  /** The end of its output so far (for a failing test's message). */
  output(): string;
}

/** The second server, once it answers (it may still be starting when the first tests run). */
export async function secondServer(): Promise<SecondServer> {
  const url = process.env.E2E_SECOND_SERVER_URL;
  const logFile = process.env.E2E_SECOND_SERVER_LOG ?? "";
  if (!url) throw new Error("E2E_SECOND_SERVER_URL is not set: tests/e2e/global-setup.ts starts the second server");
  const output = () => {
    try {
      return readFileSync(logFile, "utf8").slice(-20_000);
    } catch {
      return "(no output)";
    }
  };
  const deadline = Date.now() + 120_000;
  for (;;) {
    try {
      // Any answer will do, as for every server the specs start (tests/support/next-server.ts).
      const response = await fetch(`${url}/api/health`, { signal: AbortSignal.timeout(2_000) });
      await response.body?.cancel();
      return { url, output };
    } catch {
      if (Date.now() > deadline) throw new Error(`the second server did not answer within 120 s:\n${output()}`);
      await new Promise((resolve) => setTimeout(resolve, 200));
    }
  }
}
