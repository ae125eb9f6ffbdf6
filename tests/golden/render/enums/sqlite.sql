-- CreateTable
CREATE TABLE "Shirt" (
    "id" INTEGER NOT NULL PRIMARY KEY AUTOINCREMENT,
    "size" TEXT NOT NULL,
    "alt" TEXT,
    "status" TEXT NOT NULL DEFAULT 'DRAFT',
    "fancy" TEXT NOT NULL DEFAULT 'large'
);

