-- RenameTable
ALTER TABLE "User" RENAME TO "Account";

-- AlterTable
ALTER TABLE "Account" RENAME CONSTRAINT "User_pkey" TO "Account_pkey";

-- RenameIndex
ALTER INDEX "User_email_key" RENAME TO "Account_email_key";

