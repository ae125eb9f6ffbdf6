-- CreateTable
CREATE TABLE "accounts" (
    "account_id" INTEGER NOT NULL PRIMARY KEY AUTOINCREMENT,
    "email_address" TEXT NOT NULL,
    "status" TEXT NOT NULL DEFAULT 'active',
    "created_at" DATETIME NOT NULL DEFAULT CURRENT_TIMESTAMP
);

-- CreateTable
CREATE TABLE "orders" (
    "order_id" INTEGER NOT NULL PRIMARY KEY AUTOINCREMENT,
    "account_id" INTEGER NOT NULL,
    "order_total" DECIMAL NOT NULL,
    CONSTRAINT "orders_account_id_fkey" FOREIGN KEY ("account_id") REFERENCES "accounts" ("account_id") ON DELETE RESTRICT ON UPDATE CASCADE
);

-- CreateIndex
CREATE UNIQUE INDEX "account_email_uq" ON "accounts"("email_address");

-- CreateIndex
CREATE INDEX "account_created_idx" ON "accounts"("created_at" DESC);

-- CreateIndex
CREATE INDEX "orders_order_total_idx" ON "orders"("order_total");

-- CreateIndex
CREATE UNIQUE INDEX "orders_account_id_order_total_key" ON "orders"("account_id", "order_total");

