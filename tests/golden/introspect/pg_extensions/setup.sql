-- Extensions, read with the postgresqlExtensions preview feature (plpgsql too, as Prisma does),
-- and a trigram index using an extension's operator class.
CREATE EXTENSION pg_trgm;
CREATE EXTENSION pgcrypto WITH SCHEMA public;
CREATE TABLE "Doc" (
    "id" UUID NOT NULL DEFAULT gen_random_uuid(),
    "title" TEXT NOT NULL,
    CONSTRAINT "Doc_pkey" PRIMARY KEY ("id")
);
CREATE INDEX "Doc_title_idx" ON "Doc" USING GIN ("title" gin_trgm_ops);
