-- RenameTable
ALTER TABLE "User" RENAME TO "Member";

-- RenameColumn
ALTER TABLE "Member" RENAME COLUMN "name" TO "displayName";

-- RedefineTables
PRAGMA defer_foreign_keys=ON;
PRAGMA foreign_keys=OFF;
CREATE TABLE "new_Member" (
    "id" INTEGER NOT NULL PRIMARY KEY AUTOINCREMENT,
    "displayName" TEXT NOT NULL
);
INSERT INTO "new_Member" ("displayName", "id") SELECT "displayName", "id" FROM "Member";
DROP TABLE "Member";
ALTER TABLE "new_Member" RENAME TO "Member";
PRAGMA foreign_keys=ON;
PRAGMA defer_foreign_keys=OFF;

