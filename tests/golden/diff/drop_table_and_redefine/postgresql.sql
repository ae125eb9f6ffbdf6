-- AlterTable
ALTER TABLE "Keep" ALTER COLUMN "name" SET NOT NULL;

-- DropTable
DROP TABLE "Gone";
