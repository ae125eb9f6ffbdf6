-- AlterTable
ALTER TABLE "Item" DROP COLUMN "count",
ADD COLUMN     "count" TIMESTAMP(3) NOT NULL,
DROP COLUMN "flag",
ADD COLUMN     "flag" INTEGER NOT NULL,
ALTER COLUMN "at" SET DATA TYPE TEXT,
DROP COLUMN "name",
ADD COLUMN     "name" INTEGER NOT NULL;

-- CreateIndex
CREATE UNIQUE INDEX "Item_name_key" ON "Item"("name");
