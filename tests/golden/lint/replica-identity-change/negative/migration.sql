SET lock_timeout = '5s';
SET statement_timeout = '5min';
ALTER TABLE "User" ALTER COLUMN "bio" SET STATISTICS 200;
