-- AlterTable
ALTER TABLE "Hearing" ADD COLUMN     "rehearsal" BOOLEAN NOT NULL DEFAULT false;

-- CreateIndex
CREATE INDEX "Hearing_conferenceId_rehearsal_idx" ON "Hearing"("conferenceId", "rehearsal");
