-- AlterTable
ALTER TABLE "Hearing" ADD COLUMN     "questionQuota" JSONB;

-- AlterTable
ALTER TABLE "Draw" ADD COLUMN     "quota" JSONB,
ADD COLUMN     "strata" JSONB;
