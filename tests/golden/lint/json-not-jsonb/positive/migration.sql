CREATE TABLE "Event" ("id" TEXT NOT NULL, "payload" JSON NOT NULL);
