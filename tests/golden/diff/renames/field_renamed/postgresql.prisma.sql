-- DropIndex
DROP INDEX "User_name_idx";

-- AlterTable
ALTER TABLE "User" DROP COLUMN "name",
ADD COLUMN     "fullName" TEXT NOT NULL;

-- CreateIndex
CREATE INDEX "User_fullName_idx" ON "User"("fullName");

