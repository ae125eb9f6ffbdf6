-- RedefineTables
PRAGMA defer_foreign_keys=ON;
PRAGMA foreign_keys=OFF;
CREATE TABLE "new_Item" (
    "id" INTEGER NOT NULL PRIMARY KEY AUTOINCREMENT,
    "name" TEXT NOT NULL DEFAULT 'b',
    "count" INTEGER NOT NULL,
    "active" BOOLEAN NOT NULL DEFAULT false,
    "created" DATETIME NOT NULL,
    "token" TEXT NOT NULL,
    "other" TEXT NOT NULL
);
INSERT INTO "new_Item" ("active", "count", "created", "id", "name", "other", "token") SELECT "active", "count", "created", "id", "name", "other", "token" FROM "Item";
DROP TABLE "Item";
ALTER TABLE "new_Item" RENAME TO "Item";
PRAGMA foreign_keys=ON;
PRAGMA defer_foreign_keys=OFF;
