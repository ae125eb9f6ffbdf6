-- Views next to tables (Prisma's views preview feature): types, comments, names that are not
-- identifiers or are reserved, a view the previous schema has under another name, one it
-- ignores and one that is gone from the database.
CREATE TYPE "Role" AS ENUM ('A', 'B');
CREATE TABLE "User" (
  id serial PRIMARY KEY,
  name text NOT NULL,
  email varchar(100),
  score numeric(10, 2),
  created timestamp(3) DEFAULT now(),
  role "Role" NOT NULL DEFAULT 'A',
  tags text[]
);
CREATE TABLE "Post" (id int PRIMARY KEY, "authorId" int NOT NULL REFERENCES "User"(id), title text);
CREATE VIEW "UserView" AS SELECT id, name, email, role, score, created FROM "User";
CREATE VIEW "user-names" AS SELECT name, upper(name) AS "Upper Name" FROM "User" WHERE id > 1;
CREATE VIEW "zeta" AS
  SELECT 1 AS one, now() AS t, ARRAY[1, 2] AS arr, '{}'::jsonb AS j, NULL::point AS p,
         'x'::varchar(3) AS v, 2.5::float8 AS f, true AS b, NULL::bytea AS bin;
CREATE VIEW "PrismaClient" AS SELECT id FROM "User";
CREATE VIEW "PostStats" AS
  SELECT u.id AS "userId", count(p.id) AS posts, max(p.title) AS last_title
  FROM "User" u LEFT JOIN "Post" p ON p."authorId" = u.id GROUP BY u.id;
CREATE VIEW "alpha" AS SELECT tags FROM "User";
COMMENT ON VIEW "UserView" IS 'the users';
COMMENT ON COLUMN "PostStats".posts IS 'how many';
