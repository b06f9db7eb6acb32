-- CreateTable
CREATE TABLE "InitiativeSearch" (
    "initiativeId" INTEGER NOT NULL,
    "document" tsvector NOT NULL,
    "facets" INTEGER[],
    "publishedAt" TIMESTAMP(3),
    "sortTitle" TEXT NOT NULL,

    CONSTRAINT "InitiativeSearch_pkey" PRIMARY KEY ("initiativeId")
);

-- CreateTable
CREATE TABLE "SearchFacet" (
    "id" SERIAL NOT NULL,
    "facet" TEXT NOT NULL,
    "value" TEXT NOT NULL,

    CONSTRAINT "SearchFacet_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "SearchPosting" (
    "token" INTEGER NOT NULL,
    "chunk" INTEGER NOT NULL,
    "bits" bit varying NOT NULL,

    CONSTRAINT "SearchPosting_pkey" PRIMARY KEY ("token","chunk")
);

-- CreateTable
CREATE TABLE "SearchWord" (
    "word" TEXT NOT NULL,

    CONSTRAINT "SearchWord_pkey" PRIMARY KEY ("word")
);

-- CreateIndex
CREATE INDEX "InitiativeSearch_document_idx" ON "InitiativeSearch" USING GIN ("document");

-- CreateIndex
CREATE INDEX "InitiativeSearch_facets_idx" ON "InitiativeSearch" USING GIN ("facets");

-- CreateIndex
CREATE INDEX "InitiativeSearch_publishedAt_initiativeId_idx" ON "InitiativeSearch"("publishedAt" DESC, "initiativeId" DESC);

-- CreateIndex
CREATE INDEX "InitiativeSearch_sortTitle_initiativeId_idx" ON "InitiativeSearch"("sortTitle", "initiativeId");

-- CreateIndex
CREATE UNIQUE INDEX "SearchFacet_facet_value_key" ON "SearchFacet"("facet", "value");

-- CreateIndex
CREATE INDEX "SearchWord_word_idx" ON "SearchWord" USING GIN ("word" gin_trgm_ops);

-- AddForeignKey
ALTER TABLE "InitiativeSearch" ADD CONSTRAINT "InitiativeSearch_initiativeId_fkey" FOREIGN KEY ("initiativeId") REFERENCES "Initiative"("id") ON DELETE CASCADE ON UPDATE CASCADE;
