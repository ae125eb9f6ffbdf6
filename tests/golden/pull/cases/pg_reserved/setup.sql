-- db pull case: table and enum names the Prisma client reserves, and type names.
CREATE TYPE "class" AS ENUM ('a', 'b');
CREATE TABLE "PrismaClient" ("id" SERIAL PRIMARY KEY, "kind" "class");
CREATE TABLE "default" ("id" SERIAL PRIMARY KEY, "client_id" INTEGER REFERENCES "PrismaClient"("id"));
CREATE TABLE "String" ("id" SERIAL PRIMARY KEY);
