/**
 * Delivery performance, aggregated in the database (SQL that runs on SQLite and PostgreSQL): orders by
 * delivery state, median and 90th-percentile times to fulfil and to deliver by week and by country,
 * and the orders that need the merchant. Rules and thresholds come from delivery/performance.ts.
 */
import { Prisma } from "@prisma/client";
import prisma from "../../db.server";
import {
  DELIVERY_STATES,
  attentionReasons,
  riskCutoffs,
  type AttentionReason,
  type DeliveryState,
  type RiskCutoffs,
} from "./performance";
import { weekOf, type ShipmentStatus } from "../orders/record";

export interface StateCount {
  state: DeliveryState;
  orders: number;
}

export interface Percentiles {
  orders: number;
  medianMinutes: number | null;
  p90Minutes: number | null;
}

export interface TimingRow {
  /** A week (Monday, YYYY-MM-DD) or a country code ("" when unknown). */
  key: string;
  fulfil: Percentiles;
  deliver: Percentiles;
}

export interface AttentionOrder {
  id: string;
  name: string;
  createdAt: string;
  countryCode: string | null;
  reasons: AttentionReason[];
  estimatedDeliveryAt: string | null;
  tracking: { company: string | null; number: string | null; url: string | null } | null;
  /** When the merchant marked it handled, or null. */
  handledAt: string | null;
}

const toNumber = (value: unknown): number | null =>
  value === null || value === undefined ? null : typeof value === "bigint" ? Number(value) : Number(value);

/** The SQL twin of `deliveryState()`: keep the two in step (a test compares them on the seed shop). */
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

export async function countOrdersByDeliveryState(shop: string, now: Date): Promise<StateCount[]> {
  const rows = await prisma.$queryRaw<Array<{ state: string; orders: unknown }>>`
    SELECT ${deliveryStateSql(riskCutoffs(now))} AS "state", COUNT(*) AS "orders"
    FROM "Order"
    WHERE "shop" = ${shop}
    GROUP BY 1`;
  const counts = new Map(rows.map((row) => [row.state, toNumber(row.orders) ?? 0]));
  return DELIVERY_STATES.map((state) => ({ state, orders: counts.get(state) ?? 0 }));
}

const DIMENSIONS = { week: Prisma.raw(`"createdWeek"`), country: Prisma.raw(`COALESCE("countryCode", '')`) };
const METRICS = { fulfil: Prisma.raw(`"fulfilmentMinutes"`), deliver: Prisma.raw(`"deliveryMinutes"`) };

/**
 * Median and p90 (nearest rank) of one duration per group, computed by the database: rows are ranked
 * within their group, and the percentile is the smallest value whose rank reaches p% of the group.
 */
async function percentilesBy(
  shop: string,
  dimension: keyof typeof DIMENSIONS,
  metric: keyof typeof METRICS,
  fromWeek: string,
): Promise<Map<string, Percentiles>> {
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
  return new Map(
    rows.map((row) => [
      row.key,
      { orders: toNumber(row.orders) ?? 0, medianMinutes: toNumber(row.median), p90Minutes: toNumber(row.p90) },
    ]),
  );
}

const NO_DATA: Percentiles = { orders: 0, medianMinutes: null, p90Minutes: null };

async function timingBy(shop: string, dimension: keyof typeof DIMENSIONS, fromWeek: string): Promise<TimingRow[]> {
  const [fulfil, deliver] = await Promise.all([
    percentilesBy(shop, dimension, "fulfil", fromWeek),
    percentilesBy(shop, dimension, "deliver", fromWeek),
  ]);
  const keys = [...new Set([...fulfil.keys(), ...deliver.keys()])];
  return keys.map((key) => ({ key, fulfil: fulfil.get(key) ?? NO_DATA, deliver: deliver.get(key) ?? NO_DATA }));
}

/** Weekly medians and p90s from `fromWeek` (YYYY-MM-DD, a Monday) on, oldest week first. */
export async function getTimingByWeek(shop: string, fromWeek: string): Promise<TimingRow[]> {
  return (await timingBy(shop, "week", fromWeek)).sort((a, b) => a.key.localeCompare(b.key));
}

/** Per destination country, busiest first. */
export async function getTimingByCountry(shop: string, fromWeek: string): Promise<TimingRow[]> {
  return (await timingBy(shop, "country", fromWeek)).sort(
    (a, b) => b.fulfil.orders - a.fulfil.orders || a.key.localeCompare(b.key),
  );
}

/** Orders that need the merchant; `handled`: those the merchant marked handled (else the others). */
function attentionWhere(shop: string, cutoffs: RiskCutoffs, handled = false): Prisma.OrderWhereInput {
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

/**
 * Late and at-risk orders (failed delivery, past the carrier's estimate, stuck without an estimate,
 * or unshipped too long), oldest first, with the tracking of the parcel to chase. Orders the merchant
 * marked handled are left out, or, with `handled`, the only ones listed (most recently handled first).
 */
export async function listOrdersNeedingAttention(
  shop: string,
  now: Date,
  limit: number,
  handled = false,
): Promise<{ total: number; orders: AttentionOrder[] }> {
  const where = attentionWhere(shop, riskCutoffs(now), handled);
  const orderBy: Prisma.OrderOrderByWithRelationInput[] = handled
    ? [{ attentionHandledAt: "desc" }, { id: "asc" }]
    : [{ createdAt: "asc" }, { id: "asc" }];
  const [total, rows] = await Promise.all([prisma.order.count({ where }), prisma.order.findMany({ where, orderBy, take: limit })]);
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

/** Weeks the dashboard's trend covers, this one included. */
export const DASHBOARD_WEEKS = 12;
/** Late and at-risk orders listed on the dashboard (the count covers all of them). */
export const ATTENTION_LIST_LIMIT = 100;

export interface DeliveryDashboard {
  totalOrders: number;
  states: StateCount[];
  weeks: TimingRow[];
  countries: TimingRow[];
  attention: { total: number; orders: AttentionOrder[] };
  /** Orders that still match but were marked handled ("Show handled"). */
  handled: { total: number; orders: AttentionOrder[] };
}

export async function getDeliveryDashboard(shop: string, now: Date): Promise<DeliveryDashboard> {
  const fromWeek = weekOf(new Date(now.getTime() - (DASHBOARD_WEEKS - 1) * 7 * 86_400_000));
  const [states, weeks, countries, attention, handled] = await Promise.all([
    countOrdersByDeliveryState(shop, now),
    getTimingByWeek(shop, fromWeek),
    getTimingByCountry(shop, fromWeek),
    listOrdersNeedingAttention(shop, now, ATTENTION_LIST_LIMIT),
    listOrdersNeedingAttention(shop, now, ATTENTION_LIST_LIMIT, true),
  ]);
  return { totalOrders: states.reduce((sum, row) => sum + row.orders, 0), states, weeks, countries, attention, handled };
}
