-- CreateEnum
CREATE TYPE "SearchResultBucket" AS ENUM ('NONE', 'FEW', 'MANY');

-- CreateTable
CREATE TABLE "SearchInsight" (
    "month" DATE NOT NULL,
    "query" TEXT NOT NULL,
    "filters" TEXT NOT NULL,
    "bucket" "SearchResultBucket" NOT NULL,
    "territories" TEXT[],
    "approaches" TEXT[],
    "count" INTEGER NOT NULL DEFAULT 0,

    CONSTRAINT "SearchInsight_pkey" PRIMARY KEY ("month","query","filters","bucket")
);
