-- CreateSchema
CREATE SCHEMA IF NOT EXISTS "public";

-- CreateTable
CREATE TABLE "public"."Item" (
    "id" INTEGER NOT NULL,
    "tenant" INTEGER NOT NULL,
    "code" TEXT NOT NULL,
    "email" TEXT NOT NULL,
    "data" JSONB NOT NULL,
    "tags" TEXT[],
    "created" TIMESTAMP(3) NOT NULL,
    "score" INTEGER,
    "ip" INET,
    "deleted" BOOLEAN NOT NULL DEFAULT false,

    CONSTRAINT "Item_pkey" PRIMARY KEY ("tenant","id")
);

-- CreateIndex
CREATE INDEX "Item_code_hash_idx" ON "public"."Item" USING HASH ("code" ASC);

-- CreateIndex
CREATE UNIQUE INDEX "Item_code_key" ON "public"."Item"("code" ASC);

-- CreateIndex
CREATE INDEX "Item_code_pattern_idx" ON "public"."Item"("code" ASC);

-- CreateIndex
CREATE INDEX "Item_created_brin_idx" ON "public"."Item" USING BRIN ("created" timestamp_minmax_ops ASC);

-- CreateIndex
CREATE INDEX "Item_created_desc_idx" ON "public"."Item"("created" DESC, "score" ASC);

-- CreateIndex
CREATE INDEX "Item_data_default_ops_idx" ON "public"."Item" USING GIN ("data" jsonb_ops ASC);

-- CreateIndex
CREATE INDEX "Item_data_idx" ON "public"."Item" USING GIN ("data" jsonb_path_ops ASC);

-- CreateIndex
CREATE UNIQUE INDEX "Item_email_deferred" ON "public"."Item"("email" ASC);

-- CreateIndex
CREATE INDEX "Item_ip_idx" ON "public"."Item" USING GIST ("ip" inet_ops ASC);

-- CreateIndex
CREATE INDEX "Item_live_idx" ON "public"."Item"("code" ASC);

-- CreateIndex
CREATE INDEX "Item_score_include_idx" ON "public"."Item"("score" ASC, "code" ASC);

-- CreateIndex
CREATE INDEX "Item_score_nulls_idx" ON "public"."Item"("score" ASC);

-- CreateIndex
CREATE INDEX "Item_tags_idx" ON "public"."Item" USING GIN ("tags" array_ops ASC);

-- CreateIndex
CREATE UNIQUE INDEX "Item_tenant_code_idx" ON "public"."Item"("tenant" ASC, "code" ASC);

