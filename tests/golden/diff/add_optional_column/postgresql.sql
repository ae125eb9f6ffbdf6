-- AlterTable
ALTER TABLE "User" ADD COLUMN     "age" INTEGER,
ADD COLUMN     "bio" TEXT DEFAULT 'none',
ADD COLUMN     "nickname" TEXT,
ADD COLUMN     "seenAt" TIMESTAMP(3);
