-- db pull case: two schemas (`schemas = ["public", "billing"]`): @@schema on every model and
-- enum, a table name used in both schemas, a relation across schemas.
CREATE SCHEMA "billing";
CREATE TYPE "billing"."status" AS ENUM ('open', 'paid');
CREATE TABLE "public"."Account" ("id" SERIAL PRIMARY KEY, "name" TEXT NOT NULL);
CREATE TABLE "public"."Invoice" ("id" SERIAL PRIMARY KEY, "note" TEXT);
CREATE TABLE "billing"."Invoice" (
  "id" SERIAL PRIMARY KEY,
  "account_id" INTEGER NOT NULL REFERENCES "public"."Account"("id"),
  "status" "billing"."status" NOT NULL DEFAULT 'open'
);
