-- CreateTable
CREATE TABLE "ReferenceImport" (
    "id" SERIAL NOT NULL,
    "fingerprint" TEXT NOT NULL,
    "territories" INTEGER NOT NULL,
    "links" INTEGER NOT NULL,
    "loadedAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "ReferenceImport_pkey" PRIMARY KEY ("id")
);

-- CreateIndex
CREATE INDEX "ReferenceImport_loadedAt_idx" ON "ReferenceImport"("loadedAt");
