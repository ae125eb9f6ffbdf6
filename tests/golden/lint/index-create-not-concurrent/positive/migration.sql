SET lock_timeout = '5s';
SET statement_timeout = '5min';
CREATE INDEX "User_email_idx" ON "User"("email");
