-- CreateTable
CREATE TABLE "Legacy" (
    "id" INTEGER NOT NULL PRIMARY KEY AUTOINCREMENT,
    "blob" TEXT NOT NULL
);

-- CreateTable
CREATE TABLE "Modern" (
    "id" INTEGER NOT NULL PRIMARY KEY AUTOINCREMENT,
    "internal" TEXT NOT NULL,
    "visible" TEXT NOT NULL
);

