-- AlterTable
ALTER TABLE "Draw" ADD COLUMN     "entropy" TEXT,
ADD COLUMN     "pendingCount" INTEGER,
ADD COLUMN     "seedHash" TEXT,
ADD COLUMN     "setAsideCount" INTEGER;

-- AlterTable
ALTER TABLE "Hearing" ADD COLUMN     "closedAt" TIMESTAMPTZ(3),
ADD COLUMN     "costStateIds" TEXT[] DEFAULT ARRAY[]::TEXT[],
ADD COLUMN     "sealedSeed" TEXT,
ADD COLUMN     "seedCommittedAt" TIMESTAMPTZ(3),
ADD COLUMN     "startedAt" TIMESTAMPTZ(3);

-- AlterTable
ALTER TABLE "User" ADD COLUMN     "nationalityId" TEXT;

-- CreateTable
CREATE TABLE "VoidedCommitment" (
    "id" TEXT NOT NULL,
    "hearingId" TEXT NOT NULL,
    "seedHash" TEXT NOT NULL,
    "seed" TEXT NOT NULL,
    "committedAt" TIMESTAMPTZ(3) NOT NULL,
    "voidedAt" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "voidedById" TEXT,
    "reason" TEXT NOT NULL,

    CONSTRAINT "VoidedCommitment_pkey" PRIMARY KEY ("id")
);

-- CreateIndex
CREATE INDEX "VoidedCommitment_hearingId_voidedAt_idx" ON "VoidedCommitment"("hearingId", "voidedAt");

-- AddForeignKey
ALTER TABLE "User" ADD CONSTRAINT "User_nationalityId_fkey" FOREIGN KEY ("nationalityId") REFERENCES "MemberState"("id") ON DELETE SET NULL ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "VoidedCommitment" ADD CONSTRAINT "VoidedCommitment_hearingId_fkey" FOREIGN KEY ("hearingId") REFERENCES "Hearing"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "VoidedCommitment" ADD CONSTRAINT "VoidedCommitment_voidedById_fkey" FOREIGN KEY ("voidedById") REFERENCES "User"("id") ON DELETE SET NULL ON UPDATE CASCADE;

-- Existing data (docs/decisions/014-hearing-record-integrity.md).
-- Draws name the commitment they were made under.
UPDATE "Draw" d SET "seedHash" = h."seedHash" FROM "Hearing" h WHERE d."hearingId" = h.id;

-- A commitment made under hustings-draw-v1 that no draw of a started hearing relies on is
-- voided publicly, its seed revealed with it: the set-up is committed again under v2.
INSERT INTO "VoidedCommitment" ("id", "hearingId", "seedHash", "seed", "committedAt", "voidedAt", "reason")
SELECT 'v1-' || h.id, h.id, h."seedHash", h.seed, h."updatedAt", CURRENT_TIMESTAMP,
       'Superseded by the draw algorithm hustings-draw-v2: commit again and draw the running order again.'
FROM "Hearing" h
WHERE h.status = 'SCHEDULED' AND h."seedHash" IS NOT NULL AND h.seed IS NOT NULL AND h."seedRevealedAt" IS NULL;
UPDATE "HearingSlot" s SET position = NULL FROM "Hearing" h
WHERE s."hearingId" = h.id AND h.status = 'SCHEDULED' AND h."seedHash" IS NOT NULL AND h."seedRevealedAt" IS NULL;
UPDATE "Hearing" SET "seedHash" = NULL, seed = NULL
WHERE status = 'SCHEDULED' AND "seedHash" IS NOT NULL AND "seedRevealedAt" IS NULL;

-- A started hearing keeps its v1 commitment (seedCommittedAt stays NULL: the legacy mark);
-- its unrevealed seed leaves the plain column until the reveal.
UPDATE "Hearing" SET "sealedSeed" = 'v1-plain:' || seed, seed = NULL
WHERE seed IS NOT NULL AND "seedRevealedAt" IS NULL;

-- Started hearings: when, and who shares the costs (the states on the running order).
UPDATE "Hearing" h SET "startedAt" = s.first
FROM (SELECT "hearingId", min("presentationStartedAt") AS first FROM "HearingSlot" GROUP BY "hearingId") s
WHERE s."hearingId" = h.id AND h.status <> 'SCHEDULED';
UPDATE "Hearing" h SET "costStateIds" = s.states
FROM (
  SELECT sl."hearingId", array_agg(DISTINCT c."memberStateId" ORDER BY c."memberStateId") AS states
  FROM "HearingSlot" sl JOIN "Candidate" c ON c.id = sl."candidateId"
  WHERE sl.position IS NOT NULL
  GROUP BY sl."hearingId"
) s
WHERE s."hearingId" = h.id AND h.status <> 'SCHEDULED';
