-- CreateSchema
CREATE SCHEMA IF NOT EXISTS "public";

-- CreateTable
CREATE TABLE "Native" (
    "id" UUID NOT NULL,
    "small" SMALLINT NOT NULL,
    "integ" INTEGER NOT NULL,
    "big" BIGINT NOT NULL,
    "dec" DECIMAL(10,2) NOT NULL,
    "decRaw" DECIMAL NOT NULL,
    "money" MONEY NOT NULL,
    "inet" INET NOT NULL,
    "oid" OID NOT NULL,
    "citext" CITEXT NOT NULL,
    "real" REAL NOT NULL,
    "double" DOUBLE PRECISION NOT NULL,
    "vc" VARCHAR(255) NOT NULL,
    "vcRaw" VARCHAR NOT NULL,
    "ch" CHAR(10) NOT NULL,
    "chRaw" CHAR NOT NULL,
    "text" TEXT NOT NULL,
    "bytea" BYTEA NOT NULL,
    "ts" TIMESTAMP(6) NOT NULL,
    "tsRaw" TIMESTAMP NOT NULL,
    "tstz" TIMESTAMPTZ(3) NOT NULL,
    "tstzR" TIMESTAMPTZ NOT NULL,
    "date" DATE NOT NULL,
    "time" TIME(4) NOT NULL,
    "timeR" TIME NOT NULL,
    "timetz" TIMETZ(2) NOT NULL,
    "bool" BOOLEAN NOT NULL,
    "bit" BIT(3) NOT NULL,
    "varbit" VARBIT(5) NOT NULL,
    "xml" XML NOT NULL,
    "json" JSON NOT NULL,
    "jsonb" JSONB NOT NULL,
    "tags" VARCHAR(20)[],

    CONSTRAINT "Native_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "Serials" (
    "small" SMALLSERIAL NOT NULL,
    "integ" SERIAL NOT NULL,
    "big" BIGSERIAL NOT NULL,

    CONSTRAINT "Serials_pkey" PRIMARY KEY ("small")
);

