-- CreateEnum
CREATE TYPE "TranscriptSegmentKind" AS ENUM ('PRESENTATION', 'QUESTION');

-- CreateTable
CREATE TABLE "Transcript" (
    "id" TEXT NOT NULL,
    "hearingId" TEXT NOT NULL,
    "language" TEXT NOT NULL,
    "version" INTEGER NOT NULL DEFAULT 1,
    "builtAt" TIMESTAMPTZ(3) NOT NULL,
    "cueCount" INTEGER NOT NULL,
    "unassignedCount" INTEGER NOT NULL DEFAULT 0,
    "officialAt" TIMESTAMPTZ(3),
    "withdrawnAt" TIMESTAMPTZ(3),
    "withdrawnReason" TEXT,
    "createdAt" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updatedAt" TIMESTAMPTZ(3) NOT NULL,

    CONSTRAINT "Transcript_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "TranscriptSegment" (
    "id" TEXT NOT NULL,
    "transcriptId" TEXT NOT NULL,
    "position" INTEGER NOT NULL,
    "kind" "TranscriptSegmentKind" NOT NULL,
    "candidateId" TEXT NOT NULL,
    "questionId" TEXT,
    "startAt" TIMESTAMPTZ(3) NOT NULL,
    "endAt" TIMESTAMPTZ(3),
    "text" TEXT NOT NULL,
    "builtText" TEXT NOT NULL,
    "version" INTEGER NOT NULL DEFAULT 1,
    "editedAt" TIMESTAMPTZ(3),

    CONSTRAINT "TranscriptSegment_pkey" PRIMARY KEY ("id")
);

-- CreateIndex
CREATE UNIQUE INDEX "Transcript_hearingId_language_key" ON "Transcript"("hearingId", "language");

-- CreateIndex
CREATE INDEX "TranscriptSegment_candidateId_idx" ON "TranscriptSegment"("candidateId");

-- CreateIndex
CREATE INDEX "TranscriptSegment_questionId_idx" ON "TranscriptSegment"("questionId");

-- CreateIndex
CREATE UNIQUE INDEX "TranscriptSegment_transcriptId_position_key" ON "TranscriptSegment"("transcriptId", "position");

-- AddForeignKey
ALTER TABLE "Transcript" ADD CONSTRAINT "Transcript_hearingId_fkey" FOREIGN KEY ("hearingId") REFERENCES "Hearing"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "TranscriptSegment" ADD CONSTRAINT "TranscriptSegment_transcriptId_fkey" FOREIGN KEY ("transcriptId") REFERENCES "Transcript"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "TranscriptSegment" ADD CONSTRAINT "TranscriptSegment_candidateId_fkey" FOREIGN KEY ("candidateId") REFERENCES "Candidate"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "TranscriptSegment" ADD CONSTRAINT "TranscriptSegment_questionId_fkey" FOREIGN KEY ("questionId") REFERENCES "HearingQuestion"("id") ON DELETE CASCADE ON UPDATE CASCADE;
