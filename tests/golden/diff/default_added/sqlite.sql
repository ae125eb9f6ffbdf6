-- RedefineTables
PRAGMA defer_foreign_keys=ON;
PRAGMA foreign_keys=OFF;
CREATE TABLE "new_Item" (
    "id" INTEGER NOT NULL PRIMARY KEY AUTOINCREMENT,
    "name" TEXT NOT NULL DEFAULT 'it''s',
    "count" INTEGER NOT NULL DEFAULT -3,
    "price" REAL NOT NULL DEFAULT 1.5,
    "active" BOOLEAN NOT NULL DEFAULT false,
    "created" DATETIME NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "big" BIGINT NOT NULL DEFAULT 42,
    "gen" TEXT NOT NULL DEFAULT 'x' || 'y'
);
INSERT INTO "new_Item" ("active", "big", "count", "created", "gen", "id", "name", "price") SELECT "active", "big", "count", "created", "gen", "id", "name", "price" FROM "Item";
DROP TABLE "Item";
ALTER TABLE "new_Item" RENAME TO "Item";
PRAGMA foreign_keys=ON;
PRAGMA defer_foreign_keys=OFF;
