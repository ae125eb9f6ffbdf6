-- CreateSchema
CREATE SCHEMA IF NOT EXISTS "public";

-- CreateTable
CREATE TABLE "Owner" (
    "id" INTEGER NOT NULL,

    CONSTRAINT "owner_pk" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "Pet" (
    "ownerId" INTEGER NOT NULL,
    "name" TEXT NOT NULL,

    CONSTRAINT "pet_pk" PRIMARY KEY ("ownerId","name")
);

-- AddForeignKey
ALTER TABLE "Pet" ADD CONSTRAINT "pet_owner_fk" FOREIGN KEY ("ownerId") REFERENCES "Owner"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

