// Runs once when a server instance starts: a wrong environment stops it at boot with every
// problem listed, instead of failing on the first request that needs the variable.
export async function register() {
  if (process.env.NEXT_RUNTIME === "nodejs") {
    const { env } = await import("./lib/env");
    env();
  }
}
