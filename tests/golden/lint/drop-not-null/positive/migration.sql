SET lock_timeout = '5s';
SET statement_timeout = '5min';
ALTER TABLE "User" ALTER COLUMN "email" DROP NOT NULL;
