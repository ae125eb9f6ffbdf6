-- Re-pull case (PostgreSQL): renamed models and fields (@@map/@map), a dropped model, new
-- tables and columns, relation field names the schema chose, implicit many-to-many relations,
-- enums renamed with @@map and values with @map.
CREATE TYPE role AS ENUM ('ADMIN', 'USER', 'guest-user');
CREATE TYPE mood AS ENUM ('happy', 'sad');
CREATE TABLE users (
  id serial PRIMARY KEY,
  email text NOT NULL,
  full_name text,
  created_at timestamp(3) NOT NULL DEFAULT now(),
  role role NOT NULL DEFAULT 'USER',
  new_col int
);
CREATE UNIQUE INDEX users_email_key ON users(email);
CREATE TABLE posts (
  id text PRIMARY KEY,
  author_id int NOT NULL REFERENCES users(id),
  editor_id int REFERENCES users(id) ON DELETE SET NULL ON UPDATE CASCADE,
  title text NOT NULL,
  body text
);
CREATE TABLE "Tag" (id int PRIMARY KEY, label text, m mood);
CREATE TABLE "Group" (id int PRIMARY KEY);
CREATE TABLE "_GroupToTag" ("A" int NOT NULL REFERENCES "Group"(id) ON DELETE CASCADE ON UPDATE CASCADE,
  "B" int NOT NULL REFERENCES "Tag"(id) ON DELETE CASCADE ON UPDATE CASCADE,
  CONSTRAINT "_GroupToTag_AB_pkey" PRIMARY KEY ("A", "B"));
CREATE INDEX "_GroupToTag_B_index" ON "_GroupToTag"("B");
CREATE TABLE "_Members" ("A" int NOT NULL REFERENCES "Group"(id) ON DELETE CASCADE ON UPDATE CASCADE,
  "B" int NOT NULL REFERENCES users(id) ON DELETE CASCADE ON UPDATE CASCADE,
  CONSTRAINT "_Members_AB_pkey" PRIMARY KEY ("A", "B"));
CREATE INDEX "_Members_B_index" ON "_Members"("B");
CREATE TABLE brand_new (id int PRIMARY KEY, owner_id int REFERENCES users(id));
CREATE TABLE "Aardvark" (id int PRIMARY KEY);
