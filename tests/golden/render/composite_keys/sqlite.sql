-- CreateTable
CREATE TABLE "Tenant" (
    "region" TEXT NOT NULL,
    "slug" TEXT NOT NULL,
    "name" TEXT NOT NULL,
    "code" INTEGER NOT NULL,

    PRIMARY KEY ("region", "slug")
);

-- CreateTable
CREATE TABLE "Member" (
    "tenantRegion" TEXT NOT NULL,
    "tenantSlug" TEXT NOT NULL,
    "email" TEXT NOT NULL,

    PRIMARY KEY ("tenantSlug", "email"),
    CONSTRAINT "Member_tenantRegion_tenantSlug_fkey" FOREIGN KEY ("tenantRegion", "tenantSlug") REFERENCES "Tenant" ("region", "slug") ON DELETE RESTRICT ON UPDATE CASCADE
);

-- CreateIndex
CREATE UNIQUE INDEX "Tenant_name_code_key" ON "Tenant"("name", "code");

-- CreateIndex
CREATE UNIQUE INDEX "Tenant_code_region_key" ON "Tenant"("code", "region");

-- CreateIndex
CREATE UNIQUE INDEX "tenant_slug_code_uq" ON "Tenant"("slug", "code");

