-- CreateSchema
CREATE SCHEMA IF NOT EXISTS "public";

-- CreateTable
CREATE TABLE "public"."Booking" (
    "room" INTEGER NOT NULL,
    "during" tsrange NOT NULL
);

-- CreateTable
CREATE TABLE "public"."Event" (
    "id" BIGINT NOT NULL,
    "at" TIMESTAMP(3) NOT NULL,
    "kind" TEXT NOT NULL,

    CONSTRAINT "Event_pkey" PRIMARY KEY ("id","at")
);

-- CreateTable
CREATE TABLE "public"."Product" (
    "id" INTEGER NOT NULL,
    "price" DECIMAL(10,2) NOT NULL,
    "name" TEXT NOT NULL,

    CONSTRAINT "Product_pkey" PRIMARY KEY ("id")
);

-- CreateIndex
CREATE INDEX "Event_kind_idx" ON "public"."Event"("kind" ASC);

