-- Re-pull case (PostgreSQL, relationMode = "prisma"): relation fields are copied from the
-- schema, but those to a model whose table is gone.
CREATE TABLE "User" (id serial PRIMARY KEY, name text);
CREATE TABLE "Post" (id serial PRIMARY KEY, author_id int NOT NULL, title text NOT NULL);
CREATE INDEX "Post_author_id_idx" ON "Post"(author_id);
