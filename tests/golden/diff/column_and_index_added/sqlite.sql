-- AlterTable
ALTER TABLE "Item" ADD COLUMN "code" TEXT;
ALTER TABLE "Item" ADD COLUMN "group" INTEGER;

-- CreateIndex
CREATE UNIQUE INDEX "Item_code_key" ON "Item"("code");

-- CreateIndex
CREATE INDEX "Item_group_name_idx" ON "Item"("group", "name");
