-- RenameTable
ALTER TABLE "User" RENAME TO "Account";

-- RedefineIndex
DROP INDEX "User_email_key";
CREATE UNIQUE INDEX "Account_email_key" ON "Account"("email");

