ALTER TABLE "app"."User" OWNER TO "owner";
