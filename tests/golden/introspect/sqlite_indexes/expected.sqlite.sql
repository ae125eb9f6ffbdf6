-- CreateTable
CREATE TABLE "Member" (
    "id" INTEGER NOT NULL PRIMARY KEY AUTOINCREMENT,
    "team_id" INTEGER NOT NULL,
    "team_name" TEXT,
    "team_region" TEXT,
    "email" TEXT NOT NULL,
    "deleted" BOOLEAN NOT NULL DEFAULT false,
    "created" DATETIME NOT NULL,
    FOREIGN KEY ("team_name", "team_region") REFERENCES "Team" ("name", "region") ON DELETE SET NULL ON UPDATE NO ACTION,
    FOREIGN KEY ("team_id") REFERENCES "Team" ("id") ON DELETE CASCADE ON UPDATE CASCADE
);

-- CreateTable
CREATE TABLE "Note" (
    "id" INTEGER NOT NULL PRIMARY KEY AUTOINCREMENT,
    "member_id" INTEGER,
    "body" TEXT,
    FOREIGN KEY ("member_id") REFERENCES "Member" ("id") ON DELETE NO ACTION ON UPDATE NO ACTION
);

-- CreateTable
CREATE TABLE "Team" (
    "id" INTEGER NOT NULL PRIMARY KEY AUTOINCREMENT,
    "slug" TEXT NOT NULL,
    "name" TEXT NOT NULL,
    "region" TEXT NOT NULL
);

-- CreateIndex
CREATE INDEX "Member_created_idx" ON "Member"("created" DESC, "email" ASC);

-- CreateIndex
CREATE UNIQUE INDEX "Member_email_key" ON "Member"("email" ASC);

-- CreateIndex
Pragma writable_schema=1;
CREATE UNIQUE INDEX "sqlite_autoindex_Team_2" ON "Team"("name" ASC, "region" ASC);
Pragma writable_schema=0;

-- CreateIndex
Pragma writable_schema=1;
CREATE UNIQUE INDEX "sqlite_autoindex_Team_1" ON "Team"("slug" ASC);
Pragma writable_schema=0;

