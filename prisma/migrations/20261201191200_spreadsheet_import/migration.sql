-- CreateTable
CREATE TABLE "ImportTemplate" (
    "id" SERIAL NOT NULL,
    "name" TEXT NOT NULL,
    "headerKey" TEXT NOT NULL,
    "mapping" JSONB NOT NULL,
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updatedAt" TIMESTAMP(3) NOT NULL,

    CONSTRAINT "ImportTemplate_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "ImportFile" (
    "id" SERIAL NOT NULL,
    "fileName" TEXT NOT NULL,
    "headers" TEXT[],
    "rows" JSONB NOT NULL,
    "templateId" INTEGER,
    "uploadedById" INTEGER,
    "report" JSONB,
    "importedAt" TIMESTAMP(3),
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "ImportFile_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "ImportedRow" (
    "id" SERIAL NOT NULL,
    "templateId" INTEGER NOT NULL,
    "externalId" TEXT NOT NULL,
    "initiativeId" INTEGER,
    "contentHash" TEXT NOT NULL,
    "version" INTEGER NOT NULL,
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updatedAt" TIMESTAMP(3) NOT NULL,

    CONSTRAINT "ImportedRow_pkey" PRIMARY KEY ("id")
);

-- CreateIndex
CREATE UNIQUE INDEX "ImportTemplate_name_key" ON "ImportTemplate"("name");

-- CreateIndex
CREATE INDEX "ImportTemplate_headerKey_idx" ON "ImportTemplate"("headerKey");

-- CreateIndex
CREATE INDEX "ImportFile_createdAt_idx" ON "ImportFile"("createdAt");

-- CreateIndex
CREATE INDEX "ImportedRow_initiativeId_idx" ON "ImportedRow"("initiativeId");

-- CreateIndex
CREATE UNIQUE INDEX "ImportedRow_templateId_externalId_key" ON "ImportedRow"("templateId", "externalId");

-- AddForeignKey
ALTER TABLE "ImportFile" ADD CONSTRAINT "ImportFile_templateId_fkey" FOREIGN KEY ("templateId") REFERENCES "ImportTemplate"("id") ON DELETE SET NULL ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "ImportFile" ADD CONSTRAINT "ImportFile_uploadedById_fkey" FOREIGN KEY ("uploadedById") REFERENCES "User"("id") ON DELETE SET NULL ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "ImportedRow" ADD CONSTRAINT "ImportedRow_templateId_fkey" FOREIGN KEY ("templateId") REFERENCES "ImportTemplate"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "ImportedRow" ADD CONSTRAINT "ImportedRow_initiativeId_fkey" FOREIGN KEY ("initiativeId") REFERENCES "Initiative"("id") ON DELETE SET NULL ON UPDATE CASCADE;
