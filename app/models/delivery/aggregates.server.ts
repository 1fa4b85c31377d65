/**
 * The delivery dashboard's aggregates in the database (rules in delivery/aggregates.ts): applied in the
 * transaction that writes the orders, read by the dashboard, deleted with the shop's orders, and rebuilt
 * from the stored orders with the same SQL as the migration that introduced them. The dashboard reads
 * the status counts in its own query (delivery/performance.server.ts).
 */
import { Prisma } from "@prisma/client";
import prisma, { databaseEngine } from "../../db.server";
import {
  SETTLED_STATUSES,
  decodeHistogram,
  encodeHistogram,
  isEmptyDelta,
  sortedEntries,
  type AggregateDelta,
  rankedHistogram,
  type DurationMetric,
  type RankedHistogram,
} from "./aggregates";

type Db = Prisma.TransactionClient;

/**
 * Applies a delta inside the caller's transaction: status counts by an atomic increment, histograms
 * read (locked on PostgreSQL), merged and written back. Rows are taken in one fixed order, counts before
 * histograms, so two writers never wait for each other in a cycle.
 */
export async function applyAggregateDelta(db: Db, shop: string, delta: AggregateDelta): Promise<void> {
  if (isEmptyDelta(delta)) return;
  const statuses = sortedEntries(delta.statuses);
  if (statuses.length > 0) {
    const rows = statuses.map((row) => Prisma.sql`(${shop}, ${row.shipmentStatus}, ${row.deliveredLate}, ${row.slot}, ${row.orders})`);
    await db.$executeRaw`
      INSERT INTO "DeliveryStatusCount" ("shop", "shipmentStatus", "deliveredLate", "slot", "orders")
      VALUES ${Prisma.join(rows)}
      ON CONFLICT ("shop", "shipmentStatus", "deliveredLate", "slot")
      DO UPDATE SET "orders" = "DeliveryStatusCount"."orders" + excluded."orders"`;
  }
  const durations = sortedEntries(delta.durations);
  if (durations.length === 0) return;
  await db.$executeRaw`
    INSERT INTO "DeliveryDurationHistogram" ("shop", "week", "countryCode", "metric", "counts")
    VALUES ${Prisma.join(durations.map((key) => Prisma.sql`(${shop}, ${key.week}, ${key.countryCode}, ${key.metric}, '[]')`))}
    ON CONFLICT ("shop", "week", "countryCode", "metric") DO NOTHING`;
  const keys = Prisma.join(durations.map((key) => Prisma.sql`(${key.week}, ${key.countryCode}, ${key.metric})`));
  const lock = databaseEngine() === "postgresql" ? Prisma.sql`FOR UPDATE` : Prisma.empty;
  const stored = await db.$queryRaw<Array<{ week: string; countryCode: string; metric: string; counts: string }>>`
    SELECT "week", "countryCode", "metric", "counts" FROM "DeliveryDurationHistogram"
    WHERE "shop" = ${shop} AND ("week", "countryCode", "metric") IN (VALUES ${keys})
    ORDER BY "week", "countryCode", "metric" ${lock}`;
  const storedBy = new Map(stored.map((row) => [`${row.week}\n${row.countryCode}\n${row.metric}`, row.counts]));
  const merged = durations.map((key) => {
    const histogram = decodeHistogram(storedBy.get(`${key.week}\n${key.countryCode}\n${key.metric}`) ?? "[]");
    for (const [minutes, orders] of key.changes) histogram.set(minutes, (histogram.get(minutes) ?? 0) + orders);
    return Prisma.sql`(${shop}, ${key.week}, ${key.countryCode}, ${key.metric}, ${encodeHistogram(histogram)})`;
  });
  // The rows exist and are ours (locked above on PostgreSQL): one statement writes them all back.
  await db.$executeRaw`
    INSERT INTO "DeliveryDurationHistogram" ("shop", "week", "countryCode", "metric", "counts")
    VALUES ${Prisma.join(merged)}
    ON CONFLICT ("shop", "week", "countryCode", "metric") DO UPDATE SET "counts" = excluded."counts"`;
}

export interface StoredHistogram {
  week: string;
  countryCode: string;
  metric: DurationMetric;
  histogram: RankedHistogram;
}

/** Duration histograms of the weeks from `fromWeek` (YYYY-MM-DD) on, every country. */
export async function getDurationHistograms(shop: string, fromWeek: string): Promise<StoredHistogram[]> {
  const rows = await prisma.$queryRaw<Array<{ week: string; countryCode: string; metric: string; counts: string }>>`
    SELECT "week", "countryCode", "metric", "counts" FROM "DeliveryDurationHistogram" WHERE "shop" = ${shop} AND "week" >= ${fromWeek}`;
  return rows.map((row) => ({
    week: row.week,
    countryCode: row.countryCode,
    metric: row.metric as DurationMetric,
    histogram: rankedHistogram(row.counts),
  }));
}

export async function deleteDeliveryAggregates(db: Db, shop: string): Promise<void> {
  await db.deliveryStatusCount.deleteMany({ where: { shop } });
  await db.deliveryDurationHistogram.deleteMany({ where: { shop } });
}

const SETTLED = Prisma.join(SETTLED_STATUSES.map((status) => Prisma.sql`${status}`));

/**
 * Recomputes a shop's aggregates from its stored orders, as migration 20261226000000_delivery_aggregates
 * does for every shop. For orders written in bulk without the write path (the bench's seeding).
 */
export async function rebuildDeliveryAggregates(db: Db, shop: string): Promise<void> {
  await deleteDeliveryAggregates(db, shop);
  await db.$executeRaw`
    INSERT INTO "DeliveryStatusCount" ("shop", "shipmentStatus", "deliveredLate", "slot", "orders")
    SELECT "shop", "shipmentStatus", "deliveredLate", 0, COUNT(*) FROM "Order"
    WHERE "shop" = ${shop} AND "shipmentStatus" IN (${SETTLED})
    GROUP BY "shop", "shipmentStatus", "deliveredLate"`;
  const counts =
    databaseEngine() === "postgresql"
      ? Prisma.sql`'[' || string_agg("minutes"::text || ',' || "orders"::text, ',' ORDER BY "minutes") || ']'`
      : Prisma.sql`'[' || group_concat("minutes" || ',' || "orders", ',') || ']'`;
  await db.$executeRaw`
    INSERT INTO "DeliveryDurationHistogram" ("shop", "week", "countryCode", "metric", "counts")
    SELECT "shop", "week", "countryCode", "metric", ${counts}
    FROM (
      SELECT "shop", "createdWeek" AS "week", COALESCE("countryCode", '') AS "countryCode", 'fulfil' AS "metric", "fulfilmentMinutes" AS "minutes", COUNT(*) AS "orders"
      FROM "Order" WHERE "shop" = ${shop} AND "fulfilmentMinutes" IS NOT NULL GROUP BY 1, 2, 3, 5
      UNION ALL
      SELECT "shop", "createdWeek", COALESCE("countryCode", ''), 'deliver', "deliveryMinutes", COUNT(*)
      FROM "Order" WHERE "shop" = ${shop} AND "deliveryMinutes" IS NOT NULL GROUP BY 1, 2, 3, 5
    ) AS "durations"
    GROUP BY "shop", "week", "countryCode", "metric"`;
}
