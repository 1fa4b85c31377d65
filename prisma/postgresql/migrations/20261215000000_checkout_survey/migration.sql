-- CreateTable
CREATE TABLE "CheckoutSurveySettings" (
    "shop" TEXT NOT NULL,
    "enabled" BOOLEAN NOT NULL DEFAULT true,
    "askCsat" BOOLEAN NOT NULL DEFAULT true,
    "optionsJson" TEXT NOT NULL,
    "updatedAt" TIMESTAMP(3) NOT NULL,

    CONSTRAINT "CheckoutSurveySettings_pkey" PRIMARY KEY ("shop")
);

-- CreateTable
CREATE TABLE "CheckoutSurveyAnswer" (
    "shop" TEXT NOT NULL,
    "orderId" TEXT NOT NULL,
    "option" TEXT NOT NULL,
    "otherText" TEXT,
    "csat" INTEGER,
    "customerId" TEXT,
    "answeredAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "answeredWeek" TEXT NOT NULL,
    "metafieldWrittenAt" TIMESTAMP(3),
    "metafieldError" TEXT,

    CONSTRAINT "CheckoutSurveyAnswer_pkey" PRIMARY KEY ("shop","orderId")
);

-- CreateIndex
CREATE INDEX "CheckoutSurveyAnswer_shop_answeredAt_idx" ON "CheckoutSurveyAnswer"("shop", "answeredAt");
