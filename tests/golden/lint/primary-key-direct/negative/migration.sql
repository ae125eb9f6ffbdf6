SET lock_timeout = '5s';
SET statement_timeout = '5min';
ALTER TABLE "User" ADD CONSTRAINT "User_pkey" PRIMARY KEY USING INDEX "User_pkey_idx";
