-- CreateSchema
CREATE SCHEMA IF NOT EXISTS "public";

-- CreateEnum
CREATE TYPE "public"."State" AS ENUM ('ON', 'OFF');

-- CreateTable
CREATE TABLE "public"."Current" (
    "id" SERIAL NOT NULL,
    "state" "public"."State" NOT NULL DEFAULT 'ON',
    "legacy_id" INTEGER,

    CONSTRAINT "Current_pkey" PRIMARY KEY ("id")
);

