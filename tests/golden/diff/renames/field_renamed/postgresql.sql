-- RenameColumn
ALTER TABLE "User" RENAME COLUMN "name" TO "fullName";

-- RenameIndex
ALTER INDEX "User_name_idx" RENAME TO "User_fullName_idx";

