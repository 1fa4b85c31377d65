-- AlterTable
ALTER TABLE "Shop" ADD COLUMN "name" TEXT;
ALTER TABLE "Shop" ADD COLUMN "primaryLocale" TEXT;
ALTER TABLE "Shop" ADD COLUMN "profileAt" TIMESTAMP(3);
