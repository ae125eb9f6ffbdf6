CREATE TABLE "t" ("a" TEXT, "b" TEXT, "c" TEXT, "d" TEXT);
CREATE UNIQUE INDEX "t_abcd_key" ON "t"("a", "b", "c", "d");
