-- CreateTable
CREATE TABLE "Session" (
    "id" TEXT NOT NULL PRIMARY KEY,
    "shop" TEXT NOT NULL,
    "state" TEXT NOT NULL,
    "isOnline" BOOLEAN NOT NULL DEFAULT false,
    "scope" TEXT,
    "expires" DATETIME,
    "accessToken" TEXT NOT NULL,
    "userId" BIGINT,
    "firstName" TEXT,
    "lastName" TEXT,
    "email" TEXT,
    "accountOwner" BOOLEAN NOT NULL DEFAULT false,
    "locale" TEXT,
    "collaborator" BOOLEAN DEFAULT false,
    "emailVerified" BOOLEAN DEFAULT false,
    "refreshToken" TEXT,
    "refreshTokenExpires" DATETIME
);

-- CreateTable
CREATE TABLE "Shop" (
    "domain" TEXT NOT NULL PRIMARY KEY,
    "installedAt" DATETIME NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "uninstalledAt" DATETIME,
    "scopes" TEXT NOT NULL DEFAULT '',
    "updatedAt" DATETIME NOT NULL
);

-- CreateTable
CREATE TABLE "ProcessedWebhook" (
    "webhookId" TEXT NOT NULL PRIMARY KEY,
    "shop" TEXT NOT NULL,
    "topic" TEXT NOT NULL,
    "receivedAt" DATETIME NOT NULL DEFAULT CURRENT_TIMESTAMP
);

-- CreateTable
CREATE TABLE "DataRequest" (
    "id" INTEGER NOT NULL PRIMARY KEY AUTOINCREMENT,
    "shop" TEXT NOT NULL,
    "customerId" TEXT,
    "email" TEXT,
    "ordersJson" TEXT NOT NULL DEFAULT '[]',
    "requestedAt" DATETIME NOT NULL DEFAULT CURRENT_TIMESTAMP
);

-- CreateTable
CREATE TABLE "Order" (
    "shop" TEXT NOT NULL,
    "id" TEXT NOT NULL,
    "name" TEXT NOT NULL,
    "customerId" TEXT,
    "countryCode" TEXT,
    "provinceCode" TEXT,
    "fulfillmentStatus" TEXT NOT NULL,
    "createdAt" DATETIME NOT NULL,
    "cancelledAt" DATETIME,
    "shopifyUpdatedAt" DATETIME NOT NULL,
    "shipmentStatus" TEXT NOT NULL,
    "firstFulfilledAt" DATETIME,
    "inTransitAt" DATETIME,
    "deliveredAt" DATETIME,
    "openEstimateAt" DATETIME,
    "undatedParcelSince" DATETIME,
    "deliveredLate" BOOLEAN NOT NULL DEFAULT false,
    "fulfilmentMinutes" INTEGER,
    "deliveryMinutes" INTEGER,
    "createdWeek" TEXT NOT NULL,
    "syncedAt" DATETIME NOT NULL,

    PRIMARY KEY ("shop", "id")
);

-- CreateTable
CREATE TABLE "OrderFulfillment" (
    "shop" TEXT NOT NULL,
    "id" TEXT NOT NULL,
    "orderId" TEXT NOT NULL,
    "status" TEXT NOT NULL,
    "displayStatus" TEXT,
    "createdAt" DATETIME NOT NULL,
    "shopifyUpdatedAt" DATETIME NOT NULL,
    "inTransitAt" DATETIME,
    "deliveredAt" DATETIME,
    "estimatedDeliveryAt" DATETIME,
    "trackingCompany" TEXT,
    "trackingNumber" TEXT,
    "trackingUrl" TEXT,

    PRIMARY KEY ("shop", "id")
);

-- CreateTable
CREATE TABLE "OrderLineItem" (
    "shop" TEXT NOT NULL,
    "id" TEXT NOT NULL,
    "orderId" TEXT NOT NULL,
    "productId" TEXT,
    "title" TEXT NOT NULL,
    "sku" TEXT,
    "quantity" INTEGER NOT NULL,

    PRIMARY KEY ("shop", "id")
);

-- CreateTable
CREATE TABLE "OrderSync" (
    "shop" TEXT NOT NULL PRIMARY KEY,
    "state" TEXT NOT NULL DEFAULT 'idle',
    "method" TEXT NOT NULL DEFAULT 'pages',
    "cursor" TEXT,
    "bulkOperationId" TEXT,
    "searchQuery" TEXT,
    "ordersSynced" INTEGER NOT NULL DEFAULT 0,
    "ordersTotal" INTEGER,
    "historyLimited" BOOLEAN NOT NULL DEFAULT false,
    "requestedCost" INTEGER NOT NULL DEFAULT 0,
    "actualCost" INTEGER NOT NULL DEFAULT 0,
    "throttleWaitMs" INTEGER NOT NULL DEFAULT 0,
    "lastError" TEXT,
    "startedAt" DATETIME,
    "finishedAt" DATETIME,
    "updatedAt" DATETIME NOT NULL
);

-- CreateTable
CREATE TABLE "ShippingSettings" (
    "shop" TEXT NOT NULL PRIMARY KEY,
    "rulesJson" TEXT NOT NULL,
    "savedAt" DATETIME NOT NULL,
    "publishedAt" DATETIME,
    "publishedFromDate" TEXT,
    "publishError" TEXT,
    "publishFailedAt" DATETIME
);

-- CreateIndex
CREATE INDEX "Session_shop_idx" ON "Session"("shop");

-- CreateIndex
CREATE INDEX "ProcessedWebhook_shop_idx" ON "ProcessedWebhook"("shop");

-- CreateIndex
CREATE INDEX "DataRequest_shop_idx" ON "DataRequest"("shop");

-- CreateIndex
CREATE INDEX "Order_shop_createdWeek_idx" ON "Order"("shop", "createdWeek");

-- CreateIndex
CREATE INDEX "Order_shop_shipmentStatus_idx" ON "Order"("shop", "shipmentStatus");

-- CreateIndex
CREATE INDEX "Order_shop_openEstimateAt_idx" ON "Order"("shop", "openEstimateAt");

-- CreateIndex
CREATE INDEX "OrderFulfillment_shop_orderId_idx" ON "OrderFulfillment"("shop", "orderId");

-- CreateIndex
CREATE INDEX "OrderLineItem_shop_orderId_idx" ON "OrderLineItem"("shop", "orderId");

