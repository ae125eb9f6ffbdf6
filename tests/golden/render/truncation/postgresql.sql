-- CreateSchema
CREATE SCHEMA IF NOT EXISTS "public";

-- CreateTable
CREATE TABLE "AVeryLongModelNameThatGoesOnAndOnForMoreThanSixtyThreeBytesInTotal" (
    "id" INTEGER NOT NULL,
    "anExtremelyLongColumnNameUsedToForceTruncationOfIndexNames" TEXT NOT NULL,
    "targetId" INTEGER NOT NULL,

    CONSTRAINT "AVeryLongModelNameThatGoesOnAndOnForMoreThanSixtyThreeByte_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "Target" (
    "id" INTEGER NOT NULL,

    CONSTRAINT "Target_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "OtherModelWithAnotherRatherLongNameForTheJoinTable" (
    "id" INTEGER NOT NULL,

    CONSTRAINT "OtherModelWithAnotherRatherLongNameForTheJoinTable_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "tablé" (
    "id" INTEGER NOT NULL,
    "ééééééééééééééééééééééééééééééééééééééééééééééééééééééééééé" TEXT NOT NULL,

    CONSTRAINT "tablé_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "_AVeryLongModelNameThatGoesOnAndOnForMoreThanSixtyThreeBytesInT" (
    "A" INTEGER NOT NULL,
    "B" INTEGER NOT NULL,

    CONSTRAINT "_AVeryLongModelNameThatGoesOnAndOnForMoreThanSixtyThree_AB_pkey" PRIMARY KEY ("A","B")
);

-- CreateIndex
CREATE INDEX "AVeryLongModelNameThatGoesOnAndOnForMoreThanSixtyThreeBytes_idx" ON "AVeryLongModelNameThatGoesOnAndOnForMoreThanSixtyThreeBytesInTotal"("anExtremelyLongColumnNameUsedToForceTruncationOfIndexNames", "targetId");

-- CreateIndex
CREATE UNIQUE INDEX "AVeryLongModelNameThatGoesOnAndOnForMoreThanSixtyThreeBytes_key" ON "AVeryLongModelNameThatGoesOnAndOnForMoreThanSixtyThreeBytesInTotal"("anExtremelyLongColumnNameUsedToForceTruncationOfIndexNames");

-- CreateIndex
CREATE INDEX "tablé_éééééééééééééééééééééééééé_idx" ON "tablé"("ééééééééééééééééééééééééééééééééééééééééééééééééééééééééééé");

-- CreateIndex
CREATE INDEX "_AVeryLongModelNameThatGoesOnAndOnForMoreThanSixtyThree_B_index" ON "_AVeryLongModelNameThatGoesOnAndOnForMoreThanSixtyThreeBytesInT"("B");

-- AddForeignKey
ALTER TABLE "AVeryLongModelNameThatGoesOnAndOnForMoreThanSixtyThreeBytesInTotal" ADD CONSTRAINT "AVeryLongModelNameThatGoesOnAndOnForMoreThanSixtyThreeByte_fkey" FOREIGN KEY ("targetId") REFERENCES "Target"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "_AVeryLongModelNameThatGoesOnAndOnForMoreThanSixtyThreeBytesInT" ADD CONSTRAINT "_AVeryLongModelNameThatGoesOnAndOnForMoreThanSixtyThreeB_A_fkey" FOREIGN KEY ("A") REFERENCES "AVeryLongModelNameThatGoesOnAndOnForMoreThanSixtyThreeBytesInTotal"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "_AVeryLongModelNameThatGoesOnAndOnForMoreThanSixtyThreeBytesInT" ADD CONSTRAINT "_AVeryLongModelNameThatGoesOnAndOnForMoreThanSixtyThreeB_B_fkey" FOREIGN KEY ("B") REFERENCES "OtherModelWithAnotherRatherLongNameForTheJoinTable"("id") ON DELETE CASCADE ON UPDATE CASCADE;

