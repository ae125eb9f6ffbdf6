-- The fixed 0002_tag, deployed after the failed one is marked rolled back.
CREATE TABLE "Tag" ("id" INTEGER NOT NULL PRIMARY KEY, "label" TEXT NOT NULL);
