-- AlterTable
ALTER TABLE "Member" ADD CONSTRAINT "Member_pkey" PRIMARY KEY ("teamId", "userId");

-- DropIndex
DROP INDEX "Member_teamId_userId_key";
