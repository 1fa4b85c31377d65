-- CreateTable
CREATE TABLE "Session" (
    "id" TEXT NOT NULL,
    "shop" TEXT NOT NULL,
    "state" TEXT NOT NULL,
    "isOnline" BOOLEAN NOT NULL DEFAULT false,
    "scope" TEXT,
    "expires" TIMESTAMP(3),
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
    "refreshTokenExpires" TIMESTAMP(3),

    CONSTRAINT "Session_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "Shop" (
    "domain" TEXT NOT NULL,
    "installedAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "uninstalledAt" TIMESTAMP(3),
    "scopes" TEXT NOT NULL DEFAULT '',
    "updatedAt" TIMESTAMP(3) NOT NULL,

    CONSTRAINT "Shop_pkey" PRIMARY KEY ("domain")
);

-- CreateTable
CREATE TABLE "ProcessedWebhook" (
    "webhookId" TEXT NOT NULL,
    "shop" TEXT NOT NULL,
    "topic" TEXT NOT NULL,
    "receivedAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "ProcessedWebhook_pkey" PRIMARY KEY ("webhookId")
);

-- CreateTable
CREATE TABLE "DataRequest" (
    "id" SERIAL NOT NULL,
    "shop" TEXT NOT NULL,
    "customerId" TEXT,
    "email" TEXT,
    "ordersJson" TEXT NOT NULL DEFAULT '[]',
    "requestedAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "DataRequest_pkey" PRIMARY KEY ("id")
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
    "createdAt" TIMESTAMP(3) NOT NULL,
    "cancelledAt" TIMESTAMP(3),
    "shopifyUpdatedAt" TIMESTAMP(3) NOT NULL,
    "shipmentStatus" TEXT NOT NULL,
    "firstFulfilledAt" TIMESTAMP(3),
    "inTransitAt" TIMESTAMP(3),
    "deliveredAt" TIMESTAMP(3),
    "openEstimateAt" TIMESTAMP(3),
    "undatedParcelSince" TIMESTAMP(3),
    "deliveredLate" BOOLEAN NOT NULL DEFAULT false,
    "fulfilmentMinutes" INTEGER,
    "deliveryMinutes" INTEGER,
    "createdWeek" TEXT NOT NULL,
    "syncedAt" TIMESTAMP(3) NOT NULL,

    CONSTRAINT "Order_pkey" PRIMARY KEY ("shop","id")
);

-- CreateTable
CREATE TABLE "OrderFulfillment" (
    "shop" TEXT NOT NULL,
    "id" TEXT NOT NULL,
    "orderId" TEXT NOT NULL,
    "status" TEXT NOT NULL,
    "displayStatus" TEXT,
    "createdAt" TIMESTAMP(3) NOT NULL,
    "shopifyUpdatedAt" TIMESTAMP(3) NOT NULL,
    "inTransitAt" TIMESTAMP(3),
    "deliveredAt" TIMESTAMP(3),
    "estimatedDeliveryAt" TIMESTAMP(3),
    "trackingCompany" TEXT,
    "trackingNumber" TEXT,
    "trackingUrl" TEXT,

    CONSTRAINT "OrderFulfillment_pkey" PRIMARY KEY ("shop","id")
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

    CONSTRAINT "OrderLineItem_pkey" PRIMARY KEY ("shop","id")
);

-- CreateTable
CREATE TABLE "OrderSync" (
    "shop" TEXT NOT NULL,
    "state" TEXT NOT NULL DEFAULT 'idle',
    "method" TEXT NOT NULL DEFAULT 'pages',
    "cursor" TEXT,
    "bulkOperationId" TEXT,
    "searchQuery" TEXT,
    "ordersSynced" INTEGER NOT NULL DEFAULT 0,
    "ordersTotal" INTEGER,
    "historyLimited" BOOLEAN NOT NULL DEFAULT false,
    "customerDataDenied" BOOLEAN NOT NULL DEFAULT false,
    "requestedCost" INTEGER NOT NULL DEFAULT 0,
    "actualCost" INTEGER NOT NULL DEFAULT 0,
    "throttleWaitMs" INTEGER NOT NULL DEFAULT 0,
    "lastError" TEXT,
    "startedAt" TIMESTAMP(3),
    "finishedAt" TIMESTAMP(3),
    "updatedAt" TIMESTAMP(3) NOT NULL,

    CONSTRAINT "OrderSync_pkey" PRIMARY KEY ("shop")
);

-- CreateTable
CREATE TABLE "ShippingSettings" (
    "shop" TEXT NOT NULL,
    "rulesJson" TEXT NOT NULL,
    "savedAt" TIMESTAMP(3) NOT NULL,
    "publishedAt" TIMESTAMP(3),
    "publishedFromDate" TEXT,
    "publishError" TEXT,
    "publishFailedAt" TIMESTAMP(3),

    CONSTRAINT "ShippingSettings_pkey" PRIMARY KEY ("shop")
);

-- CreateTable
CREATE TABLE "EmailSettings" (
    "shop" TEXT NOT NULL,
    "smtpUrl" TEXT,
    "fromAddress" TEXT,
    "fromName" TEXT,
    "replyTo" TEXT,
    "smtpHost" TEXT,
    "smtpPort" INTEGER,
    "smtpSecurity" TEXT,
    "smtpUsername" TEXT,
    "smtpPassword" TEXT,
    "testSentAt" TIMESTAMP(3),
    "testSentTo" TEXT,
    "updatedAt" TIMESTAMP(3) NOT NULL,

    CONSTRAINT "EmailSettings_pkey" PRIMARY KEY ("shop")
);

-- CreateTable
CREATE TABLE "EmailTemplate" (
    "shop" TEXT NOT NULL,
    "kind" TEXT NOT NULL,
    "subject" TEXT NOT NULL,
    "body" TEXT NOT NULL,
    "updatedAt" TIMESTAMP(3) NOT NULL,

    CONSTRAINT "EmailTemplate_pkey" PRIMARY KEY ("shop","kind")
);

-- CreateTable
CREATE TABLE "OutboxMessage" (
    "id" TEXT NOT NULL,
    "shop" TEXT NOT NULL,
    "dedupeKey" TEXT NOT NULL,
    "kind" TEXT NOT NULL,
    "reference" TEXT,
    "toAddress" TEXT NOT NULL,
    "subject" TEXT NOT NULL,
    "html" TEXT NOT NULL,
    "text" TEXT NOT NULL,
    "status" TEXT NOT NULL DEFAULT 'pending',
    "attempts" INTEGER NOT NULL DEFAULT 0,
    "availableAt" TIMESTAMP(3) NOT NULL,
    "claimToken" TEXT,
    "leaseExpiresAt" TIMESTAMP(3),
    "lastError" TEXT,
    "messageId" TEXT,
    "sentAt" TIMESTAMP(3),
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "OutboxMessage_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "OrderContact" (
    "shop" TEXT NOT NULL,
    "orderId" TEXT NOT NULL,
    "email" TEXT NOT NULL,
    "firstName" TEXT,
    "locale" TEXT,
    "recordedAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "OrderContact_pkey" PRIMARY KEY ("shop","orderId")
);

-- CreateTable
CREATE TABLE "DeliveryPromise" (
    "shop" TEXT NOT NULL,
    "orderId" TEXT NOT NULL,
    "zoneId" TEXT,
    "dispatchDate" TEXT,
    "earliest" TEXT NOT NULL,
    "latest" TEXT NOT NULL,
    "timeZone" TEXT NOT NULL,
    "recordedAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "DeliveryPromise_pkey" PRIMARY KEY ("shop","orderId")
);

-- CreateTable
CREATE TABLE "SurveySettings" (
    "shop" TEXT NOT NULL,
    "enabled" BOOLEAN NOT NULL DEFAULT false,
    "kind" TEXT NOT NULL DEFAULT 'csat',
    "delayDays" INTEGER NOT NULL DEFAULT 3,
    "enabledAt" TIMESTAMP(3),
    "updatedAt" TIMESTAMP(3) NOT NULL,

    CONSTRAINT "SurveySettings_pkey" PRIMARY KEY ("shop")
);

-- CreateTable
CREATE TABLE "SurveyResponse" (
    "shop" TEXT NOT NULL,
    "orderId" TEXT NOT NULL,
    "kind" TEXT NOT NULL,
    "value" INTEGER NOT NULL,
    "comment" TEXT,
    "followUp" BOOLEAN NOT NULL,
    "followUpState" TEXT NOT NULL DEFAULT 'open',
    "answeredAt" TIMESTAMP(3) NOT NULL,
    "source" TEXT NOT NULL DEFAULT 'email',

    CONSTRAINT "SurveyResponse_pkey" PRIMARY KEY ("shop","orderId")
);

-- CreateTable
CREATE TABLE "ContactOptions" (
    "shop" TEXT NOT NULL,
    "optionsJson" TEXT NOT NULL,
    "updatedAt" TIMESTAMP(3) NOT NULL,

    CONSTRAINT "ContactOptions_pkey" PRIMARY KEY ("shop")
);

-- CreateTable
CREATE TABLE "LoyaltySettings" (
    "shop" TEXT NOT NULL,
    "enabled" BOOLEAN NOT NULL DEFAULT false,
    "discountPercent" INTEGER,
    "discountDays" INTEGER NOT NULL DEFAULT 30,
    "enabledAt" TIMESTAMP(3),
    "updatedAt" TIMESTAMP(3) NOT NULL,

    CONSTRAINT "LoyaltySettings_pkey" PRIMARY KEY ("shop")
);

-- CreateTable
CREATE TABLE "ReturnSettings" (
    "shop" TEXT NOT NULL,
    "rulesJson" TEXT NOT NULL,
    "timeZone" TEXT NOT NULL,
    "finalSaleJson" TEXT NOT NULL DEFAULT '{}',
    "savedAt" TIMESTAMP(3) NOT NULL,
    "publishedAt" TIMESTAMP(3),
    "publishError" TEXT,
    "publishFailedAt" TIMESTAMP(3),

    CONSTRAINT "ReturnSettings_pkey" PRIMARY KEY ("shop")
);

-- CreateTable
CREATE TABLE "RateLimitHit" (
    "key" TEXT NOT NULL,
    "window" INTEGER NOT NULL,
    "count" INTEGER NOT NULL DEFAULT 0,
    "expiresAt" INTEGER NOT NULL,

    CONSTRAINT "RateLimitHit_pkey" PRIMARY KEY ("key","window")
);

-- CreateTable
CREATE TABLE "SetupGuideState" (
    "shop" TEXT NOT NULL,
    "dismissedAt" TIMESTAMP(3),
    "manualStepsJson" TEXT NOT NULL DEFAULT '[]',
    "updatedAt" TIMESTAMP(3) NOT NULL,

    CONSTRAINT "SetupGuideState_pkey" PRIMARY KEY ("shop")
);

-- CreateTable
CREATE TABLE "ReviewSettings" (
    "shop" TEXT NOT NULL,
    "enabled" BOOLEAN NOT NULL DEFAULT false,
    "enabledAt" TIMESTAMP(3),
    "homeCountry" TEXT,
    "domesticDeliveredDays" INTEGER NOT NULL DEFAULT 7,
    "domesticFulfilledDays" INTEGER NOT NULL DEFAULT 14,
    "internationalDeliveredDays" INTEGER NOT NULL DEFAULT 7,
    "internationalFulfilledDays" INTEGER NOT NULL DEFAULT 21,
    "reminderDays" INTEGER NOT NULL DEFAULT 7,
    "updatedAt" TIMESTAMP(3) NOT NULL,

    CONSTRAINT "ReviewSettings_pkey" PRIMARY KEY ("shop")
);

-- CreateTable
CREATE TABLE "Review" (
    "id" TEXT NOT NULL,
    "shop" TEXT NOT NULL,
    "orderId" TEXT NOT NULL,
    "lineItemId" TEXT NOT NULL,
    "productId" TEXT NOT NULL,
    "productTitle" TEXT NOT NULL,
    "rating" INTEGER NOT NULL,
    "title" TEXT NOT NULL,
    "body" TEXT NOT NULL,
    "authorName" TEXT,
    "verified" BOOLEAN NOT NULL DEFAULT false,
    "status" TEXT NOT NULL DEFAULT 'published',
    "rejectReason" TEXT,
    "source" TEXT NOT NULL,
    "reply" TEXT,
    "repliedAt" TIMESTAMP(3),
    "createdAt" TIMESTAMP(3) NOT NULL,
    "updatedAt" TIMESTAMP(3) NOT NULL,

    CONSTRAINT "Review_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "ReviewHelpRequest" (
    "id" TEXT NOT NULL,
    "shop" TEXT NOT NULL,
    "orderId" TEXT NOT NULL,
    "lineItemId" TEXT NOT NULL,
    "message" TEXT,
    "state" TEXT NOT NULL DEFAULT 'open',
    "createdAt" TIMESTAMP(3) NOT NULL,

    CONSTRAINT "ReviewHelpRequest_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "ReviewPhoto" (
    "id" TEXT NOT NULL,
    "shop" TEXT NOT NULL,
    "reviewId" TEXT NOT NULL,
    "contentType" TEXT NOT NULL,
    "byteSize" INTEGER NOT NULL,
    "bytes" BYTEA NOT NULL,
    "createdAt" TIMESTAMP(3) NOT NULL,

    CONSTRAINT "ReviewPhoto_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "ReviewRequestOpen" (
    "shop" TEXT NOT NULL,
    "orderId" TEXT NOT NULL,
    "lineItemId" TEXT NOT NULL,
    "firstOpenedAt" TIMESTAMP(3) NOT NULL,

    CONSTRAINT "ReviewRequestOpen_pkey" PRIMARY KEY ("shop","orderId","lineItemId")
);

-- CreateTable
CREATE TABLE "JobRun" (
    "name" TEXT NOT NULL,
    "lastStartedAt" TIMESTAMP(3) NOT NULL,
    "lastFinishedAt" TIMESTAMP(3),
    "lastOk" BOOLEAN,
    "lastError" TEXT,

    CONSTRAINT "JobRun_pkey" PRIMARY KEY ("name")
);

-- CreateTable
CREATE TABLE "ShopPlan" (
    "shop" TEXT NOT NULL,
    "plan" TEXT NOT NULL DEFAULT 'free',
    "subscriptionId" TEXT,
    "status" TEXT,
    "test" BOOLEAN NOT NULL DEFAULT false,
    "trialDays" INTEGER,
    "currentPeriodEnd" TIMESTAMP(3),
    "checkedAt" TIMESTAMP(3) NOT NULL,
    "heldReviewRequests" INTEGER NOT NULL DEFAULT 0,
    "heldSurveys" INTEGER NOT NULL DEFAULT 0,

    CONSTRAINT "ShopPlan_pkey" PRIMARY KEY ("shop")
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

-- CreateIndex
CREATE INDEX "OutboxMessage_status_availableAt_idx" ON "OutboxMessage"("status", "availableAt");

-- CreateIndex
CREATE INDEX "OutboxMessage_shop_kind_reference_idx" ON "OutboxMessage"("shop", "kind", "reference");

-- CreateIndex
CREATE UNIQUE INDEX "OutboxMessage_shop_dedupeKey_key" ON "OutboxMessage"("shop", "dedupeKey");

-- CreateIndex
CREATE INDEX "OrderContact_shop_email_idx" ON "OrderContact"("shop", "email");

-- CreateIndex
CREATE INDEX "SurveyResponse_shop_answeredAt_idx" ON "SurveyResponse"("shop", "answeredAt");

-- CreateIndex
CREATE INDEX "RateLimitHit_expiresAt_idx" ON "RateLimitHit"("expiresAt");

-- CreateIndex
CREATE INDEX "Review_shop_productId_status_idx" ON "Review"("shop", "productId", "status");

-- CreateIndex
CREATE INDEX "Review_shop_status_createdAt_idx" ON "Review"("shop", "status", "createdAt");

-- CreateIndex
CREATE UNIQUE INDEX "Review_shop_orderId_lineItemId_key" ON "Review"("shop", "orderId", "lineItemId");

-- CreateIndex
CREATE INDEX "ReviewHelpRequest_shop_state_createdAt_idx" ON "ReviewHelpRequest"("shop", "state", "createdAt");

-- CreateIndex
CREATE INDEX "ReviewPhoto_shop_reviewId_idx" ON "ReviewPhoto"("shop", "reviewId");

-- CreateIndex
CREATE INDEX "ReviewRequestOpen_shop_firstOpenedAt_idx" ON "ReviewRequestOpen"("shop", "firstOpenedAt");

-- AddForeignKey
ALTER TABLE "ReviewPhoto" ADD CONSTRAINT "ReviewPhoto_reviewId_fkey" FOREIGN KEY ("reviewId") REFERENCES "Review"("id") ON DELETE CASCADE ON UPDATE CASCADE;

