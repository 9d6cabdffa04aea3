-- AlterTable
ALTER TABLE "ForumQuestion" ADD COLUMN     "locale" TEXT;

-- AlterTable
ALTER TABLE "User" ADD COLUMN     "locale" TEXT;
