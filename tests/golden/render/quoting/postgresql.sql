-- CreateSchema
CREATE SCHEMA IF NOT EXISTS "public";

-- CreateTable
CREATE TABLE "user table" (
    "select" INTEGER NOT NULL,
    "text" TEXT NOT NULL DEFAULT 'it''s "quoted" \ here',
    "json" JSONB NOT NULL DEFAULT '{"k": "it''s"}',
    "with space" TEXT NOT NULL,
    "order" INTEGER NOT NULL,

    CONSTRAINT "user table_pkey" PRIMARY KEY ("select")
);

-- CreateIndex
CREATE INDEX "user table_with space_order_idx" ON "user table"("with space", "order");

