-- CreateSchema
CREATE SCHEMA IF NOT EXISTS "public";

-- CreateTable
CREATE TABLE "public"."Org" (
    "id" INTEGER NOT NULL,
    "region" TEXT NOT NULL,
    "parent_id" INTEGER,
    "parent_region" TEXT,

    CONSTRAINT "Org_pkey" PRIMARY KEY ("id","region")
);

-- CreateTable
CREATE TABLE "public"."User" (
    "id" SERIAL NOT NULL,
    "org_id" INTEGER,
    "org_region" TEXT,
    "manager_id" INTEGER,
    "buddy_id" INTEGER,
    "mentor_id" INTEGER,

    CONSTRAINT "User_pkey" PRIMARY KEY ("id")
);

-- AddForeignKey
ALTER TABLE "public"."Org" ADD CONSTRAINT "Org_parent_fkey" FOREIGN KEY ("parent_id", "parent_region") REFERENCES "public"."Org"("id", "region") ON DELETE SET NULL ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "public"."User" ADD CONSTRAINT "User_buddy_id_fkey" FOREIGN KEY ("buddy_id") REFERENCES "public"."User"("id") ON DELETE NO ACTION ON UPDATE NO ACTION;

-- AddForeignKey
ALTER TABLE "public"."User" ADD CONSTRAINT "User_manager_id_fkey" FOREIGN KEY ("manager_id") REFERENCES "public"."User"("id") ON DELETE SET DEFAULT ON UPDATE NO ACTION;

-- AddForeignKey
ALTER TABLE "public"."User" ADD CONSTRAINT "User_mentor_id_fkey" FOREIGN KEY ("mentor_id") REFERENCES "public"."User"("id") ON DELETE NO ACTION ON UPDATE NO ACTION;

-- AddForeignKey
ALTER TABLE "public"."User" ADD CONSTRAINT "User_org_fkey" FOREIGN KEY ("org_id", "org_region") REFERENCES "public"."Org"("id", "region") ON DELETE CASCADE ON UPDATE RESTRICT;

