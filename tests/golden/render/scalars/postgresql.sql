-- CreateSchema
CREATE SCHEMA IF NOT EXISTS "public";

-- CreateTable
CREATE TABLE "AllTypes" (
    "id" INTEGER NOT NULL,
    "str" TEXT NOT NULL,
    "strOpt" TEXT,
    "bool" BOOLEAN NOT NULL,
    "boolOpt" BOOLEAN,
    "int" INTEGER NOT NULL,
    "intOpt" INTEGER,
    "big" BIGINT NOT NULL,
    "bigOpt" BIGINT,
    "float" DOUBLE PRECISION NOT NULL,
    "floatOpt" DOUBLE PRECISION,
    "dec" DECIMAL(65,30) NOT NULL,
    "decOpt" DECIMAL(65,30),
    "date" TIMESTAMP(3) NOT NULL,
    "dateOpt" TIMESTAMP(3),
    "json" JSONB NOT NULL,
    "jsonOpt" JSONB,
    "bytes" BYTEA NOT NULL,
    "bytesOpt" BYTEA,
    "updated" TIMESTAMP(3) NOT NULL,
    "geo" circle,

    CONSTRAINT "AllTypes_pkey" PRIMARY KEY ("id")
);

