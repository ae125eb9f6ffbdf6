-- Primary keys, unique constraints vs unique indexes, sort orders, access methods, operator
-- classes; and what the model cannot hold (partial, expression, NULLS FIRST, deferrable).
CREATE TABLE "Item" (
    "id" INTEGER NOT NULL,
    "tenant" INTEGER NOT NULL,
    "code" TEXT NOT NULL,
    "email" TEXT NOT NULL,
    "data" JSONB NOT NULL,
    "tags" TEXT[] NOT NULL,
    "created" TIMESTAMP(3) NOT NULL,
    "score" INTEGER,
    "ip" INET,
    "deleted" BOOLEAN NOT NULL DEFAULT false,

    CONSTRAINT "Item_pkey" PRIMARY KEY ("tenant", "id"),
    CONSTRAINT "Item_code_key" UNIQUE ("code"),
    CONSTRAINT "Item_email_deferred" UNIQUE ("email") DEFERRABLE INITIALLY DEFERRED
);
CREATE UNIQUE INDEX "Item_tenant_code_idx" ON "Item"("tenant", "code");
CREATE INDEX "Item_created_desc_idx" ON "Item"("created" DESC, "score" ASC);
CREATE INDEX "Item_data_idx" ON "Item" USING GIN ("data" jsonb_path_ops);
CREATE INDEX "Item_data_default_ops_idx" ON "Item" USING GIN ("data");
CREATE INDEX "Item_tags_idx" ON "Item" USING GIN ("tags");
CREATE INDEX "Item_ip_idx" ON "Item" USING GIST ("ip" inet_ops);
CREATE INDEX "Item_created_brin_idx" ON "Item" USING BRIN ("created");
CREATE INDEX "Item_code_hash_idx" ON "Item" USING HASH ("code");
CREATE INDEX "Item_score_include_idx" ON "Item"("score") INCLUDE ("code");
CREATE INDEX "Item_live_idx" ON "Item"("code") WHERE NOT "deleted";
CREATE INDEX "Item_lower_email_idx" ON "Item"(lower("email"));
CREATE INDEX "Item_score_nulls_idx" ON "Item"("score" ASC NULLS FIRST);
CREATE INDEX "Item_code_pattern_idx" ON "Item"("code" text_pattern_ops);
