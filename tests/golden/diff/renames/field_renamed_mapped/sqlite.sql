-- RenameColumn
ALTER TABLE "User" RENAME COLUMN "user_name" TO "full_name";

