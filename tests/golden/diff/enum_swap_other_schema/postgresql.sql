-- AlterEnum
BEGIN;
CREATE TYPE "billing"."Plan_new" AS ENUM ('FREE', 'PRO');
ALTER TABLE "billing"."Account" ALTER COLUMN "plan" DROP DEFAULT;
ALTER TABLE "billing"."Account" ALTER COLUMN "plan" TYPE "billing"."Plan_new" USING ("plan"::text::"billing"."Plan_new");
ALTER TABLE "User" ALTER COLUMN "plan" TYPE "billing"."Plan_new" USING ("plan"::text::"billing"."Plan_new");
ALTER TYPE "billing"."Plan" RENAME TO "Plan_old";
ALTER TYPE "billing"."Plan_new" RENAME TO "Plan";
DROP TYPE "billing"."Plan_old";
ALTER TABLE "billing"."Account" ALTER COLUMN "plan" SET DEFAULT 'FREE';
COMMIT;
