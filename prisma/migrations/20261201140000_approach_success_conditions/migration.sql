-- AlterTable
ALTER TABLE "Approach" ADD COLUMN     "successConditions" TEXT;
