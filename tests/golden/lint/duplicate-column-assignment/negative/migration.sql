SET lock_timeout = '5s';
SET statement_timeout = '5min';
UPDATE "User" SET "name" = 'a', "bio" = 'b' WHERE "id" = '1';
