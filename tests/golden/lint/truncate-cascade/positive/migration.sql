SET lock_timeout = '5s';
SET statement_timeout = '5min';
TRUNCATE "User" CASCADE;
