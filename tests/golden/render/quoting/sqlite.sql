-- CreateTable
CREATE TABLE "user table" (
    "select" INTEGER NOT NULL PRIMARY KEY AUTOINCREMENT,
    "text" TEXT NOT NULL DEFAULT 'it''s "quoted" \ here',
    "json" JSONB NOT NULL DEFAULT {"k": "it's"},
    "with space" TEXT NOT NULL,
    "order" INTEGER NOT NULL
);

-- CreateIndex
CREATE INDEX "user table_with space_order_idx" ON "user table"("with space", "order");

