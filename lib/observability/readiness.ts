// Whether this instance should be sent traffic (docs/decisions/029-observability-and-shutdown.md):
// every part it needs answers, each within its own deadline, all asked at once, so that the
// answer comes within one deadline whatever hangs. A stopping instance is not ready.

export const CHECK_DEADLINE_MS = 1_500;

export type Check = () => Promise<unknown>;
export type Readiness = { ready: boolean; checks: Record<string, "ok" | "failed" | "timed out" | "stopping"> };

export async function readiness(checks: Record<string, Check>, { stopping = false, deadlineMs = CHECK_DEADLINE_MS } = {}): Promise<Readiness> {
  if (stopping) return { ready: false, checks: Object.fromEntries(Object.keys(checks).map((name) => [name, "stopping"])) };
  const results = await Promise.all(Object.entries(checks).map(async ([name, check]) => [name, await within(check, deadlineMs)] as const));
  return { ready: results.every(([, outcome]) => outcome === "ok"), checks: Object.fromEntries(results) };
}

async function within(check: Check, ms: number): Promise<"ok" | "failed" | "timed out"> {
  let timer: NodeJS.Timeout | undefined;
  const late = new Promise<"timed out">((resolve) => (timer = setTimeout(() => resolve("timed out"), ms)));
  try {
    return await Promise.race([
      Promise.resolve()
        .then(check)
        .then(() => "ok" as const),
      late,
    ]);
  } catch {
    return "failed";
  } finally {
    clearTimeout(timer);
  }
}
