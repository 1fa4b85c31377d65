-- AlterTable
ALTER TABLE "CheckoutSurveyAnswer" ADD COLUMN "metafieldAttempts" INTEGER NOT NULL DEFAULT 0;
ALTER TABLE "CheckoutSurveyAnswer" ADD COLUMN "metafieldRetryAt" DATETIME;

-- CreateIndex
CREATE INDEX "CheckoutSurveyAnswer_metafieldRetryAt_idx" ON "CheckoutSurveyAnswer"("metafieldRetryAt");
