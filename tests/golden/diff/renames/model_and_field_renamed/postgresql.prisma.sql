-- DropTable
DROP TABLE "User";

-- CreateTable
CREATE TABLE "Member" (
    "id" INTEGER NOT NULL,
    "displayName" TEXT NOT NULL,

    CONSTRAINT "Member_pkey" PRIMARY KEY ("id")
);

