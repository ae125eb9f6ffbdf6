-- RenameColumn
ALTER TABLE "User" RENAME COLUMN "name" TO "fullName";

-- AlterTable
ALTER TABLE "User" ALTER COLUMN "fullName" SET DATA TYPE VARCHAR(100);

