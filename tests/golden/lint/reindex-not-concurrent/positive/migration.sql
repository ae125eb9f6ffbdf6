SET lock_timeout = '5s';
SET statement_timeout = '5min';
REINDEX INDEX "User_email_idx";
