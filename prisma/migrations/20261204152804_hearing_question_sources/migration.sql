-- CreateEnum
CREATE TYPE "HearingAskerKind" AS ENUM ('MEMBER_STATE', 'SECTOR_MEMBER', 'PUBLIC', 'PRESS');

-- AlterTable
ALTER TABLE "HearingQuestion" ADD COLUMN     "askerKind" "HearingAskerKind" NOT NULL DEFAULT 'PUBLIC',
ADD COLUMN     "askerRegion" "ItuRegion",
ADD COLUMN     "askerStateId" TEXT,
ADD COLUMN     "askerVerified" BOOLEAN NOT NULL DEFAULT false,
ADD COLUMN     "publishConsent" BOOLEAN NOT NULL DEFAULT false,
ADD COLUMN     "setAsideReason" TEXT;

-- AddForeignKey
ALTER TABLE "HearingQuestion" ADD CONSTRAINT "HearingQuestion_askerStateId_fkey" FOREIGN KEY ("askerStateId") REFERENCES "MemberState"("id") ON DELETE RESTRICT ON UPDATE CASCADE;
