SET lock_timeout = '5s';
SET statement_timeout = '5min';
-- godwit:ignore drop-column nothing to silence here
ALTER TABLE "User" ADD COLUMN "bio" TEXT;
