-- AlterTable
ALTER TABLE "Order" ADD COLUMN "attentionHandledAt" TIMESTAMP(3);
