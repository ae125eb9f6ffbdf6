SET lock_timeout = '5s';
SET statement_timeout = '5min';
ALTER TABLE "User" ADD COLUMN "token" UUID NOT NULL DEFAULT gen_random_uuid();
