-- Backfill slugs for existing posts (hand-written data migration).
UPDATE "Post"
SET "slug" = lower(replace(trim("title"), ' ', '-')) || '-' || "id"
WHERE "slug" IS NULL;
