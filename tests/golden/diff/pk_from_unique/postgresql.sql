-- DropIndex
DROP INDEX "Member_teamId_userId_key";

-- AlterTable
ALTER TABLE "Member" DROP CONSTRAINT "Member_pkey",
DROP COLUMN "id",
ADD CONSTRAINT "Member_pkey" PRIMARY KEY ("teamId", "userId");
