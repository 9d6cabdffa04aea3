// `npm run start:production`: the production server (server.ts) from this checkout, after a
// `next build` made with the release's NEXT_SERVER_ACTIONS_ENCRYPTION_KEY (and BUILD_ID). Unlike
// `npm start`, the local demo (docs/decisions/003, 017), it never migrates, never seeds and never
// starts a database: it refuses to start, naming the variable, when the configuration is not
// fit for production (lib/config/production-checks.ts). Migrations are the release's own step,
// `npm run db:migrate:deploy` (docs/deploy.md, docs/decisions/031-production-packaging.md).
// tsx's CommonJS hook, as scripts/server.cjs (docs/decisions/024-client-address-and-server.md).
/* eslint-disable @typescript-eslint/no-require-imports -- a CommonJS launcher: require is the point */
require("tsx/cjs/api").register();
const { assertProductionConfig } = require("../lib/config/production-checks.ts");
process.env.NODE_ENV = "production";
assertProductionConfig(process.env, process.env.NEXT_DIST_DIR || ".next");
require("../server.ts");
