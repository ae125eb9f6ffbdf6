-- CreateTable
CREATE TABLE "Über" (
    "id" INTEGER NOT NULL PRIMARY KEY AUTOINCREMENT,
    "zähler" INTEGER NOT NULL
);

-- CreateTable
CREATE TABLE "xÖÖÖÖÖÖÖÖÖÖÖÖÖÖÖÖÖÖÖÖÖÖÖÖÖÖÖÖÖÖ" (
    "id" INTEGER NOT NULL PRIMARY KEY AUTOINCREMENT
);

-- CreateTable
CREATE TABLE "中中中中中中中中中中中中中中中中中中中中" (
    "id" INTEGER NOT NULL PRIMARY KEY AUTOINCREMENT
);

-- CreateTable
CREATE TABLE "Kind" (
    "id" INTEGER NOT NULL PRIMARY KEY AUTOINCREMENT,
    "ääääääääääääääääääääääääääääää" INTEGER NOT NULL,
    "bääääääääääääääääääääääääääääää" INTEGER NOT NULL,
    "elternId" INTEGER NOT NULL,
    CONSTRAINT "Kind_bääääääääääääääääääääääääääääää_fkey" FOREIGN KEY ("bääääääääääääääääääääääääääääää") REFERENCES "Eltern" ("id") ON DELETE RESTRICT ON UPDATE CASCADE
);

-- CreateTable
CREATE TABLE "Vier" (
    "id" INTEGER NOT NULL PRIMARY KEY AUTOINCREMENT,
    "𠀀𠀀𠀀𠀀𠀀𠀀𠀀𠀀𠀀𠀀𠀀𠀀𠀀𠀀" INTEGER NOT NULL,
    "𠀁𠀁𠀁𠀁𠀁𠀁𠀁𠀁𠀁𠀁𠀁𠀁𠀁𠀁" INTEGER NOT NULL,
    "elternId" INTEGER NOT NULL,
    CONSTRAINT "Vier_𠀁𠀁𠀁𠀁𠀁𠀁𠀁𠀁𠀁𠀁𠀁𠀁𠀁𠀁_fkey" FOREIGN KEY ("𠀁𠀁𠀁𠀁𠀁𠀁𠀁𠀁𠀁𠀁𠀁𠀁𠀁𠀁") REFERENCES "Eltern" ("id") ON DELETE RESTRICT ON UPDATE CASCADE
);

-- CreateTable
CREATE TABLE "Eltern" (
    "id" INTEGER NOT NULL PRIMARY KEY AUTOINCREMENT
);

-- CreateIndex
CREATE INDEX "Über_zähler_idx" ON "Über"("zähler");

-- CreateIndex
CREATE UNIQUE INDEX "Kind_ääääääääääääääääääääääääääääää_key" ON "Kind"("ääääääääääääääääääääääääääääää");

-- CreateIndex
CREATE INDEX "Kind_bääääääääääääääääääääääääääääää_idx" ON "Kind"("bääääääääääääääääääääääääääääää");

-- CreateIndex
CREATE UNIQUE INDEX "Vier_𠀀𠀀𠀀𠀀𠀀𠀀𠀀𠀀𠀀𠀀𠀀𠀀𠀀𠀀_key" ON "Vier"("𠀀𠀀𠀀𠀀𠀀𠀀𠀀𠀀𠀀𠀀𠀀𠀀𠀀𠀀");

-- CreateIndex
CREATE INDEX "Vier_𠀁𠀁𠀁𠀁𠀁𠀁𠀁𠀁𠀁𠀁𠀁𠀁𠀁𠀁_elternId_idx" ON "Vier"("𠀁𠀁𠀁𠀁𠀁𠀁𠀁𠀁𠀁𠀁𠀁𠀁𠀁𠀁", "elternId");

