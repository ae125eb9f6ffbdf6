-- CreateSchema
CREATE SCHEMA IF NOT EXISTS "public";

-- CreateEnum
CREATE TYPE "public"."Color" AS ENUM ('RED', 'green');

-- CreateTable
CREATE TABLE "public"."Defaults" (
    "id" SERIAL NOT NULL,
    "small_id" SMALLSERIAL NOT NULL,
    "big_id" BIGSERIAL NOT NULL,
    "from_seq" SERIAL NOT NULL,
    "str" TEXT NOT NULL DEFAULT 'hello',
    "quote" TEXT NOT NULL DEFAULT 'it''s',
    "escaped" TEXT NOT NULL DEFAULT 'line
break',
    "vc" VARCHAR(10) DEFAULT 'abc',
    "int" INTEGER NOT NULL DEFAULT -42,
    "big" BIGINT NOT NULL DEFAULT 9007199254740993,
    "f1" DOUBLE PRECISION NOT NULL DEFAULT 1.50,
    "f2" DOUBLE PRECISION NOT NULL DEFAULT -0.001,
    "d1" DECIMAL(65,30) NOT NULL DEFAULT 12.340,
    "yes" BOOLEAN NOT NULL DEFAULT true,
    "no" BOOLEAN NOT NULL DEFAULT false,
    "created" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "created_now" TIMESTAMPTZ(6) DEFAULT CURRENT_TIMESTAMP,
    "fixed" TIMESTAMP(3) NOT NULL DEFAULT '2020-01-01 10:11:12.345'::timestamp without time zone,
    "json" JSONB NOT NULL DEFAULT '{"a": 1, "b": [1, 2]}',
    "bytes" BYTEA NOT NULL DEFAULT '\x68656c6c6f',
    "color" "public"."Color" NOT NULL DEFAULT 'green',
    "gen" UUID NOT NULL DEFAULT gen_random_uuid(),
    "lower" TEXT NOT NULL DEFAULT lower('ABC'::text),
    "ints" INTEGER[] DEFAULT ARRAY[1, 2, 3]::INTEGER[],
    "texts" TEXT[] DEFAULT ARRAY['a', 'b c']::TEXT[],
    "colors" "public"."Color"[] DEFAULT ARRAY['RED', 'green']::"public"."Color"[],
    "empty" TEXT[] DEFAULT ARRAY[]::TEXT[],
    "nulled" TEXT,

    CONSTRAINT "Defaults_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "public"."Identity" (
    "always" SERIAL NOT NULL,
    "by_default" BIGSERIAL NOT NULL,
    "total" INTEGER DEFAULT (by_default * 2)
);

