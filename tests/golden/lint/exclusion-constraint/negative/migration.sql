SET lock_timeout = '5s';
SET statement_timeout = '5min';
CREATE TABLE "Booking" ("room" INTEGER, "during" TSRANGE, CONSTRAINT "Booking_no_overlap" EXCLUDE USING gist ("room" WITH =, "during" WITH &&));
