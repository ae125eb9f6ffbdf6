-- Re-pull case (PostgreSQL): attributes only the schema knows (@updatedAt, Prisma-level
-- defaults, @ignore, @@ignore, documentation), custom names (@@unique(name:), @@id(name:),
-- index order), check constraints and a table without a key on a kept model.
CREATE TABLE "Account" (
  id text PRIMARY KEY,
  token text NOT NULL,
  code text,
  slug varchar(21),
  updated_at timestamp(3) NOT NULL,
  secret text,
  tenant int NOT NULL,
  handle text NOT NULL,
  score int CHECK (score > 0),
  extra text
);
CREATE UNIQUE INDEX "Account_tenant_handle_key" ON "Account"(tenant, handle);
CREATE INDEX "Account_code_idx" ON "Account"(code);
CREATE INDEX "Account_slug_idx" ON "Account"(slug);
CREATE INDEX "Account_extra_idx" ON "Account"(extra);
CREATE TABLE "Membership" (
  account_id text NOT NULL REFERENCES "Account"(id) ON DELETE CASCADE,
  team int NOT NULL,
  note text,
  CONSTRAINT "Membership_pkey" PRIMARY KEY (account_id, team)
);
CREATE TABLE "Log" (at timestamp(3), what text);
CREATE TABLE "Audit" (at timestamp(3), what text, account_id text REFERENCES "Account"(id));
CREATE TABLE "Checked" (id int PRIMARY KEY, n int CONSTRAINT positive_n CHECK (n > 0));
