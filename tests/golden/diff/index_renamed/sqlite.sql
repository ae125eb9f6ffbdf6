-- RedefineIndex
DROP INDEX "User_email_key";
CREATE UNIQUE INDEX "user_email_unique" ON "User"("email");

-- RedefineIndex
DROP INDEX "User_name_idx";
CREATE INDEX "user_name_idx" ON "User"("name");
