-- CreateSchema
CREATE SCHEMA IF NOT EXISTS "public";

-- CreateTable
CREATE TABLE "Tenant" (
    "region" TEXT NOT NULL,
    "slug" TEXT NOT NULL,
    "name" TEXT NOT NULL,
    "code" INTEGER NOT NULL,

    CONSTRAINT "Tenant_pkey" PRIMARY KEY ("region","slug")
);

-- CreateTable
CREATE TABLE "Member" (
    "tenantRegion" TEXT NOT NULL,
    "tenantSlug" TEXT NOT NULL,
    "email" TEXT NOT NULL,

    CONSTRAINT "Member_pkey" PRIMARY KEY ("tenantSlug","email")
);

-- CreateIndex
CREATE UNIQUE INDEX "Tenant_name_code_key" ON "Tenant"("name", "code");

-- CreateIndex
CREATE UNIQUE INDEX "Tenant_code_region_key" ON "Tenant"("code", "region");

-- CreateIndex
CREATE UNIQUE INDEX "tenant_slug_code_uq" ON "Tenant"("slug", "code");

-- AddForeignKey
ALTER TABLE "Member" ADD CONSTRAINT "Member_tenantRegion_tenantSlug_fkey" FOREIGN KEY ("tenantRegion", "tenantSlug") REFERENCES "Tenant"("region", "slug") ON DELETE RESTRICT ON UPDATE CASCADE;

