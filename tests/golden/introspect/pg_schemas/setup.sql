-- Two schemas read together (the datasource's `schemas`), a third one not read.
CREATE SCHEMA "auth";
CREATE SCHEMA "billing";
CREATE SCHEMA "other";
CREATE TYPE "auth"."Role" AS ENUM ('USER', 'ADMIN');
CREATE TYPE "billing"."Role" AS ENUM ('PAYER');
CREATE TABLE "auth"."User" (
    "id" TEXT NOT NULL,
    "role" "auth"."Role" NOT NULL DEFAULT 'USER',
    CONSTRAINT "User_pkey" PRIMARY KEY ("id")
);
CREATE TABLE "billing"."Invoice" (
    "id" SERIAL NOT NULL,
    "user_id" TEXT NOT NULL,
    "role" "billing"."Role" NOT NULL,
    CONSTRAINT "Invoice_pkey" PRIMARY KEY ("id")
);
CREATE TABLE "other"."Hidden" ("id" INTEGER PRIMARY KEY);
CREATE INDEX "Invoice_user_id_idx" ON "billing"."Invoice"("user_id");
ALTER TABLE "billing"."Invoice" ADD CONSTRAINT "Invoice_user_id_fkey" FOREIGN KEY ("user_id") REFERENCES "auth"."User"("id") ON DELETE RESTRICT ON UPDATE CASCADE;
