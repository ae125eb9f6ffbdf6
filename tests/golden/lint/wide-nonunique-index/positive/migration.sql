CREATE TABLE "t" ("a" TEXT, "b" TEXT, "c" TEXT, "d" TEXT);
CREATE INDEX "t_abcd_idx" ON "t"("a", "b", "c", "d");
