-- RedefineTables
PRAGMA defer_foreign_keys=ON;
PRAGMA foreign_keys=OFF;
CREATE TABLE "new_Item" (
    "id" INTEGER NOT NULL PRIMARY KEY AUTOINCREMENT,
    "a" REAL NOT NULL DEFAULT 1.50,
    "b" REAL NOT NULL DEFAULT 3,
    "c" DECIMAL NOT NULL DEFAULT 0.1,
    "d" BIGINT NOT NULL DEFAULT 8
);
INSERT INTO "new_Item" ("a", "b", "c", "d", "id") SELECT "a", "b", "c", "d", "id" FROM "Item";
DROP TABLE "Item";
ALTER TABLE "new_Item" RENAME TO "Item";
PRAGMA foreign_keys=ON;
PRAGMA defer_foreign_keys=OFF;
