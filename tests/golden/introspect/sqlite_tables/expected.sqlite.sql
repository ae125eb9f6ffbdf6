-- CreateTable
CREATE TABLE "Membership" (
    "user_id" INTEGER NOT NULL,
    "group" TEXT NOT NULL,
    "since" DATETIME,

    PRIMARY KEY ("user_id", "group")
);

-- CreateTable
CREATE TABLE "Plain" (
    "key" TEXT PRIMARY KEY,
    "n" INTEGER
);

-- CreateTable
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
    "verified" BOOLEAN NOT NULL DEFAULT false,
    "created" DATETIME NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "fixed" DATETIME DEFAULT '2020-01-01 00:00:00',
    "avatar" BLOB,
    "label" TEXT DEFAULT 'x',
    "payload" JSONB,
    "odd" geometry,
    "num" DECIMAL,
    "rand" INTEGER DEFAULT abs(random())
);

