CREATE TABLE "new_User" ("id" TEXT NOT NULL PRIMARY KEY, "name" TEXT NOT NULL);
INSERT INTO "new_User" ("id", "name") SELECT "id", "name" FROM "User";
DROP TABLE "User";
ALTER TABLE "new_User" RENAME TO "User";
