SET lock_timeout = '5s';
SET statement_timeout = '5min';
-- godwit:ignore drop-column the column has been unused since v2 and is empty
ALTER TABLE "User" DROP COLUMN "legacyId";
