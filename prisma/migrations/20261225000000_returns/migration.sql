-- CreateTable
CREATE TABLE "ReturnRequest" (
    "id" TEXT NOT NULL PRIMARY KEY,
    "shop" TEXT NOT NULL,
    "orderId" TEXT NOT NULL,
    "orderName" TEXT,
    "customerId" TEXT,
    "shopifyReturnId" TEXT NOT NULL,
    "name" TEXT,
    "status" TEXT NOT NULL,
    "source" TEXT NOT NULL,
    "photoRef" TEXT,
    "declineReason" TEXT,
    "declineNote" TEXT,
    "labelUrl" TEXT,
    "trackingNumber" TEXT,
    "trackingUrl" TEXT,
    "carrierName" TEXT,
    "refundMethod" TEXT,
    "refundAmount" TEXT,
    "refundCurrency" TEXT,
    "requestedAt" DATETIME NOT NULL,
    "approvedAt" DATETIME,
    "declinedAt" DATETIME,
    "refundedAt" DATETIME,
    "closedAt" DATETIME,
    "canceledAt" DATETIME,
    "createdAt" DATETIME NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updatedAt" DATETIME NOT NULL
);

-- CreateTable
CREATE TABLE "ReturnRequestLine" (
    "id" TEXT NOT NULL PRIMARY KEY,
    "requestId" TEXT NOT NULL,
    "shop" TEXT NOT NULL,
    "fulfillmentLineItemId" TEXT NOT NULL,
    "lineItemId" TEXT,
    "productId" TEXT,
    "title" TEXT,
    "shopifyLineId" TEXT,
    "quantity" INTEGER NOT NULL,
    "reason" TEXT,
    "reasonName" TEXT,
    "customerNote" TEXT,
    CONSTRAINT "ReturnRequestLine_requestId_fkey" FOREIGN KEY ("requestId") REFERENCES "ReturnRequest" ("id") ON DELETE CASCADE ON UPDATE CASCADE
);

-- CreateIndex
CREATE INDEX "ReturnRequest_shop_status_requestedAt_idx" ON "ReturnRequest"("shop", "status", "requestedAt");

-- CreateIndex
CREATE INDEX "ReturnRequest_shop_orderId_idx" ON "ReturnRequest"("shop", "orderId");

-- CreateIndex
CREATE UNIQUE INDEX "ReturnRequest_shop_shopifyReturnId_key" ON "ReturnRequest"("shop", "shopifyReturnId");

-- CreateIndex
CREATE INDEX "ReturnRequestLine_shop_productId_idx" ON "ReturnRequestLine"("shop", "productId");

-- CreateIndex
CREATE UNIQUE INDEX "ReturnRequestLine_requestId_fulfillmentLineItemId_key" ON "ReturnRequestLine"("requestId", "fulfillmentLineItemId");

