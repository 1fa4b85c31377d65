/**
 * Delivery performance for the admin home: orders by delivery state, median and 90th-percentile times to
 * fulfil and to deliver by week and by country, and the orders that need the merchant. Rules and
 * thresholds come from delivery/performance.ts. What history settles is read from the aggregates the
 * order writes keep (delivery/aggregates.ts); only open orders, whose state moves with the clock, are
 * classified at load, in SQL that runs on SQLite and PostgreSQL. Its cost follows the open orders and the
 * weeks shown, not the shop's history.
 */
import { Prisma } from "@prisma/client";
import prisma from "../../db.server";
import { OPEN_STATUSES, histogramPercentiles, type DurationMetric, type RankedHistogram } from "./aggregates";
import { getDurationHistograms, type StoredHistogram } from "./aggregates.server";
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

const OPEN = Prisma.join(OPEN_STATUSES.map((status) => Prisma.sql`${status}`));

export interface StateCounts {
  states: StateCount[];
  /** Orders needing attention (failed, late, at risk), not marked handled / marked handled. */
  attention: { open: number; handled: number };
}

const STATE_ROWS_SQL = (shop: string, now: Date) => Prisma.sql`
  SELECT 'settled' AS "kind", "shipmentStatus" AS "state", CASE WHEN "deliveredLate" THEN 1 ELSE 0 END AS "flag", SUM("orders") AS "orders"
  FROM "DeliveryStatusCount" WHERE "shop" = ${shop}
  GROUP BY "shipmentStatus", "deliveredLate"
  UNION ALL
  SELECT 'open', ${deliveryStateSql(riskCutoffs(now))}, CASE WHEN "attentionHandledAt" IS NULL THEN 0 ELSE 1 END, COUNT(*)
  FROM "Order" WHERE "shop" = ${shop} AND "shipmentStatus" IN (${OPEN})
  GROUP BY 2, 3
  UNION ALL
  SELECT 'failed_handled', 'failed', 1, COUNT(*)
  FROM "Order" WHERE "shop" = ${shop} AND "shipmentStatus" = 'failed' AND "attentionHandledAt" IS NOT NULL`;

/**
 * Orders by delivery state at `now`, in one round trip: settled statuses from the stored counts (flag:
 * delivered late), open orders classified here (flag: marked handled, for the attention totals), and
 * the failed orders marked handled.
 */
export async function countOrdersByDeliveryState(shop: string, now: Date): Promise<StateCounts> {
  const rows = await prisma.$queryRaw<Array<{ kind: string; state: string; flag: unknown; orders: unknown }>>(STATE_ROWS_SQL(shop, now));
  const counts = new Map<DeliveryState, number>();
  const add = (state: DeliveryState, orders: number) => counts.set(state, (counts.get(state) ?? 0) + orders);
  const attention = { open: 0, handled: 0 };
  for (const row of rows) {
    const orders = toNumber(row.orders) ?? 0;
    const flag = toNumber(row.flag) === 1;
    if (row.kind === "settled") {
      if (row.state === "delivered") add(flag ? "delivered_late" : "delivered_on_time", orders);
      else add(row.state as DeliveryState, orders);
      if (row.state === "failed") attention.open += orders;
    } else if (row.kind === "failed_handled") {
      attention.open -= orders;
      attention.handled += orders;
    } else {
      const state = row.state as DeliveryState;
      add(state, orders);
      if (state === "late" || state === "at_risk") {
        if (flag) attention.handled += orders;
        else attention.open += orders;
      }
    }
  }
  return { states: DELIVERY_STATES.map((state) => ({ state, orders: counts.get(state) ?? 0 })), attention };
}


/** Groups the stored histograms by `keyOf` (week or country) and reads each group's percentiles. */
function timingFrom(histograms: readonly StoredHistogram[], keyOf: (row: StoredHistogram) => string): TimingRow[] {
  const groups = new Map<string, Record<DurationMetric, RankedHistogram[]>>();
  for (const row of histograms) {
    const key = keyOf(row);
    const group = groups.get(key) ?? { fulfil: [], deliver: [] };
    group[row.metric].push(row.histogram);
    groups.set(key, group);
  }
  const rows: TimingRow[] = [];
  for (const [key, group] of groups) {
    const fulfil = histogramPercentiles(group.fulfil);
    const deliver = histogramPercentiles(group.deliver);
    if (fulfil.orders === 0 && deliver.orders === 0) continue;
    rows.push({ key, fulfil, deliver });
  }
  return rows;
}

/**
 * Weekly medians and p90s from `fromWeek` (YYYY-MM-DD, a Monday) on, oldest week first, and the same per
 * destination country ("" when unknown), busiest first. Nearest rank, exact: the histograms keep minutes.
 */
export async function getTiming(shop: string, fromWeek: string): Promise<{ weeks: TimingRow[]; countries: TimingRow[] }> {
  const histograms = await getDurationHistograms(shop, fromWeek);
  return {
    weeks: timingFrom(histograms, (row) => row.week).sort((a, b) => a.key.localeCompare(b.key)),
    countries: timingFrom(histograms, (row) => row.countryCode).sort(
      (a, b) => b.fulfil.orders - a.fulfil.orders || a.key.localeCompare(b.key),
    ),
  };
}

/**
 * What makes an order of each shipment status need the merchant (failed ones always do). The dashboard
 * asks per status so each question walks the index on (shop, status, handled, placed) in list order;
 * the ORDER BY names the index's columns (constant within a question) so PostgreSQL walks it too,
 * rather than sorting every failed order of the shop's history.
 */
function attentionByStatus(cutoffs: RiskCutoffs): Array<{ status: ShipmentStatus; when: Prisma.Sql }> {
  const late = Prisma.sql`"openEstimateAt" < ${cutoffs.now}`;
  const stuck = Prisma.sql`"undatedParcelSince" < ${cutoffs.stuckBefore}`;
  const unshipped = Prisma.sql`"createdAt" < ${cutoffs.unshippedBefore}`;
  return [
    { status: "failed", when: Prisma.sql`1 = 1` },
    { status: "unfulfilled", when: Prisma.sql`(${late} OR ${stuck} OR ${unshipped})` },
    { status: "partially_fulfilled", when: Prisma.sql`(${late} OR ${stuck} OR ${unshipped})` },
    { status: "in_transit", when: Prisma.sql`(${late} OR ${stuck})` },
  ];
}

interface AttentionRow {
  list: string;
  id: string;
  name: string;
  createdAt: Date;
  countryCode: string | null;
  shipmentStatus: ShipmentStatus;
  openEstimateAt: Date | null;
  undatedParcelSince: Date | null;
  attentionHandledAt: Date | null;
}

/** Raw rows bring dates as Date objects (PostgreSQL) or as their stored ISO text (SQLite). */
const asDate = (value: unknown): Date | null => (value === null || value === undefined ? null : value instanceof Date ? value : new Date(String(value)));
const byId = (a: AttentionRow, b: AttentionRow) => (a.id < b.id ? -1 : a.id > b.id ? 1 : 0);
const byPlaced = (a: AttentionRow, b: AttentionRow) => a.createdAt.getTime() - b.createdAt.getTime() || byId(a, b);
const byHandled = (a: AttentionRow, b: AttentionRow) =>
  (b.attentionHandledAt?.getTime() ?? 0) - (a.attentionHandledAt?.getTime() ?? 0) || byId(a, b);

/**
 * Late and at-risk orders (failed delivery, past the carrier's estimate, stuck without an estimate,
 * or unshipped too long), oldest first, with the tracking of the parcel to chase; and, apart, those the
 * merchant marked handled (most recently handled first). One round trip for the lists, one for parcels.
 */
export async function listOrdersNeedingAttention(
  shop: string,
  now: Date,
  limit: number,
): Promise<{ open: AttentionOrder[]; handled: AttentionOrder[] }> {
  const parts = attentionByStatus(riskCutoffs(now)).flatMap(({ status, when }) => [
    Prisma.sql`SELECT * FROM (SELECT 'open' AS "list", "id", "name", "createdAt", "countryCode", "shipmentStatus", "openEstimateAt", "undatedParcelSince", "attentionHandledAt"
      FROM "Order" WHERE "shop" = ${shop} AND "shipmentStatus" = ${status} AND "attentionHandledAt" IS NULL AND ${when}
      ORDER BY "shipmentStatus", "attentionHandledAt", "createdAt", "id" LIMIT ${limit}) AS ${Prisma.raw(`"open_${status}"`)}`,
    Prisma.sql`SELECT * FROM (SELECT 'handled' AS "list", "id", "name", "createdAt", "countryCode", "shipmentStatus", "openEstimateAt", "undatedParcelSince", "attentionHandledAt"
      FROM "Order" WHERE "shop" = ${shop} AND "shipmentStatus" = ${status} AND "attentionHandledAt" IS NOT NULL AND ${when}
      ORDER BY "shipmentStatus" DESC, "attentionHandledAt" DESC, "id" LIMIT ${limit}) AS ${Prisma.raw(`"handled_${status}"`)}`,
  ]);
  const raw = await prisma.$queryRaw<Array<Record<string, unknown>>>`${Prisma.join(parts, " UNION ALL ")}`;
  const rows: AttentionRow[] = raw.map((row) => ({
    list: String(row.list),
    id: String(row.id),
    name: String(row.name),
    createdAt: asDate(row.createdAt)!,
    countryCode: (row.countryCode as string | null) ?? null,
    shipmentStatus: row.shipmentStatus as ShipmentStatus,
    openEstimateAt: asDate(row.openEstimateAt),
    undatedParcelSince: asDate(row.undatedParcelSince),
    attentionHandledAt: asDate(row.attentionHandledAt),
  }));
  const open = rows.filter((row) => row.list === "open").sort(byPlaced).slice(0, limit);
  const handled = rows.filter((row) => row.list === "handled").sort(byHandled).slice(0, limit);
  const ids = [...new Set([...open, ...handled].map((row) => row.id))];
  const parcels = ids.length
    ? await prisma.$queryRaw<Array<{ orderId: string; trackingCompany: string | null; trackingNumber: string | null; trackingUrl: string | null }>>`
        SELECT "orderId", "trackingCompany", "trackingNumber", "trackingUrl" FROM "OrderFulfillment"
        WHERE "shop" = ${shop} AND "orderId" IN (${Prisma.join(ids)}) AND "deliveredAt" IS NULL AND "status" NOT IN ('CANCELLED', 'ERROR')
        ORDER BY "createdAt"`
    : [];
  const parcelOf = new Map<string, (typeof parcels)[number]>();
  for (const parcel of parcels) if (!parcelOf.has(parcel.orderId)) parcelOf.set(parcel.orderId, parcel);

  const toAttentionOrder = (row: AttentionRow): AttentionOrder => {
    const parcel = parcelOf.get(row.id);
    return {
      id: row.id,
      name: row.name,
      createdAt: row.createdAt.toISOString(),
      countryCode: row.countryCode,
      reasons: attentionReasons({ ...row, deliveredLate: false }, now),
      estimatedDeliveryAt: row.openEstimateAt?.toISOString() ?? null,
      tracking: parcel ? { company: parcel.trackingCompany, number: parcel.trackingNumber, url: parcel.trackingUrl } : null,
      handledAt: row.attentionHandledAt?.toISOString() ?? null,
    };
  };
  return { open: open.map(toAttentionOrder), handled: handled.map(toAttentionOrder) };
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
  const [counts, timing, lists] = await Promise.all([
    countOrdersByDeliveryState(shop, now),
    getTiming(shop, fromWeek),
    listOrdersNeedingAttention(shop, now, ATTENTION_LIST_LIMIT),
  ]);
  return {
    totalOrders: counts.states.reduce((sum, row) => sum + row.orders, 0),
    states: counts.states,
    weeks: timing.weeks,
    countries: timing.countries,
    attention: { total: counts.attention.open, orders: lists.open },
    handled: { total: counts.attention.handled, orders: lists.handled },
  };
}
