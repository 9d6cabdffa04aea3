-- CreateTable
CREATE TABLE "HearingWrittenAnswer" (
    "id" TEXT NOT NULL,
    "questionId" TEXT NOT NULL,
    "candidateId" TEXT NOT NULL,
    "locale" TEXT NOT NULL,
    "body" TEXT NOT NULL,
    "declaredNoSymbols" BOOLEAN NOT NULL,
    "declaredNoResources" BOOLEAN NOT NULL,
    "submittedAt" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "HearingWrittenAnswer_pkey" PRIMARY KEY ("id")
);

-- CreateIndex
CREATE INDEX "HearingWrittenAnswer_candidateId_idx" ON "HearingWrittenAnswer"("candidateId");

-- CreateIndex
CREATE UNIQUE INDEX "HearingWrittenAnswer_questionId_locale_key" ON "HearingWrittenAnswer"("questionId", "locale");

-- AddForeignKey
ALTER TABLE "HearingWrittenAnswer" ADD CONSTRAINT "HearingWrittenAnswer_questionId_fkey" FOREIGN KEY ("questionId") REFERENCES "HearingQuestion"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "HearingWrittenAnswer" ADD CONSTRAINT "HearingWrittenAnswer_candidateId_fkey" FOREIGN KEY ("candidateId") REFERENCES "Candidate"("id") ON DELETE RESTRICT ON UPDATE CASCADE;
