-- AlterTable
ALTER TABLE "Conference" ADD COLUMN     "closedAt" TIMESTAMPTZ(3),
ADD COLUMN     "isCurrent" BOOLEAN NOT NULL DEFAULT false;

-- Added by hand (docs/decisions/012): at most one conference is current. Prisma's schema
-- language has no partial index outside a preview feature, so this index lives here only.
CREATE UNIQUE INDEX "Conference_one_current" ON "Conference" ("isCurrent") WHERE "isCurrent";

-- The portal held one conference until now: the demo's PP-18, when present, stays the one shown.
UPDATE "Conference" SET "isCurrent" = true WHERE "slug" = 'pp-18';
