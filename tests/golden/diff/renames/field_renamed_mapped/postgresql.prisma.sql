-- AlterTable
ALTER TABLE "User" DROP COLUMN "user_name",
ADD COLUMN     "full_name" TEXT NOT NULL;

