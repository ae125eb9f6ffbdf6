SET lock_timeout = '5s';
SET statement_timeout = '5min';
CREATE TABLE "Draft" ("name" TEXT);
ALTER TABLE "Draft" RENAME COLUMN "name" TO "title";
