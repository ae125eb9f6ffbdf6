SET lock_timeout = '5s';
SET statement_timeout = '5min';
ALTER TABLE "Post" DROP CONSTRAINT "Post_title_check";
