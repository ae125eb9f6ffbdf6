-- RenameTable
ALTER TABLE "User" RENAME TO "Member";

-- RenameColumn
ALTER TABLE "Member" RENAME COLUMN "name" TO "displayName";

-- AlterTable
ALTER TABLE "Member" RENAME CONSTRAINT "User_pkey" TO "Member_pkey",
DROP COLUMN "notes";

