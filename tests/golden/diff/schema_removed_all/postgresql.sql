-- DropForeignKey
ALTER TABLE "Pet" DROP CONSTRAINT "Pet_ownerId_fkey";

-- DropTable
DROP TABLE "Owner";

-- DropTable
DROP TABLE "Pet";

-- DropEnum
DROP TYPE "Kind";
