// The standalone folder's `prune.cjs`: `npm run db:prune` (scripts/db/prune.ts) from the image,
// counting by default and deleting with --apply (docs/deploy.md#retention).
void import("../db/prune");
