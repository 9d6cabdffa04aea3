// Generates the Prisma client offline. `prisma generate` runs in WebAssembly, but the CLI
// still looks for a native schema engine and would try to download one; any executable
// satisfies that lookup (docs/toolchain.md#prisma-without-native-engines), so point it at /bin/true when none is configured.
import { spawnSync } from "node:child_process";
import { existsSync } from "node:fs";

const env = { ...process.env, PRISMA_HIDE_UPDATE_MESSAGE: "1", CHECKPOINT_DISABLE: "1" };
if (!env.PRISMA_SCHEMA_ENGINE_BINARY || !existsSync(env.PRISMA_SCHEMA_ENGINE_BINARY)) {
  env.PRISMA_SCHEMA_ENGINE_BINARY = "/bin/true";
}
const cli = new URL("../../node_modules/prisma/build/index.js", import.meta.url).pathname;
const result = spawnSync(process.execPath, [cli, "generate"], { stdio: "inherit", env });
process.exit(result.status ?? 1);
