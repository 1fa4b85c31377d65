import type { Prisma } from "@prisma/client";
import prisma from "../../db.server";
import { addOrderChange, emptyDelta, type AggregateDelta, type AggregatedOrder } from "../delivery/aggregates";
import { applyAggregateDelta, deleteDeliveryAggregates } from "../delivery/aggregates.server";
import { lockOrdersForWrite } from "./lock.server";
import { upsertFulfillmentRows, upsertOrderRows } from "./row-upserts.server";
import {
  isSameOrNewer,
  mergeFulfillment,
  summarizeDelivery,
  type DeliverySummary,
  type FulfillmentRecord,
  type LineItemRecord,
  type OrderRecord,
  type OrderSnapshot,
} from "./record";

type Db = Prisma.TransactionClient;

/** Long enough for a page of 250 orders on a slow disk. */
const PAGE_TRANSACTION_TIMEOUT_MS = 60_000;

function toFulfillmentRecord(row: Prisma.OrderFulfillmentGetPayload<object>): FulfillmentRecord {
  const { shop: _shop, ...record } = row;
  return record;
}

function toOrderRecord(row: Prisma.OrderGetPayload<object>): OrderRecord {
  return {
    id: row.id,
    name: row.name,
    customerId: row.customerId,
    countryCode: row.countryCode,
    provinceCode: row.provinceCode,
    fulfillmentStatus: row.fulfillmentStatus,
    createdAt: row.createdAt,
    cancelledAt: row.cancelledAt,
    shopifyUpdatedAt: row.shopifyUpdatedAt,
  };
}

/** The order row with its delivery summary recomputed from its fulfillments. */
function orderRow(order: OrderRecord, fulfillments: FulfillmentRecord[]): OrderRecord & DeliverySummary {
  return { ...order, ...summarizeDelivery(order, fulfillments) };
}

/** What a batch of changes writes, worked out in memory first: each row once, new rows inserted together. */
interface PlannedWrites {
  orders: Map<string, OrderRecord & DeliverySummary>;
  fulfillments: Map<string, FulfillmentRecord>;
  lineItems: Map<string, LineItemRecord[]>;
}

async function applyPlannedWrites(db: Db, shop: string, plan: PlannedWrites) {
  // New and changed rows alike, one statement per table.
  await upsertFulfillmentRows(db, shop, [...plan.fulfillments.values()]);
  await upsertOrderRows(db, shop, [...plan.orders.values()]);
  if (plan.lineItems.size > 0) {
    // Line items may be stored without their order (a bulk export brings them apart): replace them all.
    await db.orderLineItem.deleteMany({ where: { shop, orderId: { in: [...plan.lineItems.keys()] } } });
    const items = [...plan.lineItems.values()].flat();
    if (items.length > 0) await db.orderLineItem.createMany({ data: items.map((item) => ({ shop, ...item })) });
  }
}

/**
 * Locks the orders a batch of changes touches, then reads them and their parcels, with any parcel of the
 * batch stored under another order (it is still that row).
 */
async function lockAndReadOrders(db: Db, shop: string, orderIds: readonly string[], parcelIds: readonly string[]) {
  await lockOrdersForWrite(db, shop, orderIds);
  return Promise.all([
    db.order.findMany({ where: { shop, id: { in: [...orderIds] } } }),
    db.orderFulfillment.findMany({ where: { shop, OR: [{ orderId: { in: [...orderIds] } }, { id: { in: [...parcelIds] } }] } }),
  ]);
}

/**
 * Applies order changes, whatever their source, so that replaying or reordering them never moves an
 * order back: each order and each fulfillment only takes a copy at least as new as the stored one.
 * Writes a page of changes in a few statements (new rows together), and adds each change to the
 * dashboard's aggregates. Returns how many orders were written (changes older than the stored copy are skipped).
 */
export async function saveOrderSnapshots(db: Db, shop: string, snapshots: readonly OrderSnapshot[]): Promise<number> {
  if (snapshots.length === 0) return 0;
  const orderIds = snapshots.map((snapshot) => snapshot.order.id);
  const parcelIds = snapshots.flatMap((snapshot) => snapshot.fulfillments.map((parcel) => parcel.id));
  const [storedOrders, storedFulfillments] = await lockAndReadOrders(db, shop, orderIds, parcelIds);
  const ordersById = new Map(storedOrders.map((row) => [row.id, toOrderRecord(row)]));
  const aggregatedById = new Map<string, AggregatedOrder>(storedOrders.map((row) => [row.id, row]));
  const delta = emptyDelta();
  const fulfillmentsByOrder = new Map<string, Map<string, FulfillmentRecord>>();
  for (const row of storedFulfillments) {
    const forOrder = fulfillmentsByOrder.get(row.orderId) ?? new Map<string, FulfillmentRecord>();
    forOrder.set(row.id, toFulfillmentRecord(row));
    fulfillmentsByOrder.set(row.orderId, forOrder);
  }
  const plan: PlannedWrites = { orders: new Map(), fulfillments: new Map(), lineItems: new Map() };

  let written = 0;
  for (const snapshot of snapshots) {
    const stored = ordersById.get(snapshot.order.id);
    const parcels = fulfillmentsByOrder.get(snapshot.order.id) ?? new Map<string, FulfillmentRecord>();
    fulfillmentsByOrder.set(snapshot.order.id, parcels);
    let parcelsChanged = false;
    for (const incoming of snapshot.fulfillments) {
      const current = parcels.get(incoming.id);
      if (!isSameOrNewer(current, incoming)) continue;
      const merged = mergeFulfillment(current, incoming);
      plan.fulfillments.set(merged.id, merged);
      parcels.set(merged.id, merged);
      parcelsChanged = true;
    }
    const orderIsNewer = isSameOrNewer(stored, snapshot.order);
    if (!orderIsNewer && !parcelsChanged) continue;
    const order = orderIsNewer ? snapshot.order : stored!;
    const row = orderRow(order, [...parcels.values()]);
    addOrderChange(delta, aggregatedById.get(order.id) ?? null, row);
    plan.orders.set(order.id, row);
    aggregatedById.set(order.id, row);
    if (orderIsNewer && snapshot.lineItems) plan.lineItems.set(order.id, snapshot.lineItems);
    ordersById.set(order.id, order);
    written += 1;
  }
  await applyPlannedWrites(db, shop, plan);
  await applyAggregateDelta(db, shop, delta);
  return written;
}

/** A fulfillment webhook: stores the parcel and refreshes its order's summary when the order is known. */
export async function saveFulfillmentChange(db: Db, shop: string, incoming: FulfillmentRecord): Promise<boolean> {
  return (await saveFulfillmentChanges(db, shop, [incoming])) > 0;
}

/**
 * Fulfillment webhooks that arrived together, in arrival order: each parcel takes a copy at least as new
 * as the stored one, and each known order they belong to has its summary (and the dashboard's
 * aggregates) refreshed once, from all its parcels. A few statements for the lot. Returns how many
 * parcels were written.
 */
export async function saveFulfillmentChanges(db: Db, shop: string, changes: readonly FulfillmentRecord[]): Promise<number> {
  if (changes.length === 0) return 0;
  const orderIds = [...new Set(changes.map((change) => change.orderId))];
  const parcelIds = changes.map((change) => change.id);
  const [storedOrders, storedParcels] = await lockAndReadOrders(db, shop, orderIds, parcelIds);
  const parcels = new Map(storedParcels.map((row) => [row.id, toFulfillmentRecord(row)]));
  const plan: PlannedWrites = { orders: new Map(), fulfillments: new Map(), lineItems: new Map() };
  const touchedOrders = new Set<string>();
  for (const incoming of changes) {
    const current = parcels.get(incoming.id);
    if (!isSameOrNewer(current, incoming)) continue;
    const merged = mergeFulfillment(current, incoming);
    parcels.set(merged.id, merged);
    plan.fulfillments.set(merged.id, merged);
    touchedOrders.add(merged.orderId);
  }
  const delta = emptyDelta();
  for (const stored of storedOrders) {
    if (!touchedOrders.has(stored.id)) continue;
    const ofOrder = [...parcels.values()].filter((parcel) => parcel.orderId === stored.id);
    const row = orderRow(toOrderRecord(stored), ofOrder);
    addOrderChange(delta, stored, row);
    plan.orders.set(stored.id, row);
  }
  await applyPlannedWrites(db, shop, plan);
  await applyAggregateDelta(db, shop, delta);
  return plan.fulfillments.size;
}

/** Line items from a bulk export, which arrive as their own lines, apart from their order. */
export async function saveLineItems(db: Db, shop: string, items: readonly LineItemRecord[]): Promise<void> {
  for (const item of items) {
    const { id, ...fields } = item;
    await db.orderLineItem.upsert({ where: { shop_id: { shop, id } }, create: { shop, id, ...fields }, update: fields });
  }
}

/** Runs `work` in one transaction long enough for a page of orders. */
export function inOrderTransaction<T>(work: (db: Db) => Promise<T>): Promise<T> {
  return prisma.$transaction(work, { timeout: PAGE_TRANSACTION_TIMEOUT_MS, maxWait: PAGE_TRANSACTION_TIMEOUT_MS });
}

export async function countOrders(shop: string): Promise<number> {
  return prisma.order.count({ where: { shop } });
}

export async function getOrder(shop: string, id: string) {
  return prisma.order.findUnique({ where: { shop_id: { shop, id } } });
}

/** Everything Aftercare holds about a shop's orders (shop/redact), the dashboard's aggregates included. */
export async function deleteShopOrders(db: Db, shop: string): Promise<void> {
  await deleteDeliveryAggregates(db, shop);
  await db.orderLineItem.deleteMany({ where: { shop } });
  await db.orderFulfillment.deleteMany({ where: { shop } });
  await db.order.deleteMany({ where: { shop } });
  await db.orderSync.deleteMany({ where: { shop } });
}
