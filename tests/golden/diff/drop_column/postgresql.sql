-- DropIndex
DROP INDEX "User_nickname_idx";

-- AlterTable
ALTER TABLE "User" DROP COLUMN "age",
DROP COLUMN "nickname";
