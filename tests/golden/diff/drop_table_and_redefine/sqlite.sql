-- DropIndex
DROP INDEX "Gone_email_key";

-- DropIndex
DROP INDEX "Gone_name_idx";

-- DropTable
PRAGMA foreign_keys=off;
DROP TABLE "Gone";
PRAGMA foreign_keys=on;

-- RedefineTables
PRAGMA defer_foreign_keys=ON;
PRAGMA foreign_keys=OFF;
CREATE TABLE "new_Keep" (
    "id" INTEGER NOT NULL PRIMARY KEY AUTOINCREMENT,
    "name" TEXT NOT NULL
);
INSERT INTO "new_Keep" ("id", "name") SELECT "id", "name" FROM "Keep";
DROP TABLE "Keep";
ALTER TABLE "new_Keep" RENAME TO "Keep";
PRAGMA foreign_keys=ON;
PRAGMA defer_foreign_keys=OFF;
