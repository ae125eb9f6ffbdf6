-- a view keeps the old name working for clients that still use it
SET lock_timeout = '5s';
SET statement_timeout = '5min';
ALTER TABLE "Post" RENAME TO "Article";
CREATE VIEW "Post" AS SELECT * FROM "Article";
