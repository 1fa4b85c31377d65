-- DropIndex
DROP INDEX "Order_shop_shipmentStatus_idx";

-- CreateTable
CREATE TABLE "DeliveryStatusCount" (
    "shop" TEXT NOT NULL,
    "shipmentStatus" TEXT NOT NULL,
    "deliveredLate" BOOLEAN NOT NULL,
    "slot" INTEGER NOT NULL,
    "orders" INTEGER NOT NULL,

    CONSTRAINT "DeliveryStatusCount_pkey" PRIMARY KEY ("shop","shipmentStatus","deliveredLate","slot")
);

-- CreateTable
CREATE TABLE "DeliveryDurationHistogram" (
    "shop" TEXT NOT NULL,
    "week" TEXT NOT NULL,
    "countryCode" TEXT NOT NULL,
    "metric" TEXT NOT NULL,
    "counts" TEXT NOT NULL,

    CONSTRAINT "DeliveryDurationHistogram_pkey" PRIMARY KEY ("shop","week","countryCode","metric")
);

-- CreateIndex
CREATE INDEX "Order_dashboard_state_idx" ON "Order"("shop", "shipmentStatus", "attentionHandledAt", "createdAt", "openEstimateAt", "undatedParcelSince");


-- Backfill: the aggregates of the orders already stored (order writes keep them up to date from here;
-- app/models/delivery/aggregates.server.ts rebuildDeliveryAggregates runs the same SQL for one shop).
INSERT INTO "DeliveryStatusCount" ("shop", "shipmentStatus", "deliveredLate", "slot", "orders")
SELECT "shop", "shipmentStatus", "deliveredLate", 0, COUNT(*) FROM "Order"
WHERE "shipmentStatus" IN ('delivered', 'failed', 'cancelled')
GROUP BY "shop", "shipmentStatus", "deliveredLate";

INSERT INTO "DeliveryDurationHistogram" ("shop", "week", "countryCode", "metric", "counts")
SELECT "shop", "week", "countryCode", "metric", '[' || string_agg("minutes"::text || ',' || "orders"::text, ',' ORDER BY "minutes") || ']'
FROM (
    SELECT "shop", "createdWeek" AS "week", COALESCE("countryCode", '') AS "countryCode", 'fulfil' AS "metric", "fulfilmentMinutes" AS "minutes", COUNT(*) AS "orders"
    FROM "Order" WHERE "fulfilmentMinutes" IS NOT NULL GROUP BY 1, 2, 3, 5
    UNION ALL
    SELECT "shop", "createdWeek", COALESCE("countryCode", ''), 'deliver', "deliveryMinutes", COUNT(*)
    FROM "Order" WHERE "deliveryMinutes" IS NOT NULL GROUP BY 1, 2, 3, 5
) AS "durations"
GROUP BY "shop", "week", "countryCode", "metric";
