-- SQLite views (Prisma's views preview feature): declared types of selected columns, expressions
-- without a type (Unsupported("")), a name that is not an identifier, a view the previous
-- schema keeps with its attributes.
CREATE TABLE "User" (id INTEGER PRIMARY KEY AUTOINCREMENT, name TEXT NOT NULL, email VARCHAR(100),
  score DECIMAL, created DATETIME DEFAULT CURRENT_TIMESTAMP);
CREATE VIEW "UserView" AS SELECT id, name, email, score, created FROM "User";
CREATE VIEW "user-names" AS SELECT name, upper(name) AS "Upper Name" FROM "User" WHERE id > 1;
create view aaa as select 1 as one, 'x' as two,
   3.5 as three;
CREATE VIEW IF NOT EXISTS "Joined" ("uid", "n") AS
  SELECT u.id, count(*) FROM "User" u JOIN "User" v ON v.id <> u.id GROUP BY u.id ORDER BY u.id;
