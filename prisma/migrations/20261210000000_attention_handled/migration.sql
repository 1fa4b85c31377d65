-- AlterTable
ALTER TABLE "Order" ADD COLUMN "attentionHandledAt" DATETIME;
