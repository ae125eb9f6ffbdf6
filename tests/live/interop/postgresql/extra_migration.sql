-- One more migration added on top of a corpus history.
CREATE TABLE "interop_extra" ("id" INTEGER NOT NULL PRIMARY KEY);
