-- CreateSchema
CREATE SCHEMA IF NOT EXISTS "public";

-- CreateTable
CREATE TABLE "public"."board" (
    "board_id" UUID NOT NULL,
    "type" VARCHAR(50) NOT NULL,
    "name" VARCHAR(200) NOT NULL,
    "description" VARCHAR(500) NOT NULL,
    "parameters" JSONB NOT NULL,
    "user_id" UUID,
    "team_id" UUID,
    "created_at" TIMESTAMPTZ(6) DEFAULT CURRENT_TIMESTAMP,
    "updated_at" TIMESTAMPTZ(6),

    CONSTRAINT "board_pkey" PRIMARY KEY ("board_id")
);

-- CreateTable
CREATE TABLE "public"."event_data" (
    "event_data_id" UUID NOT NULL,
    "website_id" UUID NOT NULL,
    "website_event_id" UUID NOT NULL,
    "data_key" VARCHAR(500) NOT NULL,
    "string_value" VARCHAR(500),
    "number_value" DECIMAL(19,4),
    "date_value" TIMESTAMPTZ(6),
    "data_type" INTEGER NOT NULL,
    "created_at" TIMESTAMPTZ(6) DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "event_data_pkey" PRIMARY KEY ("event_data_id")
);

-- CreateTable
CREATE TABLE "public"."link" (
    "link_id" UUID NOT NULL,
    "name" VARCHAR(100) NOT NULL,
    "url" VARCHAR(500) NOT NULL,
    "slug" VARCHAR(100) NOT NULL,
    "user_id" UUID,
    "team_id" UUID,
    "created_at" TIMESTAMPTZ(6) DEFAULT CURRENT_TIMESTAMP,
    "updated_at" TIMESTAMPTZ(6),
    "deleted_at" TIMESTAMPTZ(6),

    CONSTRAINT "link_pkey" PRIMARY KEY ("link_id")
);

-- CreateTable
CREATE TABLE "public"."pixel" (
    "pixel_id" UUID NOT NULL,
    "name" VARCHAR(100) NOT NULL,
    "slug" VARCHAR(100) NOT NULL,
    "user_id" UUID,
    "team_id" UUID,
    "created_at" TIMESTAMPTZ(6) DEFAULT CURRENT_TIMESTAMP,
    "updated_at" TIMESTAMPTZ(6),
    "deleted_at" TIMESTAMPTZ(6),

    CONSTRAINT "pixel_pkey" PRIMARY KEY ("pixel_id")
);

-- CreateTable
CREATE TABLE "public"."report" (
    "report_id" UUID NOT NULL,
    "user_id" UUID NOT NULL,
    "website_id" UUID NOT NULL,
    "type" VARCHAR(50) NOT NULL,
    "name" VARCHAR(200) NOT NULL,
    "description" VARCHAR(500) NOT NULL,
    "parameters" JSONB NOT NULL,
    "created_at" TIMESTAMPTZ(6) DEFAULT CURRENT_TIMESTAMP,
    "updated_at" TIMESTAMPTZ(6),

    CONSTRAINT "report_pkey" PRIMARY KEY ("report_id")
);

-- CreateTable
CREATE TABLE "public"."revenue" (
    "revenue_id" UUID NOT NULL,
    "website_id" UUID NOT NULL,
    "session_id" UUID NOT NULL,
    "event_id" UUID NOT NULL,
    "event_name" VARCHAR(50) NOT NULL,
    "currency" VARCHAR(10) NOT NULL,
    "revenue" DECIMAL(19,4),
    "created_at" TIMESTAMPTZ(6) DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "revenue_pkey" PRIMARY KEY ("revenue_id")
);

-- CreateTable
CREATE TABLE "public"."segment" (
    "segment_id" UUID NOT NULL,
    "website_id" UUID NOT NULL,
    "type" VARCHAR(50) NOT NULL,
    "name" VARCHAR(200) NOT NULL,
    "parameters" JSONB NOT NULL,
    "created_at" TIMESTAMPTZ(6) DEFAULT CURRENT_TIMESTAMP,
    "updated_at" TIMESTAMPTZ(6),

    CONSTRAINT "segment_pkey" PRIMARY KEY ("segment_id")
);

-- CreateTable
CREATE TABLE "public"."session" (
    "session_id" UUID NOT NULL,
    "website_id" UUID NOT NULL,
    "browser" VARCHAR(20),
    "os" VARCHAR(20),
    "device" VARCHAR(20),
    "screen" VARCHAR(11),
    "language" VARCHAR(35),
    "country" CHAR(2),
    "region" VARCHAR(20),
    "city" VARCHAR(50),
    "created_at" TIMESTAMPTZ(6) DEFAULT CURRENT_TIMESTAMP,
    "distinct_id" VARCHAR(50),

    CONSTRAINT "session_pkey" PRIMARY KEY ("session_id")
);

-- CreateTable
CREATE TABLE "public"."session_data" (
    "session_data_id" UUID NOT NULL,
    "website_id" UUID NOT NULL,
    "session_id" UUID NOT NULL,
    "data_key" VARCHAR(500) NOT NULL,
    "string_value" VARCHAR(500),
    "number_value" DECIMAL(19,4),
    "date_value" TIMESTAMPTZ(6),
    "data_type" INTEGER NOT NULL,
    "created_at" TIMESTAMPTZ(6) DEFAULT CURRENT_TIMESTAMP,
    "distinct_id" VARCHAR(50),

    CONSTRAINT "session_data_pkey" PRIMARY KEY ("session_data_id")
);

-- CreateTable
CREATE TABLE "public"."session_replay" (
    "replay_id" UUID NOT NULL,
    "website_id" UUID NOT NULL,
    "session_id" UUID NOT NULL,
    "visit_id" UUID NOT NULL,
    "chunk_index" INTEGER NOT NULL,
    "events" BYTEA NOT NULL,
    "event_count" INTEGER NOT NULL,
    "started_at" TIMESTAMPTZ(6) NOT NULL,
    "ended_at" TIMESTAMPTZ(6) NOT NULL,
    "created_at" TIMESTAMPTZ(6) DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "session_replay_pkey" PRIMARY KEY ("replay_id")
);

-- CreateTable
CREATE TABLE "public"."session_replay_saved" (
    "saved_replay_id" UUID NOT NULL,
    "name" VARCHAR(100) NOT NULL,
    "website_id" UUID NOT NULL,
    "visit_id" UUID NOT NULL,
    "created_at" TIMESTAMPTZ(6) DEFAULT CURRENT_TIMESTAMP,
    "updated_at" TIMESTAMPTZ(6),

    CONSTRAINT "session_replay_saved_pkey" PRIMARY KEY ("saved_replay_id")
);

-- CreateTable
CREATE TABLE "public"."share" (
    "share_id" UUID NOT NULL,
    "entity_id" UUID NOT NULL,
    "name" VARCHAR(200) NOT NULL,
    "share_type" INTEGER NOT NULL,
    "slug" VARCHAR(100) NOT NULL,
    "parameters" JSONB NOT NULL,
    "created_at" TIMESTAMPTZ(6) DEFAULT CURRENT_TIMESTAMP,
    "updated_at" TIMESTAMPTZ(6),

    CONSTRAINT "share_pkey" PRIMARY KEY ("share_id")
);

-- CreateTable
CREATE TABLE "public"."team" (
    "team_id" UUID NOT NULL,
    "name" VARCHAR(50) NOT NULL,
    "access_code" VARCHAR(50),
    "created_at" TIMESTAMPTZ(6) DEFAULT CURRENT_TIMESTAMP,
    "updated_at" TIMESTAMPTZ(6),
    "deleted_at" TIMESTAMPTZ(6),
    "logo_url" VARCHAR(2183),

    CONSTRAINT "team_pkey" PRIMARY KEY ("team_id")
);

-- CreateTable
CREATE TABLE "public"."team_user" (
    "team_user_id" UUID NOT NULL,
    "team_id" UUID NOT NULL,
    "user_id" UUID NOT NULL,
    "role" VARCHAR(50) NOT NULL,
    "created_at" TIMESTAMPTZ(6) DEFAULT CURRENT_TIMESTAMP,
    "updated_at" TIMESTAMPTZ(6),

    CONSTRAINT "team_user_pkey" PRIMARY KEY ("team_user_id")
);

-- CreateTable
CREATE TABLE "public"."user" (
    "user_id" UUID NOT NULL,
    "username" VARCHAR(255) NOT NULL,
    "password" VARCHAR(60) NOT NULL,
    "role" VARCHAR(50) NOT NULL,
    "created_at" TIMESTAMPTZ(6) DEFAULT CURRENT_TIMESTAMP,
    "updated_at" TIMESTAMPTZ(6),
    "deleted_at" TIMESTAMPTZ(6),
    "display_name" VARCHAR(255),
    "logo_url" VARCHAR(2183),

    CONSTRAINT "user_pkey" PRIMARY KEY ("user_id")
);

-- CreateTable
CREATE TABLE "public"."website" (
    "website_id" UUID NOT NULL,
    "name" VARCHAR(100) NOT NULL,
    "domain" VARCHAR(500),
    "reset_at" TIMESTAMPTZ(6),
    "user_id" UUID,
    "created_at" TIMESTAMPTZ(6) DEFAULT CURRENT_TIMESTAMP,
    "updated_at" TIMESTAMPTZ(6),
    "deleted_at" TIMESTAMPTZ(6),
    "created_by" UUID,
    "team_id" UUID,
    "replay_enabled" BOOLEAN NOT NULL DEFAULT false,
    "replay_config" JSONB,

    CONSTRAINT "website_pkey" PRIMARY KEY ("website_id")
);

-- CreateTable
CREATE TABLE "public"."website_event" (
    "event_id" UUID NOT NULL,
    "website_id" UUID NOT NULL,
    "session_id" UUID NOT NULL,
    "created_at" TIMESTAMPTZ(6) DEFAULT CURRENT_TIMESTAMP,
    "url_path" VARCHAR(500) NOT NULL,
    "url_query" VARCHAR(500),
    "referrer_path" VARCHAR(500),
    "referrer_query" VARCHAR(500),
    "referrer_domain" VARCHAR(500),
    "page_title" VARCHAR(500),
    "event_type" INTEGER NOT NULL DEFAULT 1,
    "event_name" VARCHAR(50),
    "visit_id" UUID NOT NULL,
    "tag" VARCHAR(50),
    "fbclid" VARCHAR(255),
    "gclid" VARCHAR(255),
    "li_fat_id" VARCHAR(255),
    "msclkid" VARCHAR(255),
    "ttclid" VARCHAR(255),
    "twclid" VARCHAR(255),
    "utm_campaign" VARCHAR(255),
    "utm_content" VARCHAR(255),
    "utm_medium" VARCHAR(255),
    "utm_source" VARCHAR(255),
    "utm_term" VARCHAR(255),
    "hostname" VARCHAR(100),
    "cls" DECIMAL(10,4),
    "fcp" DECIMAL(10,1),
    "inp" DECIMAL(10,1),
    "lcp" DECIMAL(10,1),
    "ttfb" DECIMAL(10,1),

    CONSTRAINT "website_event_pkey" PRIMARY KEY ("event_id")
);

-- CreateIndex
CREATE INDEX "board_created_at_idx" ON "public"."board"("created_at" ASC);

-- CreateIndex
CREATE INDEX "board_team_id_idx" ON "public"."board"("team_id" ASC);

-- CreateIndex
CREATE INDEX "board_user_id_idx" ON "public"."board"("user_id" ASC);

-- CreateIndex
CREATE INDEX "event_data_created_at_idx" ON "public"."event_data"("created_at" ASC);

-- CreateIndex
CREATE INDEX "event_data_website_event_id_idx" ON "public"."event_data"("website_event_id" ASC);

-- CreateIndex
CREATE INDEX "event_data_website_id_created_at_data_key_idx" ON "public"."event_data"("website_id" ASC, "created_at" ASC, "data_key" ASC);

-- CreateIndex
CREATE INDEX "event_data_website_id_created_at_idx" ON "public"."event_data"("website_id" ASC, "created_at" ASC);

-- CreateIndex
CREATE INDEX "event_data_website_id_idx" ON "public"."event_data"("website_id" ASC);

-- CreateIndex
CREATE INDEX "link_created_at_idx" ON "public"."link"("created_at" ASC);

-- CreateIndex
CREATE INDEX "link_slug_idx" ON "public"."link"("slug" ASC);

-- CreateIndex
CREATE UNIQUE INDEX "link_slug_key" ON "public"."link"("slug" ASC);

-- CreateIndex
CREATE INDEX "link_team_id_idx" ON "public"."link"("team_id" ASC);

-- CreateIndex
CREATE INDEX "link_user_id_idx" ON "public"."link"("user_id" ASC);

-- CreateIndex
CREATE INDEX "pixel_created_at_idx" ON "public"."pixel"("created_at" ASC);

-- CreateIndex
CREATE INDEX "pixel_slug_idx" ON "public"."pixel"("slug" ASC);

-- CreateIndex
CREATE UNIQUE INDEX "pixel_slug_key" ON "public"."pixel"("slug" ASC);

-- CreateIndex
CREATE INDEX "pixel_team_id_idx" ON "public"."pixel"("team_id" ASC);

-- CreateIndex
CREATE INDEX "pixel_user_id_idx" ON "public"."pixel"("user_id" ASC);

-- CreateIndex
CREATE INDEX "report_name_idx" ON "public"."report"("name" ASC);

-- CreateIndex
CREATE INDEX "report_type_idx" ON "public"."report"("type" ASC);

-- CreateIndex
CREATE INDEX "report_user_id_idx" ON "public"."report"("user_id" ASC);

-- CreateIndex
CREATE INDEX "report_website_id_idx" ON "public"."report"("website_id" ASC);

-- CreateIndex
CREATE INDEX "revenue_session_id_idx" ON "public"."revenue"("session_id" ASC);

-- CreateIndex
CREATE INDEX "revenue_website_id_created_at_idx" ON "public"."revenue"("website_id" ASC, "created_at" ASC);

-- CreateIndex
CREATE INDEX "revenue_website_id_idx" ON "public"."revenue"("website_id" ASC);

-- CreateIndex
CREATE INDEX "revenue_website_id_session_id_created_at_idx" ON "public"."revenue"("website_id" ASC, "session_id" ASC, "created_at" ASC);

-- CreateIndex
CREATE INDEX "segment_website_id_idx" ON "public"."segment"("website_id" ASC);

-- CreateIndex
CREATE INDEX "session_created_at_idx" ON "public"."session"("created_at" ASC);

-- CreateIndex
CREATE INDEX "session_website_id_created_at_browser_idx" ON "public"."session"("website_id" ASC, "created_at" ASC, "browser" ASC);

-- CreateIndex
CREATE INDEX "session_website_id_created_at_city_idx" ON "public"."session"("website_id" ASC, "created_at" ASC, "city" ASC);

-- CreateIndex
CREATE INDEX "session_website_id_created_at_country_idx" ON "public"."session"("website_id" ASC, "created_at" ASC, "country" ASC);

-- CreateIndex
CREATE INDEX "session_website_id_created_at_device_idx" ON "public"."session"("website_id" ASC, "created_at" ASC, "device" ASC);

-- CreateIndex
CREATE INDEX "session_website_id_created_at_idx" ON "public"."session"("website_id" ASC, "created_at" ASC);

-- CreateIndex
CREATE INDEX "session_website_id_created_at_language_idx" ON "public"."session"("website_id" ASC, "created_at" ASC, "language" ASC);

-- CreateIndex
CREATE INDEX "session_website_id_created_at_os_idx" ON "public"."session"("website_id" ASC, "created_at" ASC, "os" ASC);

-- CreateIndex
CREATE INDEX "session_website_id_created_at_region_idx" ON "public"."session"("website_id" ASC, "created_at" ASC, "region" ASC);

-- CreateIndex
CREATE INDEX "session_website_id_created_at_screen_idx" ON "public"."session"("website_id" ASC, "created_at" ASC, "screen" ASC);

-- CreateIndex
CREATE INDEX "session_website_id_idx" ON "public"."session"("website_id" ASC);

-- CreateIndex
CREATE INDEX "session_data_created_at_idx" ON "public"."session_data"("created_at" ASC);

-- CreateIndex
CREATE INDEX "session_data_session_id_created_at_idx" ON "public"."session_data"("session_id" ASC, "created_at" ASC);

-- CreateIndex
CREATE INDEX "session_data_session_id_idx" ON "public"."session_data"("session_id" ASC);

-- CreateIndex
CREATE INDEX "session_data_website_id_created_at_data_key_idx" ON "public"."session_data"("website_id" ASC, "created_at" ASC, "data_key" ASC);

-- CreateIndex
CREATE INDEX "session_data_website_id_idx" ON "public"."session_data"("website_id" ASC);

-- CreateIndex
CREATE INDEX "session_replay_session_id_chunk_index_idx" ON "public"."session_replay"("session_id" ASC, "chunk_index" ASC);

-- CreateIndex
CREATE INDEX "session_replay_session_id_idx" ON "public"."session_replay"("session_id" ASC);

-- CreateIndex
CREATE INDEX "session_replay_website_id_created_at_idx" ON "public"."session_replay"("website_id" ASC, "created_at" ASC);

-- CreateIndex
CREATE INDEX "session_replay_website_id_idx" ON "public"."session_replay"("website_id" ASC);

-- CreateIndex
CREATE INDEX "session_replay_website_id_session_id_idx" ON "public"."session_replay"("website_id" ASC, "session_id" ASC);

-- CreateIndex
CREATE INDEX "session_replay_website_id_visit_id_idx" ON "public"."session_replay"("website_id" ASC, "visit_id" ASC);

-- CreateIndex
CREATE INDEX "session_replay_saved_visit_id_idx" ON "public"."session_replay_saved"("visit_id" ASC);

-- CreateIndex
CREATE INDEX "session_replay_saved_website_id_created_at_idx" ON "public"."session_replay_saved"("website_id" ASC, "created_at" ASC);

-- CreateIndex
CREATE INDEX "session_replay_saved_website_id_idx" ON "public"."session_replay_saved"("website_id" ASC);

-- CreateIndex
CREATE UNIQUE INDEX "session_replay_saved_website_id_visit_id_key" ON "public"."session_replay_saved"("website_id" ASC, "visit_id" ASC);

-- CreateIndex
CREATE INDEX "share_entity_id_idx" ON "public"."share"("entity_id" ASC);

-- CreateIndex
CREATE UNIQUE INDEX "share_slug_key" ON "public"."share"("slug" ASC);

-- CreateIndex
CREATE INDEX "team_access_code_idx" ON "public"."team"("access_code" ASC);

-- CreateIndex
CREATE UNIQUE INDEX "team_access_code_key" ON "public"."team"("access_code" ASC);

-- CreateIndex
CREATE INDEX "team_user_team_id_idx" ON "public"."team_user"("team_id" ASC);

-- CreateIndex
CREATE INDEX "team_user_user_id_idx" ON "public"."team_user"("user_id" ASC);

-- CreateIndex
CREATE UNIQUE INDEX "user_username_key" ON "public"."user"("username" ASC);

-- CreateIndex
CREATE INDEX "website_created_at_idx" ON "public"."website"("created_at" ASC);

-- CreateIndex
CREATE INDEX "website_created_by_idx" ON "public"."website"("created_by" ASC);

-- CreateIndex
CREATE INDEX "website_team_id_idx" ON "public"."website"("team_id" ASC);

-- CreateIndex
CREATE INDEX "website_user_id_idx" ON "public"."website"("user_id" ASC);

-- CreateIndex
CREATE INDEX "website_event_created_at_idx" ON "public"."website_event"("created_at" ASC);

-- CreateIndex
CREATE INDEX "website_event_session_id_idx" ON "public"."website_event"("session_id" ASC);

-- CreateIndex
CREATE INDEX "website_event_visit_id_idx" ON "public"."website_event"("visit_id" ASC);

-- CreateIndex
CREATE INDEX "website_event_website_id_created_at_event_name_idx" ON "public"."website_event"("website_id" ASC, "created_at" ASC, "event_name" ASC);

-- CreateIndex
CREATE INDEX "website_event_website_id_created_at_hostname_idx" ON "public"."website_event"("website_id" ASC, "created_at" ASC, "hostname" ASC);

-- CreateIndex
CREATE INDEX "website_event_website_id_created_at_idx" ON "public"."website_event"("website_id" ASC, "created_at" ASC);

-- CreateIndex
CREATE INDEX "website_event_website_id_created_at_page_title_idx" ON "public"."website_event"("website_id" ASC, "created_at" ASC, "page_title" ASC);

-- CreateIndex
CREATE INDEX "website_event_website_id_created_at_referrer_domain_idx" ON "public"."website_event"("website_id" ASC, "created_at" ASC, "referrer_domain" ASC);

-- CreateIndex
CREATE INDEX "website_event_website_id_created_at_tag_idx" ON "public"."website_event"("website_id" ASC, "created_at" ASC, "tag" ASC);

-- CreateIndex
CREATE INDEX "website_event_website_id_created_at_url_path_idx" ON "public"."website_event"("website_id" ASC, "created_at" ASC, "url_path" ASC);

-- CreateIndex
CREATE INDEX "website_event_website_id_created_at_url_query_idx" ON "public"."website_event"("website_id" ASC, "created_at" ASC, "url_query" ASC);

-- CreateIndex
CREATE INDEX "website_event_website_id_idx" ON "public"."website_event"("website_id" ASC);

-- CreateIndex
CREATE INDEX "website_event_website_id_session_id_created_at_idx" ON "public"."website_event"("website_id" ASC, "session_id" ASC, "created_at" ASC);

-- CreateIndex
CREATE INDEX "website_event_website_id_visit_id_created_at_idx" ON "public"."website_event"("website_id" ASC, "visit_id" ASC, "created_at" ASC);

