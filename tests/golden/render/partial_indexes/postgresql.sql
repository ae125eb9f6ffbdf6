-- CreateSchema
CREATE SCHEMA IF NOT EXISTS "public";

-- CreateTable
CREATE TABLE "Account" (
    "id" INTEGER NOT NULL,
    "email" TEXT NOT NULL,
    "status" TEXT NOT NULL,
    "score_value" DOUBLE PRECISION,
    "active" BOOLEAN NOT NULL,
    "deletedAt" TIMESTAMP(3),
    "note" TEXT,

    CONSTRAINT "Account_pkey" PRIMARY KEY ("id")
);

-- CreateIndex
CREATE UNIQUE INDEX "Account_email_key" ON "Account"("email") WHERE ("deletedAt" IS NULL);

-- CreateIndex
CREATE INDEX "Account_status_idx" ON "Account"("status") WHERE ("status" = 'it''s "active"');

-- CreateIndex
CREATE INDEX "Account_score_value_idx" ON "Account"("score_value") WHERE ("score_value" = 1.5 AND "id" = -2);

-- CreateIndex
CREATE INDEX "Account_active_idx" ON "Account"("active") WHERE ("active" = true AND "note" IS NOT NULL);

-- CreateIndex
CREATE INDEX "Account_note_idx" ON "Account"("note") WHERE ("status" != 'gone');

-- CreateIndex
CREATE INDEX "Account_deletedAt_idx" ON "Account"("deletedAt") WHERE (status = 'archived');

-- CreateIndex
CREATE INDEX "Account_id_status_idx" ON "Account"("id", "status") WHERE (score_value > 0);

-- CreateIndex
CREATE UNIQUE INDEX "Account_status_note_key" ON "Account"("status", "note") WHERE (a) AND (b);

