-- CreateEnum
CREATE TYPE "State" AS ENUM ('ON', 'OFF');

-- AlterTable
ALTER TABLE "Item" DROP COLUMN "status",
ADD COLUMN     "status" "State" NOT NULL;

-- DropEnum
DROP TYPE "Status";
