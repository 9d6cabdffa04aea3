// Runs once when a server instance starts: a wrong environment stops it at boot with every
// problem listed, instead of failing on the first request that needs the variable.
export async function register() {
  if (process.env.NEXT_RUNTIME === "nodejs") {
    const { env } = await import("./lib/env");
    env();
    // Forum mail goes out from the outbox when SMTP is configured (lib/mail).
    const { startMailWorker } = await import("./lib/mail/start-worker");
    startMailWorker();
    // The production server writes public hearings' event streams itself, with what this module provides (lib/live/engine.ts).
    await import("./lib/hearings/live-stream");
  }
}
