-- CreateSchema
CREATE SCHEMA IF NOT EXISTS "public";

-- CreateEnum
CREATE TYPE "public"."Mood" AS ENUM ('sad', 'ok', 'happy');

-- CreateTable
CREATE TABLE "public"."Types" (
    "id" INTEGER NOT NULL,
    "small" SMALLINT,
    "big" BIGINT NOT NULL,
    "oid" OID,
    "real" REAL,
    "double" DOUBLE PRECISION,
    "flag" BOOLEAN,
    "text" TEXT,
    "vc" VARCHAR(255),
    "vc_any" VARCHAR,
    "ch" CHAR(2),
    "bpchar" CHAR(10),
    "dt" DATE,
    "bytes" BYTEA,
    "js" JSON,
    "jsb" JSONB,
    "uid" UUID,
    "xml" XML,
    "bits" BIT(3),
    "vbits" VARBIT(8),
    "dec" DECIMAL(10,2),
    "dec_any" DECIMAL,
    "money" MONEY,
    "t" TIME(6),
    "t3" TIME(3),
    "ttz" TIMETZ(2),
    "ts" TIMESTAMP(6),
    "ts3" TIMESTAMP(3),
    "tstz" TIMESTAMPTZ(6),
    "inet" INET,
    "mood" "public"."Mood" NOT NULL,
    "moods" "public"."Mood"[],
    "tags" TEXT[],
    "scores" INTEGER[],
    "prices" DECIMAL(8,3)[],
    "stamps" TIMESTAMP(3)[],
    "names" VARCHAR(30)[],
    "domain" VARCHAR(20),
    "search" tsvector,
    "span" interval,
    "code" TEXT,

    CONSTRAINT "Types_pkey" PRIMARY KEY ("id")
);

