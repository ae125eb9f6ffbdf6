-- DropIndex
DROP INDEX "Doc_data_idx";

-- CreateIndex
CREATE INDEX "Doc_data_idx" ON "Doc" USING GIN ("data");

-- RenameIndex
ALTER INDEX "Doc_title_idx" RENAME TO "doc_title";
