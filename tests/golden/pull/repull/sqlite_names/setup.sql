-- Re-pull case (SQLite): renamed models and fields, order, relation names, a new table, a
-- dropped model, @updatedAt and a Prisma-level default.
CREATE TABLE "people" (
  "id" INTEGER NOT NULL PRIMARY KEY AUTOINCREMENT,
  "email" TEXT NOT NULL,
  "display_name" TEXT,
  "updated" DATETIME NOT NULL
);
CREATE UNIQUE INDEX "people_email_key" ON "people"("email");
CREATE TABLE "notes" (
  "id" TEXT NOT NULL PRIMARY KEY,
  "owner" INTEGER NOT NULL,
  "body" TEXT NOT NULL DEFAULT '',
  CONSTRAINT "notes_owner_fkey" FOREIGN KEY ("owner") REFERENCES "people" ("id") ON DELETE CASCADE ON UPDATE CASCADE
);
CREATE TABLE "fresh" ("id" INTEGER NOT NULL PRIMARY KEY, "n" INTEGER);
