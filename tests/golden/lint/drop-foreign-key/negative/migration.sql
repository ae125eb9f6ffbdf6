SET lock_timeout = '5s';
SET statement_timeout = '5min';
ALTER TABLE "Post" DROP CONSTRAINT "Post_title_check";
-- Prisma changes a foreign key by dropping it and adding it back under the same name
ALTER TABLE "Post" DROP CONSTRAINT "Post_authorId_fkey";
ALTER TABLE "Post" ADD CONSTRAINT "Post_authorId_fkey" FOREIGN KEY ("authorId") REFERENCES "User"("id") ON DELETE CASCADE NOT VALID;
