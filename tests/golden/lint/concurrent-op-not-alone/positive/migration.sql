CREATE INDEX CONCURRENTLY IF NOT EXISTS "User_email_idx" ON "User"("email");
CREATE INDEX CONCURRENTLY IF NOT EXISTS "User_name_idx" ON "User"("name");
