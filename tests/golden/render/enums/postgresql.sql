-- CreateSchema
CREATE SCHEMA IF NOT EXISTS "public";

-- CreateEnum
CREATE TYPE "Size" AS ENUM ('SMALL', 'MEDIUM', 'large');

-- CreateEnum
CREATE TYPE "Status" AS ENUM ('DRAFT', 'PUBLISHED');

-- CreateTable
CREATE TABLE "Shirt" (
    "id" INTEGER NOT NULL,
    "size" "Size" NOT NULL,
    "alt" "Size",
    "status" "Status" NOT NULL DEFAULT 'DRAFT',
    "fancy" "Size" NOT NULL DEFAULT 'large',

    CONSTRAINT "Shirt_pkey" PRIMARY KEY ("id")
);

