-- A partial index, which godwit reports and leaves out. Prisma 7.10.1's SQLite engine fails on
-- this database ("Error describing the database ... column not found: Note_live_idx"), so
-- there is no Prisma script to compare with (see oracle_fails).
CREATE TABLE "Note" (
    "id" INTEGER NOT NULL PRIMARY KEY AUTOINCREMENT,
    "body" TEXT NOT NULL,
    "deleted" BOOLEAN NOT NULL DEFAULT false
);
CREATE INDEX "Note_live_idx" ON "Note"("body") WHERE NOT "deleted";
