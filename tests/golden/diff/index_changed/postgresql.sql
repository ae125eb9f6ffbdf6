-- DropIndex
DROP INDEX "User_name_idx";

-- DropIndex
DROP INDEX "User_email_idx";

-- CreateIndex
CREATE INDEX "User_name_idx" ON "User"("name", "email");

-- CreateIndex
CREATE UNIQUE INDEX "User_email_key" ON "User"("email");
