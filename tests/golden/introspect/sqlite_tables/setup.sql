-- Types by name, defaults per family, the rowid alias, composite primary keys, views, and what
-- the model leaves out (generated columns, CHECK constraints).
CREATE TABLE "User" (
    "id" INTEGER NOT NULL PRIMARY KEY AUTOINCREMENT,
    "email" TEXT NOT NULL,
    "name" TEXT DEFAULT 'anon',
    "quote" TEXT DEFAULT 'it''s',
    "age" INTEGER DEFAULT 18,
    "big" BIGINT DEFAULT -5,
    "score" REAL DEFAULT 1.50,
    "price" DECIMAL DEFAULT 0.10,
    "active" BOOLEAN NOT NULL DEFAULT true,
    "verified" BOOLEAN NOT NULL DEFAULT 0,
    "created" DATETIME NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "fixed" DATETIME DEFAULT '2020-01-01 00:00:00',
    "avatar" BLOB,
    "label" VARCHAR(40) DEFAULT "x",
    "payload" JSONB,
    "odd" GEOMETRY,
    "num" NUMERIC,
    "rand" INTEGER DEFAULT (abs(random())),
    "double_age" INTEGER GENERATED ALWAYS AS ("age" * 2) VIRTUAL,
    CHECK ("age" >= 0)
);
CREATE TABLE "Membership" (
    "user_id" INTEGER NOT NULL,
    "group" TEXT NOT NULL,
    "since" DATETIME,
    PRIMARY KEY ("user_id", "group")
);
CREATE TABLE "Plain" ("key" TEXT PRIMARY KEY, "n" INT);
CREATE VIEW "Adults" AS SELECT "id", "email" FROM "User" WHERE "age" >= 18;
CREATE TABLE "_prisma_migrations" ("id" TEXT PRIMARY KEY NOT NULL);
