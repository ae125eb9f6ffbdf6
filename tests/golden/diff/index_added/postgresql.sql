-- CreateIndex
CREATE UNIQUE INDEX "User_email_key" ON "User"("email");

-- CreateIndex
CREATE INDEX "User_name_age_idx" ON "User"("name", "age" DESC);

-- CreateIndex
CREATE UNIQUE INDEX "User_name_email_key" ON "User"("name", "email");
