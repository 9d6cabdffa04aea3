// Whether this deployment is the local demo, where the secretariat may reset it
// (docs/decisions/017-demo-reset.md). Light on purpose: the console's navigation reads it.

/** The word the secretariat types to confirm: the same in every language, like a code. */
export const RESET_WORD = "RESET";

/** scripts/start.ts sets DEMO_RESET_DATABASE_URL for the embedded local demo only. */
export function demoResetAvailable(): boolean {
  return Boolean(process.env.DEMO_RESET_DATABASE_URL?.trim());
}
