import "server-only";
import { spawn } from "node:child_process";
import path from "node:path";
import { z } from "zod";
import { assertCan } from "@/lib/auth/assert";
import type { Actor } from "@/lib/auth/permissions";
import { sealingKeyFrom } from "@/lib/draw/seal-core";
import { DomainError } from "@/lib/errors/domain-error";
import { parseInput } from "@/lib/validation/parse";
import { logger } from "@/lib/observability/logger";
import { RESET_WORD } from "./availability";

// The secretariat's "Reset the demo" (docs/decisions/017-demo-reset.md). Only in the local demo
// that scripts/start.ts runs on its embedded database: there, and only there, it hands the app
// the owner's connection in DEMO_RESET_DATABASE_URL; anywhere else the reset is refused. The
// reset is `npm run demo:reset` itself (scripts/demo-reset.ts), run as a child process under
// tsx: the same code as from a terminal, and the demo loader stays out of the app's bundle.

/** scripts/demo-reset.ts's exit codes. */
const EXIT_NOT_THE_DEMO = 3;
const RESET_TIMEOUT_MS = 5 * 60_000;

const resetSchema = z.object({
  confirm: z
    .string()
    .trim()
    .refine((value) => value === RESET_WORD, { error: "admin.demoReset.confirmMismatch" }),
});

/**
 * Empties the database and loads the demo again, as the owner. Secretariat only, only in the
 * local demo, only when the database holds the demo, and only with the confirmation typed.
 * No audit row: the audit log is emptied with everything else, which the confirmation says.
 */
export async function resetDemo({ actor, input }: { actor: Actor | null; input: unknown }): Promise<void> {
  assertCan(actor, "reset:demo:any");
  const ownerUrl = process.env.DEMO_RESET_DATABASE_URL?.trim();
  if (!ownerUrl) throw new DomainError("FORBIDDEN", { messageKey: "admin.demoReset.unavailable" });
  parseInput(resetSchema, input);
  // The demo hearing's seed is sealed with the key this app unseals with (lib/draw/seal.ts).
  const key = sealingKeyFrom({ AUTH_SECRET: process.env.AUTH_SECRET, SEED_SEALING_KEY: process.env.SEED_SEALING_KEY });
  const env: NodeJS.ProcessEnv = { ...process.env, DATABASE_URL: ownerUrl, MIGRATION_DATABASE_URL: ownerUrl, DEMO_RESET_FROM_CONSOLE: "1" };
  delete env.AUTH_SECRET;
  delete env.SEED_SEALING_KEY;
  delete env.DEMO_RESET_DATABASE_URL;
  if (key) env.SEED_SEALING_KEY = key.toString("hex");
  const { code, output } = await runReset(env);
  if (code === 0) return;
  if (code === EXIT_NOT_THE_DEMO) throw new DomainError("CONFLICT", { messageKey: "admin.demoReset.notDemo" });
  logger().error({ code, output }, `demo reset failed (exit ${code})`);
  throw new DomainError("CONFLICT", { messageKey: "admin.demoReset.failed" });
}

function runReset(env: NodeJS.ProcessEnv): Promise<{ code: number; output: string }> {
  const root = process.cwd();
  const tsx = path.join(root, "node_modules", "tsx", "dist", "cli.mjs");
  return new Promise((resolve) => {
    const child = spawn(process.execPath, [tsx, path.join(root, "scripts", "demo-reset.ts")], { cwd: root, env, stdio: ["ignore", "pipe", "pipe"] });
    let output = "";
    const keep = (chunk: Buffer) => {
      output = (output + chunk.toString("utf8")).slice(-8_000);
    };
    child.stdout.on("data", keep);
    child.stderr.on("data", keep);
    const timer = setTimeout(() => child.kill("SIGTERM"), RESET_TIMEOUT_MS);
    child.once("error", (error) => {
      clearTimeout(timer);
      resolve({ code: -1, output: `${output}\n${String(error)}` });
    });
    child.once("close", (code) => {
      clearTimeout(timer);
      resolve({ code: code ?? -1, output });
    });
  });
}
