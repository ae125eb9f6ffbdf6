-- now() and constants are stored once in the catalog (PostgreSQL 11+)
SET lock_timeout = '5s';
SET statement_timeout = '5min';
ALTER TABLE "User" ADD COLUMN "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP;
ALTER TABLE "User" ADD COLUMN "seenAt" TIMESTAMP(3) NOT NULL DEFAULT now();
ALTER TABLE "User" ADD COLUMN "role" TEXT NOT NULL DEFAULT 'user';
