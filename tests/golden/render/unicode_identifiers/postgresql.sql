-- CreateSchema
CREATE SCHEMA IF NOT EXISTS "public";

-- CreateTable
CREATE TABLE "Über" (
    "id" INTEGER NOT NULL,
    "zähler" INTEGER NOT NULL,

    CONSTRAINT "Über_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "xÖÖÖÖÖÖÖÖÖÖÖÖÖÖÖÖÖÖÖÖÖÖÖÖÖÖÖÖÖÖ" (
    "id" INTEGER NOT NULL,

    CONSTRAINT "xÖÖÖÖÖÖÖÖÖÖÖÖÖÖÖÖÖÖÖÖÖÖÖÖÖÖÖÖ_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "中中中中中中中中中中中中中中中中中中中中" (
    "id" INTEGER NOT NULL,

    CONSTRAINT "中中中中中中中中中中中中中中中中中中中_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "Kind" (
    "id" INTEGER NOT NULL,
    "ääääääääääääääääääääääääääääää" INTEGER NOT NULL,
    "bääääääääääääääääääääääääääääää" INTEGER NOT NULL,
    "elternId" INTEGER NOT NULL,

    CONSTRAINT "Kind_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "Vier" (
    "id" INTEGER NOT NULL,
    "𠀀𠀀𠀀𠀀𠀀𠀀𠀀𠀀𠀀𠀀𠀀𠀀𠀀𠀀" INTEGER NOT NULL,
    "𠀁𠀁𠀁𠀁𠀁𠀁𠀁𠀁𠀁𠀁𠀁𠀁𠀁𠀁" INTEGER NOT NULL,
    "elternId" INTEGER NOT NULL,

    CONSTRAINT "Vier_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "Eltern" (
    "id" INTEGER NOT NULL,

    CONSTRAINT "Eltern_pkey" PRIMARY KEY ("id")
);

-- CreateIndex
CREATE INDEX "Über_zähler_idx" ON "Über"("zähler");

-- CreateIndex
CREATE UNIQUE INDEX "Kind_äääääääääääääääääääääääääää_key" ON "Kind"("ääääääääääääääääääääääääääääää");

-- CreateIndex
CREATE INDEX "Kind_bääääääääääääääääääääääääää_idx" ON "Kind"("bääääääääääääääääääääääääääääää");

-- CreateIndex
CREATE UNIQUE INDEX "Vier_𠀀𠀀𠀀𠀀𠀀𠀀𠀀𠀀𠀀𠀀𠀀𠀀𠀀_key" ON "Vier"("𠀀𠀀𠀀𠀀𠀀𠀀𠀀𠀀𠀀𠀀𠀀𠀀𠀀𠀀");

-- CreateIndex
CREATE INDEX "Vier_𠀁𠀁𠀁𠀁𠀁𠀁𠀁𠀁𠀁𠀁𠀁𠀁𠀁_idx" ON "Vier"("𠀁𠀁𠀁𠀁𠀁𠀁𠀁𠀁𠀁𠀁𠀁𠀁𠀁𠀁", "elternId");

-- AddForeignKey
ALTER TABLE "Kind" ADD CONSTRAINT "Kind_bääääääääääääääääääääääääää_fkey" FOREIGN KEY ("bääääääääääääääääääääääääääääää") REFERENCES "Eltern"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "Vier" ADD CONSTRAINT "Vier_𠀁𠀁𠀁𠀁𠀁𠀁𠀁𠀁𠀁𠀁𠀁𠀁𠀁_fkey" FOREIGN KEY ("𠀁𠀁𠀁𠀁𠀁𠀁𠀁𠀁𠀁𠀁𠀁𠀁𠀁𠀁") REFERENCES "Eltern"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

