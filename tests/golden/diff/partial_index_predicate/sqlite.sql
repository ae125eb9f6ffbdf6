-- DropIndex
DROP INDEX "Job_state_idx";

-- DropIndex
DROP INDEX "Job_queue_idx";

-- DropIndex
DROP INDEX "Job_owner_idx";

-- DropIndex
DROP INDEX "Job_id_state_idx";

-- CreateIndex
CREATE INDEX "Job_state_idx" ON "Job"("state") WHERE "state" = 'running';

-- CreateIndex
CREATE INDEX "Job_queue_idx" ON "Job"("queue") WHERE "owner" IS NULL;

-- CreateIndex
CREATE INDEX "Job_owner_idx" ON "Job"("owner");

-- CreateIndex
CREATE INDEX "Job_id_state_idx" ON "Job"("id", "state") WHERE (state='done');
