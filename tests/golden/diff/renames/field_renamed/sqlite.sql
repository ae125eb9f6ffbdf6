-- RenameColumn
ALTER TABLE "User" RENAME COLUMN "name" TO "fullName";

-- RedefineIndex
DROP INDEX "User_name_idx";
CREATE INDEX "User_fullName_idx" ON "User"("fullName");

