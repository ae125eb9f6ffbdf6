-- Foreign keys with every action, composite and self references, deferrable ones.
CREATE TABLE "Org" (
    "id" INTEGER NOT NULL,
    "region" TEXT NOT NULL,
    "parent_id" INTEGER,
    "parent_region" TEXT,
    CONSTRAINT "Org_pkey" PRIMARY KEY ("id", "region")
);
CREATE TABLE "User" (
    "id" SERIAL NOT NULL,
    "org_id" INTEGER,
    "org_region" TEXT,
    "manager_id" INTEGER,
    "buddy_id" INTEGER,
    "mentor_id" INTEGER,
    CONSTRAINT "User_pkey" PRIMARY KEY ("id")
);
ALTER TABLE "Org" ADD CONSTRAINT "Org_parent_fkey" FOREIGN KEY ("parent_id", "parent_region") REFERENCES "Org"("id", "region") ON DELETE SET NULL ON UPDATE CASCADE;
ALTER TABLE "User" ADD CONSTRAINT "User_org_fkey" FOREIGN KEY ("org_id", "org_region") REFERENCES "Org"("id", "region") ON DELETE CASCADE ON UPDATE RESTRICT;
ALTER TABLE "User" ADD CONSTRAINT "User_manager_id_fkey" FOREIGN KEY ("manager_id") REFERENCES "User"("id") ON DELETE SET DEFAULT ON UPDATE NO ACTION;
ALTER TABLE "User" ADD CONSTRAINT "User_buddy_id_fkey" FOREIGN KEY ("buddy_id") REFERENCES "User"("id") DEFERRABLE INITIALLY DEFERRED;
ALTER TABLE "User" ADD CONSTRAINT "User_mentor_id_fkey" FOREIGN KEY ("mentor_id") REFERENCES "User"("id") DEFERRABLE INITIALLY IMMEDIATE;
