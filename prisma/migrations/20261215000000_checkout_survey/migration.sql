-- CreateTable
CREATE TABLE "CheckoutSurveySettings" (
    "shop" TEXT NOT NULL PRIMARY KEY,
    "enabled" BOOLEAN NOT NULL DEFAULT true,
    "askCsat" BOOLEAN NOT NULL DEFAULT true,
    "optionsJson" TEXT NOT NULL,
    "updatedAt" DATETIME NOT NULL
);

-- CreateTable
CREATE TABLE "CheckoutSurveyAnswer" (
    "shop" TEXT NOT NULL,
    "orderId" TEXT NOT NULL,
    "option" TEXT NOT NULL,
    "otherText" TEXT,
    "csat" INTEGER,
    "customerId" TEXT,
    "answeredAt" DATETIME NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "answeredWeek" TEXT NOT NULL,
    "metafieldWrittenAt" DATETIME,
    "metafieldError" TEXT,

    PRIMARY KEY ("shop", "orderId")
);

-- CreateIndex
CREATE INDEX "CheckoutSurveyAnswer_shop_answeredAt_idx" ON "CheckoutSurveyAnswer"("shop", "answeredAt");
