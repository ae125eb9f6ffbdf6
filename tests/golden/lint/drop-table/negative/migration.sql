-- a table this migration created itself
SET lock_timeout = '5s';
SET statement_timeout = '5min';
CREATE TEMP TABLE "scratch" ("id" INTEGER);
DROP TABLE "scratch";
