-- varchar(n) -> text is binary coercible: no rewrite
SET lock_timeout = '5s';
SET statement_timeout = '5min';
CREATE TABLE "Note" ("body" VARCHAR(100));
ALTER TABLE "Note" ALTER COLUMN "body" SET DATA TYPE TEXT;
