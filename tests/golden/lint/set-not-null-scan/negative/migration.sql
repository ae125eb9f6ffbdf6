-- a validated CHECK (name IS NOT NULL) proves it: PostgreSQL 12+ skips the scan
SET lock_timeout = '5s';
SET statement_timeout = '5min';
BEGIN;
ALTER TABLE "User" ADD CONSTRAINT "User_name_nn" CHECK ("name" IS NOT NULL) NOT VALID;
COMMIT;
BEGIN;
ALTER TABLE "User" VALIDATE CONSTRAINT "User_name_nn";
ALTER TABLE "User" ALTER COLUMN "name" SET NOT NULL;
COMMIT;
