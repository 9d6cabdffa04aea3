// The production server (server.ts, run by scripts/server.cjs: docs/decisions/024-client-address-and-server.md)
// of the existing production build (NEXT_DIST_DIR, else .next) on a free port, against a
// database of the caller's: for fault specs and bench scripts that must not share
// the suite's server (they restart its database). Only route handlers should be asked of it:
// the build's data cache (<distDir>/cache) is shared with the suite's own server, and a page
// rendered here from another database would be cached there too.
import { spawn, type ChildProcess } from "node:child_process";
import { createWriteStream, existsSync } from "node:fs";
import net from "node:net";
import path from "node:path";

export interface NextServer {
  url: string;
  port: number;
  /** The server's output so far (for a failing test's message). */
  output(): string;
  stop(): Promise<void>;
  /** Sends `signal` to the server, as an orchestrator would (the shutdown spec). */
  kill(signal: NodeJS.Signals): void;
  /** Resolves with the exit code (or the signal that ended it) once the server has exited. */
  exited: Promise<{ code: number | null; signal: NodeJS.Signals | null }>;
}

export interface NextServerOptions {
  databaseUrl: string;
  distDir?: string;
  env?: Record<string, string>;
  readyTimeoutMs?: number;
  /** The address it listens on (HOSTNAME), 127.0.0.1 unless given. */
  hostname?: string;
  /** Where its output is also written, for other processes to read (tests/e2e/support/second-server.ts). */
  logFile?: string;
}

/** Starts the server and resolves once it answers. */
export async function startNextServer(opts: NextServerOptions): Promise<NextServer> {
  const server = await launchNextServer(opts);
  await server.ready;
  return server;
}

/**
 * Starts the server and returns at once: `ready` resolves once it answers (and rejects, the
 * server stopped, if it exits or does not answer by the deadline), so that a caller can go on
 * meanwhile (the suite's second server starts while the first tests run).
 */
export async function launchNextServer(opts: NextServerOptions): Promise<NextServer & { ready: Promise<void> }> {
  const distDir = opts.distDir ?? (process.env.NEXT_DIST_DIR || ".next");
  if (!existsSync(path.join(distDir, "BUILD_ID")))
    throw new Error(`no production build in ${distDir}: run next build first (NEXT_DIST_DIR names another folder)`);
  const port = await freePort();
  const hostname = opts.hostname ?? "127.0.0.1";
  const url = `http://${hostname.includes(":") ? `[${hostname}]` : hostname}:${port}`;
  let log = "";
  const child: ChildProcess = spawn(process.execPath, ["scripts/server.cjs"], {
    env: {
      ...process.env,
      NODE_ENV: "production",
      HOSTNAME: hostname,
      PORT: String(port),
      DATABASE_URL: opts.databaseUrl,
      AUTH_SECRET: process.env.AUTH_SECRET ?? "e2e-only-secret-not-for-production-0123456789",
      NEXTAUTH_URL: url,
      NEXT_TELEMETRY_DISABLED: "1",
      NEXT_DIST_DIR: distDir,
      ...opts.env,
    },
    stdio: ["ignore", "pipe", "pipe"],
  });
  const file = opts.logFile ? createWriteStream(opts.logFile, { flags: "a" }) : undefined;
  const keep = (chunk: Buffer) => {
    log = (log + chunk.toString()).slice(-20_000);
    file?.write(chunk);
  };
  child.stdout?.on("data", keep);
  child.stderr?.on("data", keep);
  const exited = new Promise<{ code: number | null; signal: NodeJS.Signals | null }>((resolve) =>
    child.once("exit", (code, signal) => {
      file?.end();
      resolve({ code, signal });
    }),
  );
  const kill = () => child.kill("SIGKILL");
  process.once("exit", kill);

  const stop = async () => {
    process.off("exit", kill);
    if (child.exitCode !== null || child.signalCode !== null) return;
    // SIGINT: the same orderly stop without the 2 s grace a load balancer needs (server.ts);
    // the shutdown spec sends SIGTERM itself (kill).
    child.kill("SIGINT");
    const timer = setTimeout(() => child.kill("SIGKILL"), 5_000);
    await exited;
    clearTimeout(timer);
  };

  const ready = (async () => {
    const deadline = Date.now() + (opts.readyTimeoutMs ?? 60_000);
    for (;;) {
      if (child.exitCode !== null) throw new Error(`the server exited (${child.exitCode}):\n${log}`);
      try {
        // Any answer will do: the health check says 503 while the database is away.
        const response = await fetch(`${url}/api/health`, { signal: AbortSignal.timeout(2_000) });
        await response.body?.cancel();
        break;
      } catch {
        if (Date.now() > deadline) {
          await stop();
          throw new Error(`the server did not answer within the deadline:\n${log}`);
        }
        await new Promise((resolve) => setTimeout(resolve, 200));
      }
    }
  })();
  // Settled here too: a caller that has not awaited it yet must not see an unhandled rejection.
  ready.catch(() => undefined);
  return { url, port, output: () => log, stop, kill: (signal) => void child.kill(signal), exited, ready };
}

async function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const server = net.createServer();
    server.once("error", reject);
    server.listen(0, "127.0.0.1", () => {
      const address = server.address();
      const port = typeof address === "object" && address ? address.port : 0;
      server.close(() => resolve(port));
    });
  });
}
