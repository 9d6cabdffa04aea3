-- AlterTable
ALTER TABLE "Material" ADD COLUMN     "videoError" TEXT;
