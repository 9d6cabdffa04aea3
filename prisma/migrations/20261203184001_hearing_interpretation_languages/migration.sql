-- AlterTable
ALTER TABLE "Hearing" ADD COLUMN     "interpretationLanguages" TEXT[] DEFAULT ARRAY[]::TEXT[];
