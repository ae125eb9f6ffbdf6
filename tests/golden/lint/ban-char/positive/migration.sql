CREATE TABLE "Country" ("code" CHAR(2) NOT NULL);
