-- CreateTable
CREATE TABLE "AVeryLongModelNameThatGoesOnAndOnForMoreThanSixtyThreeBytesInTotal" (
    "id" INTEGER NOT NULL PRIMARY KEY AUTOINCREMENT,
    "anExtremelyLongColumnNameUsedToForceTruncationOfIndexNames" TEXT NOT NULL,
    "targetId" INTEGER NOT NULL,
    CONSTRAINT "AVeryLongModelNameThatGoesOnAndOnForMoreThanSixtyThreeBytesInTotal_targetId_fkey" FOREIGN KEY ("targetId") REFERENCES "Target" ("id") ON DELETE RESTRICT ON UPDATE CASCADE
);

-- CreateTable
CREATE TABLE "Target" (
    "id" INTEGER NOT NULL PRIMARY KEY AUTOINCREMENT
);

-- CreateTable
CREATE TABLE "OtherModelWithAnotherRatherLongNameForTheJoinTable" (
    "id" INTEGER NOT NULL PRIMARY KEY AUTOINCREMENT
);

-- CreateTable
CREATE TABLE "tablé" (
    "id" INTEGER NOT NULL PRIMARY KEY AUTOINCREMENT,
    "ééééééééééééééééééééééééééééééééééééééééééééééééééééééééééé" TEXT NOT NULL
);

-- CreateTable
CREATE TABLE "_AVeryLongModelNameThatGoesOnAndOnForMoreThanSixtyThreeBytesInTotalToOtherModelWithAnotherRatherLongNameForTheJoinTable" (
    "A" INTEGER NOT NULL,
    "B" INTEGER NOT NULL,
    CONSTRAINT "_AVeryLongModelNameThatGoesOnAndOnForMoreThanSixtyThreeBytesInTotalToOtherModelWithAnotherRatherLongNameForTheJoinTable_A_fkey" FOREIGN KEY ("A") REFERENCES "AVeryLongModelNameThatGoesOnAndOnForMoreThanSixtyThreeBytesInTotal" ("id") ON DELETE CASCADE ON UPDATE CASCADE,
    CONSTRAINT "_AVeryLongModelNameThatGoesOnAndOnForMoreThanSixtyThreeBytesInTotalToOtherModelWithAnotherRatherLongNameForTheJoinTable_B_fkey" FOREIGN KEY ("B") REFERENCES "OtherModelWithAnotherRatherLongNameForTheJoinTable" ("id") ON DELETE CASCADE ON UPDATE CASCADE
);

-- CreateIndex
CREATE INDEX "AVeryLongModelNameThatGoesOnAndOnForMoreThanSixtyThreeBytesInTotal_anExtremelyLongColumnNameUsedToForceTruncationOfIndexNames_targetId_idx" ON "AVeryLongModelNameThatGoesOnAndOnForMoreThanSixtyThreeBytesInTotal"("anExtremelyLongColumnNameUsedToForceTruncationOfIndexNames", "targetId");

-- CreateIndex
CREATE UNIQUE INDEX "AVeryLongModelNameThatGoesOnAndOnForMoreThanSixtyThreeBytesInTotal_anExtremelyLongColumnNameUsedToForceTruncationOfIndexNames_key" ON "AVeryLongModelNameThatGoesOnAndOnForMoreThanSixtyThreeBytesInTotal"("anExtremelyLongColumnNameUsedToForceTruncationOfIndexNames");

-- CreateIndex
CREATE INDEX "tablé_ééééééééééééééééééééééééééééééééééééééééééééééééééééééééééé_idx" ON "tablé"("ééééééééééééééééééééééééééééééééééééééééééééééééééééééééééé");

-- CreateIndex
CREATE UNIQUE INDEX "_AVeryLongModelNameThatGoesOnAndOnForMoreThanSixtyThreeBytesInTotalToOtherModelWithAnotherRatherLongNameForTheJoinTable_AB_unique" ON "_AVeryLongModelNameThatGoesOnAndOnForMoreThanSixtyThreeBytesInTotalToOtherModelWithAnotherRatherLongNameForTheJoinTable"("A", "B");

-- CreateIndex
CREATE INDEX "_AVeryLongModelNameThatGoesOnAndOnForMoreThanSixtyThreeBytesInTotalToOtherModelWithAnotherRatherLongNameForTheJoinTable_B_index" ON "_AVeryLongModelNameThatGoesOnAndOnForMoreThanSixtyThreeBytesInTotalToOtherModelWithAnotherRatherLongNameForTheJoinTable"("B");

