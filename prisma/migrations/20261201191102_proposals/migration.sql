-- CreateEnum
CREATE TYPE "ProposalKind" AS ENUM ('NEW', 'CORRECTION');

-- CreateEnum
CREATE TYPE "ProposalStatus" AS ENUM ('RECEIVED', 'ASSIGNED', 'ACCEPTED', 'DECLINED');

-- AlterEnum
ALTER TYPE "EntityType" ADD VALUE 'PROPOSAL';

-- CreateTable
CREATE TABLE "Proposal" (
    "id" SERIAL NOT NULL,
    "kind" "ProposalKind" NOT NULL,
    "status" "ProposalStatus" NOT NULL DEFAULT 'RECEIVED',
    "title" TEXT,
    "body" TEXT NOT NULL,
    "carrier" TEXT,
    "territoryCodes" TEXT[] DEFAULT ARRAY[]::TEXT[],
    "approachIds" INTEGER[] DEFAULT ARRAY[]::INTEGER[],
    "proposerName" TEXT NOT NULL,
    "proposerEmail" TEXT NOT NULL,
    "proposerRole" TEXT,
    "contactConsentAt" TIMESTAMP(3),
    "publicContactConsentAt" TIMESTAMP(3),
    "initiativeId" INTEGER,
    "assigneeId" INTEGER,
    "decisionMessage" TEXT,
    "decidedAt" TIMESTAMP(3),
    "createdInitiativeId" INTEGER,
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updatedAt" TIMESTAMP(3) NOT NULL,

    CONSTRAINT "Proposal_pkey" PRIMARY KEY ("id")
);

-- CreateIndex
CREATE UNIQUE INDEX "Proposal_createdInitiativeId_key" ON "Proposal"("createdInitiativeId");

-- CreateIndex
CREATE INDEX "Proposal_status_createdAt_idx" ON "Proposal"("status", "createdAt");

-- CreateIndex
CREATE INDEX "Proposal_decidedAt_idx" ON "Proposal"("decidedAt");

-- CreateIndex
CREATE INDEX "Proposal_initiativeId_idx" ON "Proposal"("initiativeId");

-- CreateIndex
CREATE INDEX "Proposal_assigneeId_idx" ON "Proposal"("assigneeId");

-- AddForeignKey
ALTER TABLE "Proposal" ADD CONSTRAINT "Proposal_initiativeId_fkey" FOREIGN KEY ("initiativeId") REFERENCES "Initiative"("id") ON DELETE SET NULL ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "Proposal" ADD CONSTRAINT "Proposal_assigneeId_fkey" FOREIGN KEY ("assigneeId") REFERENCES "User"("id") ON DELETE SET NULL ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "Proposal" ADD CONSTRAINT "Proposal_createdInitiativeId_fkey" FOREIGN KEY ("createdInitiativeId") REFERENCES "Initiative"("id") ON DELETE SET NULL ON UPDATE CASCADE;
