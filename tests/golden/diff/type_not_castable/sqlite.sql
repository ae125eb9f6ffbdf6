-- RedefineTables
PRAGMA defer_foreign_keys=ON;
PRAGMA foreign_keys=OFF;
CREATE TABLE "new_Item" (
    "id" INTEGER NOT NULL PRIMARY KEY AUTOINCREMENT,
    "count" DATETIME NOT NULL,
    "flag" INTEGER NOT NULL,
    "at" TEXT NOT NULL,
    "name" INTEGER NOT NULL
);
INSERT INTO "new_Item" ("at", "count", "flag", "id", "name") SELECT "at", "count", "flag", "id", "name" FROM "Item";
DROP TABLE "Item";
ALTER TABLE "new_Item" RENAME TO "Item";
CREATE UNIQUE INDEX "Item_name_key" ON "Item"("name");
PRAGMA foreign_keys=ON;
PRAGMA defer_foreign_keys=OFF;
