// The standalone folder's `server.cjs` (scripts/build-standalone.ts bundles this file with
// server.ts and the few lib/ files it imports): the production server, run by `node server.cjs`
// from a folder that holds nothing but `next build`'s standalone output
// (docs/decisions/031-production-packaging.md). Next must not look for next.config.ts there:
// it reads the configuration the build recorded, as Next's own standalone server.js does.
import path from "node:path";
import { assertProductionConfig } from "../../lib/config/production-checks";

/** The build's configuration (<distDir>/required-server-files.json's `config`), put here by the bundler. */
declare const STANDALONE_NEXT_CONFIG: string;

process.chdir(__dirname);
Reflect.set(process.env, "NODE_ENV", "production");
process.env.__NEXT_PRIVATE_STANDALONE_CONFIG = STANDALONE_NEXT_CONFIG;
const { distDir } = JSON.parse(STANDALONE_NEXT_CONFIG) as { distDir: string };
assertProductionConfig(process.env, path.resolve(distDir));
// After the configuration is in place: server.ts loads Next as it is evaluated.
void import("../../server");
