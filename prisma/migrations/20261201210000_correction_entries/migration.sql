-- « Signaler une correction » on actors and lessons too (issue 12).
-- AlterTable
ALTER TABLE "Proposal" ADD COLUMN     "actorId" INTEGER,
ADD COLUMN     "lessonId" INTEGER;

-- CreateIndex
CREATE INDEX "Proposal_actorId_idx" ON "Proposal"("actorId");

-- CreateIndex
CREATE INDEX "Proposal_lessonId_idx" ON "Proposal"("lessonId");

-- AddForeignKey
ALTER TABLE "Proposal" ADD CONSTRAINT "Proposal_actorId_fkey" FOREIGN KEY ("actorId") REFERENCES "Actor"("id") ON DELETE SET NULL ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "Proposal" ADD CONSTRAINT "Proposal_lessonId_fkey" FOREIGN KEY ("lessonId") REFERENCES "Lesson"("id") ON DELETE SET NULL ON UPDATE CASCADE;

