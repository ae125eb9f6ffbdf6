CREATE INDEX CONCURRENTLY IF NOT EXISTS "User_email_idx" ON "User"("email");
