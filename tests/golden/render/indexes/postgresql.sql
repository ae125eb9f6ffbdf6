-- CreateSchema
CREATE SCHEMA IF NOT EXISTS "public";

-- CreateTable
CREATE TABLE "Event" (
    "id" INTEGER NOT NULL,
    "slug" TEXT NOT NULL,
    "title" TEXT NOT NULL,
    "startsAt" TIMESTAMP(3) NOT NULL,
    "endsAt" TIMESTAMP(3) NOT NULL,
    "venue" TEXT NOT NULL,
    "code" TEXT NOT NULL,

    CONSTRAINT "Event_pkey" PRIMARY KEY ("id")
);

-- CreateIndex
CREATE UNIQUE INDEX "Event_slug_key" ON "Event"("slug" DESC);

-- CreateIndex
CREATE UNIQUE INDEX "Event_code_key" ON "Event"("code");

-- CreateIndex
CREATE INDEX "Event_startsAt_endsAt_idx" ON "Event"("startsAt" DESC, "endsAt" ASC);

-- CreateIndex
CREATE INDEX "event_title_idx" ON "Event"("title");

-- CreateIndex
CREATE INDEX "legacy_venue_name" ON "Event"("venue");

-- CreateIndex
CREATE UNIQUE INDEX "Event_venue_startsAt_key" ON "Event"("venue", "startsAt");

-- CreateIndex
CREATE UNIQUE INDEX "Event_title_venue_key" ON "Event"("title", "venue");

