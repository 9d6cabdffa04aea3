-- Forum support and following a question (docs/decisions/049-forum-support-and-follow.md).

-- AlterTable
ALTER TABLE "ForumQuestion" ADD COLUMN     "followTokenHash" TEXT,
ADD COLUMN     "supportCount" INTEGER NOT NULL DEFAULT 0;

-- CreateTable
CREATE TABLE "ForumSupport" (
    "id" TEXT NOT NULL,
    "questionId" TEXT NOT NULL,
    "browserHash" TEXT NOT NULL,
    "ipHash" TEXT NOT NULL,
    "createdAt" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "ForumSupport_pkey" PRIMARY KEY ("id")
);

-- CreateIndex
CREATE INDEX "ForumSupport_questionId_ipHash_createdAt_idx" ON "ForumSupport"("questionId", "ipHash", "createdAt");

-- CreateIndex
CREATE INDEX "ForumSupport_ipHash_createdAt_idx" ON "ForumSupport"("ipHash", "createdAt");

-- CreateIndex
CREATE UNIQUE INDEX "ForumSupport_questionId_browserHash_key" ON "ForumSupport"("questionId", "browserHash");

-- CreateIndex
CREATE UNIQUE INDEX "ForumQuestion_followTokenHash_key" ON "ForumQuestion"("followTokenHash");

-- AddForeignKey
ALTER TABLE "ForumSupport" ADD CONSTRAINT "ForumSupport_questionId_fkey" FOREIGN KEY ("questionId") REFERENCES "ForumQuestion"("id") ON DELETE CASCADE ON UPDATE CASCADE;
