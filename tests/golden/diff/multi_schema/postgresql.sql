-- CreateSchema
CREATE SCHEMA IF NOT EXISTS "audit";

-- AlterEnum
ALTER TYPE "billing"."Plan" ADD VALUE 'PRO';

-- AlterTable
ALTER TABLE "auth"."User" ADD COLUMN     "email" TEXT;

-- DropTable
DROP TABLE "Old";

-- DropTable
DROP TABLE "Mover";

-- CreateTable
CREATE TABLE "billing"."Mover" (
    "id" INTEGER NOT NULL,

    CONSTRAINT "Mover_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "audit"."Event" (
    "id" INTEGER NOT NULL,
    "userId" INTEGER NOT NULL,

    CONSTRAINT "Event_pkey" PRIMARY KEY ("id")
);

-- CreateIndex
CREATE INDEX "Event_userId_idx" ON "audit"."Event"("userId");

-- CreateIndex
CREATE UNIQUE INDEX "User_email_key" ON "auth"."User"("email");

-- AddForeignKey
ALTER TABLE "audit"."Event" ADD CONSTRAINT "Event_userId_fkey" FOREIGN KEY ("userId") REFERENCES "auth"."User"("id") ON DELETE RESTRICT ON UPDATE CASCADE;
