-- DropIndex
DROP INDEX "User_email_key";

-- DropIndex
DROP INDEX "User_name_age_idx";

-- DropIndex
DROP INDEX "User_name_email_key";
