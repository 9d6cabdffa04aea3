-- CreateIndex
CREATE INDEX "HearingQuestion_ipHash_createdAt_idx" ON "HearingQuestion"("ipHash", "createdAt");

-- CreateIndex
CREATE INDEX "HearingQuestion_hearingId_source_createdAt_idx" ON "HearingQuestion"("hearingId", "source", "createdAt");

-- CreateIndex
CREATE INDEX "HearingQuestion_hearingId_candidateId_bodyHash_idx" ON "HearingQuestion"("hearingId", "candidateId", "bodyHash");
