SET lock_timeout = '5s';
SET statement_timeout = '5min';
ALTER TABLE "User" ADD CONSTRAINT "User_age_check" CHECK ("age" >= 0);
