/**
 * The delivery dashboard computed the direct way, over every stored order (window functions for the
 * percentiles, one filtered query for the attention list): the reference the aggregate-backed dashboard
 * (app/models/delivery/performance.server.ts) must agree with.
 */
import { Prisma } from "@prisma/client";
import prisma from "../../app/db.server";
import { DELIVERY_STATES, attentionReasons, riskCutoffs, type RiskCutoffs } from "../../app/models/delivery/performance";
import {
  ATTENTION_LIST_LIMIT,
  DASHBOARD_WEEKS,
  type DeliveryDashboard,
  type Percentiles,
  type TimingRow,
} from "../../app/models/delivery/performance.server";
import { weekOf, type ShipmentStatus } from "../../app/models/orders/record";

const toNumber = (value: unknown): number | null => (value === null || value === undefined ? null : Number(value));

function deliveryStateSql(cutoffs: RiskCutoffs): Prisma.Sql {
  return Prisma.sql`CASE
    WHEN "shipmentStatus" = 'cancelled' THEN 'cancelled'
    WHEN "shipmentStatus" = 'failed' THEN 'failed'
    WHEN "openEstimateAt" < ${cutoffs.now} THEN 'late'
    WHEN "undatedParcelSince" < ${cutoffs.stuckBefore} THEN 'at_risk'
    WHEN "shipmentStatus" IN ('unfulfilled', 'partially_fulfilled') AND "createdAt" < ${cutoffs.unshippedBefore} THEN 'at_risk'
    WHEN "shipmentStatus" IN ('unfulfilled', 'partially_fulfilled') THEN 'unfulfilled'
    WHEN "shipmentStatus" = 'in_transit' THEN 'in_transit'
    WHEN "deliveredLate" THEN 'delivered_late'
    ELSE 'delivered_on_time'
  END`;
}

const DIMENSIONS = { week: Prisma.raw(`"createdWeek"`), country: Prisma.raw(`COALESCE("countryCode", '')`) };
const METRICS = { fulfil: Prisma.raw(`"fulfilmentMinutes"`), deliver: Prisma.raw(`"deliveryMinutes"`) };

async function percentilesBy(shop: string, dimension: keyof typeof DIMENSIONS, metric: keyof typeof METRICS, fromWeek: string) {
  const group = DIMENSIONS[dimension];
  const value = METRICS[metric];
  const rows = await prisma.$queryRaw<Array<{ key: string; orders: unknown; median: unknown; p90: unknown }>>`
    WITH ranked AS (
      SELECT ${group} AS "key", ${value} AS "value",
        ROW_NUMBER() OVER (PARTITION BY ${group} ORDER BY ${value}) AS "rank",
        COUNT(*) OVER (PARTITION BY ${group}) AS "size"
      FROM "Order"
      WHERE "shop" = ${shop} AND "createdWeek" >= ${fromWeek} AND ${value} IS NOT NULL
    )
    SELECT "key", MAX("size") AS "orders",
      MIN(CASE WHEN "rank" * 100 >= "size" * 50 THEN "value" END) AS "median",
      MIN(CASE WHEN "rank" * 100 >= "size" * 90 THEN "value" END) AS "p90"
    FROM ranked
    GROUP BY "key"`;
  return new Map<string, Percentiles>(
    rows.map((row) => [row.key, { orders: toNumber(row.orders) ?? 0, medianMinutes: toNumber(row.median), p90Minutes: toNumber(row.p90) }]),
  );
}

const NO_DATA: Percentiles = { orders: 0, medianMinutes: null, p90Minutes: null };

async function timingBy(shop: string, dimension: keyof typeof DIMENSIONS, fromWeek: string): Promise<TimingRow[]> {
  const [fulfil, deliver] = await Promise.all([percentilesBy(shop, dimension, "fulfil", fromWeek), percentilesBy(shop, dimension, "deliver", fromWeek)]);
  return [...new Set([...fulfil.keys(), ...deliver.keys()])].map((key) => ({ key, fulfil: fulfil.get(key) ?? NO_DATA, deliver: deliver.get(key) ?? NO_DATA }));
}

function attentionWhere(shop: string, cutoffs: RiskCutoffs, handled: boolean): Prisma.OrderWhereInput {
  return {
    shop,
    attentionHandledAt: handled ? { not: null } : null,
    shipmentStatus: { not: "cancelled" },
    OR: [
      { shipmentStatus: "failed" },
      { openEstimateAt: { lt: cutoffs.now } },
      { undatedParcelSince: { lt: cutoffs.stuckBefore } },
      { shipmentStatus: { in: ["unfulfilled", "partially_fulfilled"] }, createdAt: { lt: cutoffs.unshippedBefore } },
    ],
  };
}

async function attentionList(shop: string, now: Date, handled: boolean) {
  const where = attentionWhere(shop, riskCutoffs(now), handled);
  const orderBy: Prisma.OrderOrderByWithRelationInput[] = handled ? [{ attentionHandledAt: "desc" }, { id: "asc" }] : [{ createdAt: "asc" }, { id: "asc" }];
  const [total, rows] = await Promise.all([prisma.order.count({ where }), prisma.order.findMany({ where, orderBy, take: ATTENTION_LIST_LIMIT })]);
  const parcels = await prisma.orderFulfillment.findMany({
    where: { shop, orderId: { in: rows.map((row) => row.id) }, deliveredAt: null, status: { notIn: ["CANCELLED", "ERROR"] } },
    orderBy: { createdAt: "asc" },
  });
  const parcelOf = new Map<string, (typeof parcels)[number]>();
  for (const parcel of parcels) if (!parcelOf.has(parcel.orderId)) parcelOf.set(parcel.orderId, parcel);
  return {
    total,
    orders: rows.map((row) => {
      const parcel = parcelOf.get(row.id);
      return {
        id: row.id,
        name: row.name,
        createdAt: row.createdAt.toISOString(),
        countryCode: row.countryCode,
        reasons: attentionReasons({ ...row, shipmentStatus: row.shipmentStatus as ShipmentStatus }, now),
        estimatedDeliveryAt: row.openEstimateAt?.toISOString() ?? null,
        tracking: parcel ? { company: parcel.trackingCompany, number: parcel.trackingNumber, url: parcel.trackingUrl } : null,
        handledAt: row.attentionHandledAt?.toISOString() ?? null,
      };
    }),
  };
}

/** The whole dashboard, computed over every order of the shop. */
export async function exactDeliveryDashboard(shop: string, now: Date): Promise<DeliveryDashboard> {
  const fromWeek = weekOf(new Date(now.getTime() - (DASHBOARD_WEEKS - 1) * 7 * 86_400_000));
  const stateRows = await prisma.$queryRaw<Array<{ state: string; orders: unknown }>>`
    SELECT ${deliveryStateSql(riskCutoffs(now))} AS "state", COUNT(*) AS "orders" FROM "Order" WHERE "shop" = ${shop} GROUP BY 1`;
  const counts = new Map(stateRows.map((row) => [row.state, toNumber(row.orders) ?? 0]));
  const states = DELIVERY_STATES.map((state) => ({ state, orders: counts.get(state) ?? 0 }));
  const weeks = (await timingBy(shop, "week", fromWeek)).sort((a, b) => a.key.localeCompare(b.key));
  const countries = (await timingBy(shop, "country", fromWeek)).sort((a, b) => b.fulfil.orders - a.fulfil.orders || a.key.localeCompare(b.key));
  return {
    totalOrders: states.reduce((sum, row) => sum + row.orders, 0),
    states,
    weeks,
    countries,
    attention: await attentionList(shop, now, false),
    handled: await attentionList(shop, now, true),
  };
}
