-- Tables and enums that prisma.config.ts lists as external (`tables.external`,
-- `enums.external`) are left out, as Prisma leaves them out.
CREATE TYPE "LegacyState" AS ENUM ('OLD', 'NEW');
CREATE TYPE "State" AS ENUM ('ON', 'OFF');
CREATE TABLE "Legacy" (
    "id" INTEGER NOT NULL PRIMARY KEY,
    "state" "LegacyState" NOT NULL
);
CREATE TABLE "Current" (
    "id" SERIAL NOT NULL PRIMARY KEY,
    "state" "State" NOT NULL DEFAULT 'ON',
    "legacy_id" INTEGER
);
