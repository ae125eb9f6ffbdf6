SET lock_timeout = '5s';
SET statement_timeout = '5min';
CREATE TABLE "Person" ("first" TEXT, "last" TEXT, "fullName" TEXT GENERATED ALWAYS AS ("first" || ' ' || "last") STORED);
