SET lock_timeout = '5s';
SET statement_timeout = '5min';
ALTER TABLE "public"."User" ADD COLUMN "bio" TEXT;
