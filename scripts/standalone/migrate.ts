// The standalone folder's `migrate.cjs`: the release's migration step (scripts/db/deploy.ts,
// `npm run db:migrate:deploy` in a checkout), run from the folder, where the bundler copied
// prisma/migrations (docs/decisions/031-production-packaging.md).
process.chdir(__dirname);
void import("../db/deploy");
