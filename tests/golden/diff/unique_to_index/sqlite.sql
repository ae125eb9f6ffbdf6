-- DropIndex
DROP INDEX "Item_code_key";

-- DropIndex
DROP INDEX "Item_at_idx";

-- CreateIndex
CREATE INDEX "Item_code_idx" ON "Item"("code");

-- CreateIndex
CREATE INDEX "Item_at_idx" ON "Item"("at" DESC);
