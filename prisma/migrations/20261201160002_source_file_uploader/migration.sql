-- AlterTable
ALTER TABLE "Source" ADD COLUMN     "fileUploadedById" INTEGER;

-- AddForeignKey
ALTER TABLE "Source" ADD CONSTRAINT "Source_fileUploadedById_fkey" FOREIGN KEY ("fileUploadedById") REFERENCES "User"("id") ON DELETE SET NULL ON UPDATE CASCADE;
