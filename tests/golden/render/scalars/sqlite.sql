-- CreateTable
CREATE TABLE "AllTypes" (
    "id" INTEGER NOT NULL PRIMARY KEY AUTOINCREMENT,
    "str" TEXT NOT NULL,
    "strOpt" TEXT,
    "bool" BOOLEAN NOT NULL,
    "boolOpt" BOOLEAN,
    "int" INTEGER NOT NULL,
    "intOpt" INTEGER,
    "big" BIGINT NOT NULL,
    "bigOpt" BIGINT,
    "float" REAL NOT NULL,
    "floatOpt" REAL,
    "dec" DECIMAL NOT NULL,
    "decOpt" DECIMAL,
    "date" DATETIME NOT NULL,
    "dateOpt" DATETIME,
    "json" JSONB NOT NULL,
    "jsonOpt" JSONB,
    "bytes" BLOB NOT NULL,
    "bytesOpt" BLOB,
    "updated" DATETIME NOT NULL,
    "geo" circle
);

