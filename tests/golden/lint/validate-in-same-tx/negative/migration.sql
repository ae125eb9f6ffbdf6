-- the ADD commits before the VALIDATE starts
SET lock_timeout = '5s';
SET statement_timeout = '5min';
BEGIN;
ALTER TABLE "User" ADD CONSTRAINT "User_age_check" CHECK ("age" >= 0) NOT VALID;
COMMIT;
BEGIN;
ALTER TABLE "User" VALIDATE CONSTRAINT "User_age_check";
COMMIT;
