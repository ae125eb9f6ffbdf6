CREATE TABLE "t" ("id" INTEGER);
CREATE INDEX "dataset_item_events_project_id_dataset_id_item_id_created_idx" ON "t"("id");
