SET lock_timeout = '5s';
SET statement_timeout = '5min';
ALTER TABLE "Booking" ADD CONSTRAINT "Booking_no_overlap" EXCLUDE USING gist ("room" WITH =, "during" WITH &&);
