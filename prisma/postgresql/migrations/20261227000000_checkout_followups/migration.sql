-- AlterTable
ALTER TABLE "CheckoutSurveyAnswer" ADD COLUMN     "metafieldAttempts" INTEGER NOT NULL DEFAULT 0,
ADD COLUMN     "metafieldRetryAt" TIMESTAMP(3);

-- CreateIndex
CREATE INDEX "CheckoutSurveyAnswer_metafieldRetryAt_idx" ON "CheckoutSurveyAnswer"("metafieldRetryAt");
