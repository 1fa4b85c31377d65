-- AlterTable
ALTER TABLE "ReviewSettings" ADD COLUMN     "lowRatingThreshold" INTEGER NOT NULL DEFAULT 2;

-- CreateTable
CREATE TABLE "FlowEvent" (
    "id" TEXT NOT NULL,
    "shop" TEXT NOT NULL,
    "dedupeKey" TEXT NOT NULL,
    "handle" TEXT NOT NULL,
    "payloadJson" TEXT NOT NULL,
    "orderId" TEXT,
    "status" TEXT NOT NULL DEFAULT 'pending',
    "attempts" INTEGER NOT NULL DEFAULT 0,
    "availableAt" TIMESTAMP(3) NOT NULL,
    "claimToken" TEXT,
    "leaseExpiresAt" TIMESTAMP(3),
    "lastError" TEXT,
    "sentAt" TIMESTAMP(3),
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "FlowEvent_pkey" PRIMARY KEY ("id")
);

-- CreateIndex
CREATE INDEX "FlowEvent_status_availableAt_idx" ON "FlowEvent"("status", "availableAt");

-- CreateIndex
CREATE UNIQUE INDEX "FlowEvent_shop_dedupeKey_key" ON "FlowEvent"("shop", "dedupeKey");
