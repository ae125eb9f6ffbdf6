-- CreateSchema
CREATE SCHEMA IF NOT EXISTS "public";

-- CreateTable
CREATE TABLE "Doc" (
    "id" INTEGER NOT NULL,
    "data" JSONB NOT NULL,
    "body" TEXT NOT NULL,
    "addr" INET NOT NULL,
    "seq" INTEGER NOT NULL,
    "at" TIMESTAMP(3) NOT NULL,
    "kind" TEXT NOT NULL,
    "tags" TEXT[],

    CONSTRAINT "Doc_pkey" PRIMARY KEY ("id")
);

-- CreateIndex
CREATE INDEX "Doc_data_idx" ON "Doc" USING GIN ("data" jsonb_path_ops);

-- CreateIndex
CREATE INDEX "doc_body_trgm" ON "Doc" USING GIN ("body" gin_trgm_ops);

-- CreateIndex
CREATE INDEX "Doc_kind_idx" ON "Doc" USING HASH ("kind");

-- CreateIndex
CREATE INDEX "Doc_addr_idx" ON "Doc" USING GIST ("addr" inet_ops);

-- CreateIndex
CREATE INDEX "Doc_seq_idx" ON "Doc" USING BRIN ("seq");

-- CreateIndex
CREATE INDEX "doc_at_brin" ON "Doc" USING BRIN ("at" timestamp_minmax_multi_ops);

-- CreateIndex
CREATE INDEX "doc_body_spgist" ON "Doc" USING SPGIST ("body");

-- CreateIndex
CREATE INDEX "Doc_tags_idx" ON "Doc" USING GIN ("tags" array_ops);

-- CreateIndex
CREATE INDEX "Doc_kind_seq_idx" ON "Doc"("kind", "seq");

