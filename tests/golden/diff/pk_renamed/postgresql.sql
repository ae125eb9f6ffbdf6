-- AlterTable
ALTER TABLE "Member" RENAME CONSTRAINT "Member_pkey" TO "member_pk";
