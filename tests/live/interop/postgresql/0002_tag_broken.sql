-- Fails on its first statement, so neither tool leaves part of it applied (Prisma runs
-- SQLite scripts in autocommit).
ALTER TABLE "Missing" ADD COLUMN "note" TEXT;
CREATE TABLE "Tag" ("id" INTEGER NOT NULL PRIMARY KEY, "label" TEXT NOT NULL);
