-- CreateSchema
CREATE SCHEMA IF NOT EXISTS "public";

-- CreateEnum
CREATE TYPE "Role" AS ENUM ('USER', 'ADMIN');

-- CreateTable
CREATE TABLE "Lists" (
    "id" INTEGER NOT NULL,
    "strs" TEXT[] DEFAULT ARRAY['a', 'b''c']::TEXT[],
    "ints" INTEGER[] DEFAULT ARRAY[1, 2]::INTEGER[],
    "floats" DOUBLE PRECISION[] DEFAULT ARRAY[1.5, 2]::DOUBLE PRECISION[],
    "bools" BOOLEAN[] DEFAULT ARRAY[true, false]::BOOLEAN[],
    "dates" TIMESTAMP(3)[] DEFAULT ARRAY['2020-01-01 00:00:00 +00:00']::TIMESTAMP(3)[],
    "roles" "Role"[] DEFAULT ARRAY['USER', 'ADMIN']::"Role"[],
    "empty" TEXT[] DEFAULT ARRAY[]::TEXT[],
    "plain" INTEGER[],
    "decs" DECIMAL(65,30)[],
    "jsons" JSONB[],
    "blobs" BYTEA[],
    "ranges" int4range[],

    CONSTRAINT "Lists_pkey" PRIMARY KEY ("id")
);

