-- Objects beside tables: views, checks, sequences, a partitioned table, and what the model
-- leaves out (materialized views, exclusion constraints, row level security);
-- _prisma_migrations is never read.
CREATE TABLE "_prisma_migrations" ("id" VARCHAR(36) PRIMARY KEY);
CREATE TABLE "Product" (
    "id" INTEGER NOT NULL PRIMARY KEY,
    "price" DECIMAL(10,2) NOT NULL CONSTRAINT "price_positive" CHECK ("price" > 0),
    "name" TEXT NOT NULL
);
CREATE VIEW "CheapProduct" AS SELECT "id", "name" FROM "Product" WHERE "price" < 10;
CREATE MATERIALIZED VIEW "ProductCount" AS SELECT count(*) AS n FROM "Product";
CREATE SEQUENCE "invoice_number" START 1000 INCREMENT 1 MINVALUE 1000 MAXVALUE 999999 CACHE 10 CYCLE;
CREATE TABLE "Event" (
    "id" BIGINT NOT NULL,
    "at" TIMESTAMP(3) NOT NULL,
    "kind" TEXT NOT NULL,
    CONSTRAINT "Event_pkey" PRIMARY KEY ("id", "at")
) PARTITION BY RANGE ("at");
CREATE TABLE "Event_2024" PARTITION OF "Event" FOR VALUES FROM ('2024-01-01') TO ('2025-01-01');
CREATE TABLE "Event_2025" PARTITION OF "Event" FOR VALUES FROM ('2025-01-01') TO ('2026-01-01');
CREATE INDEX "Event_kind_idx" ON "Event"("kind");
CREATE TABLE "Booking" (
    "room" INTEGER NOT NULL,
    "during" TSRANGE NOT NULL,
    CONSTRAINT "Booking_no_overlap" EXCLUDE USING GIST ("during" WITH &&)
);
ALTER TABLE "Product" ENABLE ROW LEVEL SECURITY;
CREATE POLICY "cheap_only" ON "Product" USING ("price" < 100);
