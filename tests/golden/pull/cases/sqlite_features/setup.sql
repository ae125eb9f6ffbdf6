-- db pull case (SQLite): names that are not identifiers, relations, keys and defaults.
CREATE TABLE "User" (
  "id" INTEGER NOT NULL PRIMARY KEY AUTOINCREMENT,
  "email" TEXT NOT NULL,
  "display name" TEXT,
  "active" BOOLEAN NOT NULL DEFAULT true,
  "score" REAL DEFAULT 1.5,
  "created" DATETIME NOT NULL DEFAULT CURRENT_TIMESTAMP,
  "manager_id" INTEGER,
  CONSTRAINT "User_manager_id_fkey" FOREIGN KEY ("manager_id") REFERENCES "User" ("id") ON DELETE SET NULL ON UPDATE CASCADE
);
CREATE UNIQUE INDEX "User_email_key" ON "User"("email");
CREATE TABLE "my-posts" (
  "id" TEXT NOT NULL PRIMARY KEY,
  "author_id" INTEGER NOT NULL,
  "title" TEXT NOT NULL DEFAULT 'untitled',
  CONSTRAINT "my-posts_author_id_fkey" FOREIGN KEY ("author_id") REFERENCES "User" ("id") ON DELETE CASCADE ON UPDATE CASCADE
);
CREATE INDEX "my-posts_author_id_title_idx" ON "my-posts"("author_id", "title" DESC);
CREATE TABLE "log" ("at" DATETIME, "what" TEXT);
