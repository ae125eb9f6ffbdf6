-- AlterTable
ALTER TABLE "Item" ALTER COLUMN "tags" SET DEFAULT ARRAY['a', 'b']::TEXT[],
ALTER COLUMN "other" SET DEFAULT '{"b": 2}';
