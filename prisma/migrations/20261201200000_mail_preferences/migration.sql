-- AlterTable
ALTER TABLE "User" ADD COLUMN "mailOptOuts" TEXT[] DEFAULT ARRAY[]::TEXT[];
