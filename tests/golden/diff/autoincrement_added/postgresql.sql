-- AlterTable
CREATE SEQUENCE user_id_seq;
ALTER TABLE "User" ALTER COLUMN "id" SET DEFAULT nextval('user_id_seq');
ALTER SEQUENCE user_id_seq OWNED BY "User"."id";

-- AlterTable
CREATE SEQUENCE big_id_seq;
ALTER TABLE "Big" ALTER COLUMN "id" SET DEFAULT nextval('big_id_seq');
ALTER SEQUENCE big_id_seq OWNED BY "Big"."id";
