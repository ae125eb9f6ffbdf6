-- Indexes (unique constraints vs unique indexes, sort orders; partial and expression ones are
-- reported: sqlite_partial) and foreign keys (actions, composite, REFERENCES without columns).
CREATE TABLE "Team" (
    "id" INTEGER NOT NULL PRIMARY KEY AUTOINCREMENT,
    "slug" TEXT NOT NULL UNIQUE,
    "name" TEXT NOT NULL,
    "region" TEXT NOT NULL,
    UNIQUE ("name", "region")
);
CREATE TABLE "Member" (
    "id" INTEGER NOT NULL PRIMARY KEY AUTOINCREMENT,
    "team_id" INTEGER NOT NULL,
    "team_name" TEXT,
    "team_region" TEXT,
    "email" TEXT NOT NULL,
    "deleted" BOOLEAN NOT NULL DEFAULT false,
    "created" DATETIME NOT NULL,
    CONSTRAINT "Member_team_id_fkey" FOREIGN KEY ("team_id") REFERENCES "Team" ("id") ON DELETE CASCADE ON UPDATE CASCADE,
    CONSTRAINT "Member_team_fkey" FOREIGN KEY ("team_name", "team_region") REFERENCES "Team" ("name", "region") ON DELETE SET NULL
);
CREATE TABLE "Note" (
    "id" INTEGER NOT NULL PRIMARY KEY,
    "member_id" INTEGER REFERENCES "Member",
    "body" TEXT
);
CREATE UNIQUE INDEX "Member_email_key" ON "Member"("email");
CREATE INDEX "Member_created_idx" ON "Member"("created" DESC, "email");
CREATE INDEX "Member_lower_email_idx" ON "Member"(lower("email"));
