CREATE TABLE "Country" ("code" TEXT NOT NULL);
