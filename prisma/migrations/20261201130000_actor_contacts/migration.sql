-- AlterTable
ALTER TABLE "Actor" ADD COLUMN     "address" TEXT,
ADD COLUMN     "contactConsent" BOOLEAN NOT NULL DEFAULT false,
ADD COLUMN     "contactConsentAt" TIMESTAMP(3),
ADD COLUMN     "contactConsentById" INTEGER,
ADD COLUMN     "contactEmail" TEXT,
ADD COLUMN     "contactName" TEXT,
ADD COLUMN     "contactPhone" TEXT,
ADD COLUMN     "contactRole" TEXT,
ADD COLUMN     "email" TEXT,
ADD COLUMN     "phone" TEXT;

-- CreateTable
CREATE TABLE "ActorArea" (
    "actorId" INTEGER NOT NULL,
    "territoryCode" TEXT NOT NULL,

    CONSTRAINT "ActorArea_pkey" PRIMARY KEY ("actorId","territoryCode")
);

-- CreateIndex
CREATE INDEX "ActorArea_territoryCode_idx" ON "ActorArea"("territoryCode");

-- CreateIndex
CREATE INDEX "Actor_contactConsentById_idx" ON "Actor"("contactConsentById");

-- AddForeignKey
ALTER TABLE "Actor" ADD CONSTRAINT "Actor_contactConsentById_fkey" FOREIGN KEY ("contactConsentById") REFERENCES "User"("id") ON DELETE SET NULL ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "ActorArea" ADD CONSTRAINT "ActorArea_actorId_fkey" FOREIGN KEY ("actorId") REFERENCES "Actor"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "ActorArea" ADD CONSTRAINT "ActorArea_territoryCode_fkey" FOREIGN KEY ("territoryCode") REFERENCES "Territory"("code") ON DELETE CASCADE ON UPDATE CASCADE;
