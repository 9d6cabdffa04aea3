-- CreateEnum
CREATE TYPE "HearingExtensionKind" AS ENUM ('EXTENSION', 'DISABILITY', 'TECHNICAL');

-- AlterTable
ALTER TABLE "Hearing" ADD COLUMN     "answerClockStartedAt" TIMESTAMPTZ(3),
ADD COLUMN     "answerLimitSeconds" INTEGER,
ADD COLUMN     "minPresentationMinutes" INTEGER,
ADD COLUMN     "minQaMinutes" INTEGER,
ADD COLUMN     "questionClockStartedAt" TIMESTAMPTZ(3),
ADD COLUMN     "questionLimitSeconds" INTEGER,
ADD COLUMN     "splitAllowed" BOOLEAN NOT NULL DEFAULT false;

-- AlterTable
ALTER TABLE "HearingExtension" ADD COLUMN     "kind" "HearingExtensionKind" NOT NULL DEFAULT 'EXTENSION';

-- AlterTable
ALTER TABLE "HearingQuestion" ADD COLUMN     "answerStartedAt" TIMESTAMPTZ(3);

-- AlterTable
ALTER TABLE "HearingSlot" ADD COLUMN     "plannedPresentationMs" INTEGER,
ADD COLUMN     "plannedQaMs" INTEGER;
