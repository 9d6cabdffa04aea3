-- CreateTable
CREATE TABLE "CaptionCue" (
    "id" TEXT NOT NULL,
    "hearingId" TEXT NOT NULL,
    "language" TEXT NOT NULL,
    "seq" INTEGER NOT NULL,
    "startAt" TIMESTAMPTZ(3) NOT NULL,
    "endAt" TIMESTAMPTZ(3) NOT NULL,
    "text" TEXT NOT NULL,
    "createdAt" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "CaptionCue_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "CaptionerKey" (
    "id" TEXT NOT NULL,
    "hearingId" TEXT NOT NULL,
    "label" TEXT NOT NULL,
    "keyHash" TEXT NOT NULL,
    "createdById" TEXT,
    "createdAt" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "revokedAt" TIMESTAMPTZ(3),
    "lastUsedAt" TIMESTAMPTZ(3),

    CONSTRAINT "CaptionerKey_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "HearingCaptionTrack" (
    "id" TEXT NOT NULL,
    "hearingId" TEXT NOT NULL,
    "language" TEXT NOT NULL,
    "vtt" TEXT NOT NULL,
    "createdAt" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updatedAt" TIMESTAMPTZ(3) NOT NULL,

    CONSTRAINT "HearingCaptionTrack_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "MaterialCaptionTrack" (
    "id" TEXT NOT NULL,
    "materialId" TEXT NOT NULL,
    "language" TEXT NOT NULL,
    "vtt" TEXT NOT NULL,
    "createdAt" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updatedAt" TIMESTAMPTZ(3) NOT NULL,

    CONSTRAINT "MaterialCaptionTrack_pkey" PRIMARY KEY ("id")
);

-- CreateIndex
CREATE INDEX "CaptionCue_hearingId_startAt_idx" ON "CaptionCue"("hearingId", "startAt");

-- CreateIndex
CREATE UNIQUE INDEX "CaptionCue_hearingId_language_seq_key" ON "CaptionCue"("hearingId", "language", "seq");

-- CreateIndex
CREATE UNIQUE INDEX "CaptionerKey_keyHash_key" ON "CaptionerKey"("keyHash");

-- CreateIndex
CREATE INDEX "CaptionerKey_hearingId_idx" ON "CaptionerKey"("hearingId");

-- CreateIndex
CREATE UNIQUE INDEX "HearingCaptionTrack_hearingId_language_key" ON "HearingCaptionTrack"("hearingId", "language");

-- CreateIndex
CREATE UNIQUE INDEX "MaterialCaptionTrack_materialId_language_key" ON "MaterialCaptionTrack"("materialId", "language");

-- AddForeignKey
ALTER TABLE "CaptionCue" ADD CONSTRAINT "CaptionCue_hearingId_fkey" FOREIGN KEY ("hearingId") REFERENCES "Hearing"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "CaptionerKey" ADD CONSTRAINT "CaptionerKey_hearingId_fkey" FOREIGN KEY ("hearingId") REFERENCES "Hearing"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "HearingCaptionTrack" ADD CONSTRAINT "HearingCaptionTrack_hearingId_fkey" FOREIGN KEY ("hearingId") REFERENCES "Hearing"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "MaterialCaptionTrack" ADD CONSTRAINT "MaterialCaptionTrack_materialId_fkey" FOREIGN KEY ("materialId") REFERENCES "Material"("id") ON DELETE CASCADE ON UPDATE CASCADE;
