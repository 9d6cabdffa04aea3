// What stops, in which order, when the server is told to stop (docs/decisions/029-observability-and-shutdown.md).
// Parts register a hook where they start (the live streams, the live bus, the mail worker,
// the database pools); server.ts runs them on SIGTERM or SIGINT. The registry is kept on
// globalThis: Next bundles each route on its own, and server.ts loads this file outside
// those bundles, so a module-level registry would be one per bundle, each unseen by the others.
//
// No "server-only" here: server.ts loads it under plain tsx.

/** Hooks run phase by phase, in this order; the hooks of one phase together. */
export const SHUTDOWN_PHASES = ["streams", "workers", "pools"] as const;
export type ShutdownPhase = (typeof SHUTDOWN_PHASES)[number];

type Hook = { name: string; phase: ShutdownPhase; stop: () => void | Promise<void> };
export type HookOutcome = { name: string; phase: ShutdownPhase; outcome: "stopped" | "failed" | "timed out"; ms: number; error?: string };

type Lifecycle = { hooks: Map<string, Hook>; stopping: boolean };

const KEY = Symbol.for("hustings.lifecycle");

function lifecycle(): Lifecycle {
  const holder = globalThis as unknown as Record<symbol, Lifecycle | undefined>;
  holder[KEY] ??= { hooks: new Map(), stopping: false };
  return holder[KEY];
}

/**
 * Registers `stop` under `name`: a second registration under the same name replaces the
 * first (each bundle that loads a part registers it again). Returns the unregistration.
 */
export function onShutdown(name: string, phase: ShutdownPhase, stop: () => void | Promise<void>): () => void {
  const hooks = lifecycle().hooks;
  const hook = { name, phase, stop };
  hooks.set(name, hook);
  return () => {
    if (hooks.get(name) === hook) hooks.delete(name);
  };
}

/** True from the first signal on: readiness answers 503, new event streams are sent elsewhere. */
export function isShuttingDown(): boolean {
  return lifecycle().stopping;
}

/** Marks the process as stopping; the hooks are run by runShutdownHooks(). */
export function beginShutdown(): void {
  lifecycle().stopping = true;
}

/**
 * Runs the hooks of `phases` (default all), phase after phase (streams, then workers, then pools), each given at most
 * `hookTimeoutMs` and all of them at most `budgetMs` in all: a hook that does not finish in
 * time is left behind, the next phase starts anyway. Never throws.
 */
export async function runShutdownHooks({
  phases = SHUTDOWN_PHASES,
  hookTimeoutMs = 3_000,
  budgetMs = 7_000,
  now = () => performance.now(),
}: { phases?: readonly ShutdownPhase[]; hookTimeoutMs?: number; budgetMs?: number; now?: () => number } = {}): Promise<HookOutcome[]> {
  beginShutdown();
  const started = now();
  const outcomes: HookOutcome[] = [];
  const hooks = [...lifecycle().hooks.values()];
  // Always in the phases' own order, whatever order `phases` lists them in.
  for (const phase of SHUTDOWN_PHASES.filter((p) => phases.includes(p))) {
    const left = budgetMs - (now() - started);
    const limit = Math.max(0, Math.min(hookTimeoutMs, left));
    const running = hooks.filter((hook) => hook.phase === phase).map((hook) => runOne(hook, limit, now));
    outcomes.push(...(await Promise.all(running)));
  }
  return outcomes;
}

async function runOne(hook: Hook, limitMs: number, now: () => number): Promise<HookOutcome> {
  const started = now();
  let timer: NodeJS.Timeout | undefined;
  const late = new Promise<"late">((resolve) => (timer = setTimeout(() => resolve("late"), limitMs)));
  try {
    const result = await Promise.race([
      Promise.resolve()
        .then(hook.stop)
        .then(() => "done" as const),
      late,
    ]);
    const ms = Math.round(now() - started);
    return { name: hook.name, phase: hook.phase, outcome: result === "late" ? "timed out" : "stopped", ms };
  } catch (error) {
    return {
      name: hook.name,
      phase: hook.phase,
      outcome: "failed",
      ms: Math.round(now() - started),
      error: error instanceof Error ? error.message : String(error),
    };
  } finally {
    clearTimeout(timer);
  }
}

/** Tests only: forgets every hook and the stopping mark. */
export function resetLifecycleForTests(): void {
  const state = lifecycle();
  state.hooks.clear();
  state.stopping = false;
}
