-- the backfill commits separately from the DDL
SET lock_timeout = '5s';
SET statement_timeout = '5min';
BEGIN;
ALTER TABLE "User" ADD COLUMN "plan" TEXT;
COMMIT;
UPDATE "User" SET "plan" = 'free' WHERE "plan" IS NULL;
