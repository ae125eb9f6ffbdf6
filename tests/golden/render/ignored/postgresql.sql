-- CreateSchema
CREATE SCHEMA IF NOT EXISTS "public";

-- CreateTable
CREATE TABLE "Legacy" (
    "id" INTEGER NOT NULL,
    "blob" TEXT NOT NULL,

    CONSTRAINT "Legacy_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "Modern" (
    "id" INTEGER NOT NULL,
    "internal" TEXT NOT NULL,
    "visible" TEXT NOT NULL,

    CONSTRAINT "Modern_pkey" PRIMARY KEY ("id")
);

