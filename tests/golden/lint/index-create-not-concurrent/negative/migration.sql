-- a table created in the same migration is empty: a plain CREATE INDEX is fine
CREATE TABLE "Post" ("id" TEXT NOT NULL, "title" TEXT NOT NULL);
CREATE INDEX "Post_title_idx" ON "Post"("title");
