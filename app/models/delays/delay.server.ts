/**
 * Delivery promises as shown at purchase, and the shop's delayed orders (the admin's at-risk list).
 */
import { Prisma } from "@prisma/client";
import prisma from "../../db.server";
import type { DeliveryWindow } from "../shipping/delivery-estimate";
import { detectDelay, promiseKeptByZone, type DelayFacts, type DelayVerdict, type PromiseKeptRow, type PromisedRange } from "./delay";
import type { ShipmentStatus } from "../orders/record";
import { getShopTimeZone } from "../shop/time-zone.server";

/** Orders older than this are not checked for delays any more. */
export const DELAY_LOOKBACK_DAYS = 90;

const OPEN_STATUSES: ShipmentStatus[] = ["unfulfilled", "partially_fulfilled", "in_transit", "failed"];

/** Keeps the range the shopper was shown when buying (first write wins: a promise never moves). */
export async function recordDeliveryPromise(
  shop: string,
  orderId: string,
  window: Pick<DeliveryWindow, "earliest" | "latest"> & { dispatchDate?: string | null; zoneId?: string | null },
  timeZone: string,
  now = new Date(),
  db: Prisma.TransactionClient = prisma,
): Promise<void> {
  await recordDeliveryPromises(db, shop, [{ orderId, window }], timeZone, now);
}

/**
 * The promises of orders created together (a batch of orders/create), in one statement; an order's
 * first promise is the one kept.
 */
export async function recordDeliveryPromises(
  db: Prisma.TransactionClient,
  shop: string,
  promises: ReadonlyArray<{ orderId: string; window: Pick<DeliveryWindow, "earliest" | "latest"> & { dispatchDate?: string | null; zoneId?: string | null } }>,
  timeZone: string,
  now = new Date(),
): Promise<void> {
  const firstPerOrder = [...new Map([...promises].reverse().map((promise) => [promise.orderId, promise])).values()];
  if (firstPerOrder.length === 0) return;
  const rows = firstPerOrder.map(
    ({ orderId, window }) =>
      Prisma.sql`(${shop}, ${orderId}, ${window.earliest}, ${window.latest}, ${window.dispatchDate ?? null}, ${window.zoneId ?? null}, ${timeZone}, ${now})`,
  );
  await db.$executeRaw`
    INSERT INTO "DeliveryPromise" ("shop", "orderId", "earliest", "latest", "dispatchDate", "zoneId", "timeZone", "recordedAt")
    VALUES ${Prisma.join(rows)}
    ON CONFLICT ("shop", "orderId") DO NOTHING`;
}

export async function getDeliveryPromises(shop: string, orderIds: readonly string[]): Promise<Map<string, PromisedRange & { zoneId: string | null }>> {
  const rows = await prisma.deliveryPromise.findMany({ where: { shop, orderId: { in: [...orderIds] } } });
  return new Map(rows.map((row) => [row.orderId, { earliest: row.earliest, latest: row.latest, dispatchDate: row.dispatchDate, zoneId: row.zoneId }]));
}

export interface DelayedOrder extends DelayVerdict {
  orderName: string;
  createdAt: Date;
  /** When the shopper was told (the notice was sent), or null. */
  notifiedAt: Date | null;
  /** pending | sending | sent | failed, or null when no notice exists (no email address on file). */
  noticeStatus: string | null;
}

type DelayOrderRow = { id: string; shipmentStatus: string; openEstimateAt: Date | null };

/** What the delay rules need to know about each order: its promise, the carrier's estimate and reports. */
export async function getDelayFacts(shop: string, orders: readonly DelayOrderRow[]): Promise<Map<string, DelayFacts>> {
  const ids = orders.map((order) => order.id);
  const [timeZone, promises, delayedParcels] = await Promise.all([
    getShopTimeZone(shop),
    getDeliveryPromises(shop, ids),
    prisma.orderFulfillment.findMany({
      where: { shop, orderId: { in: ids }, displayStatus: "DELAYED", deliveredAt: null },
      select: { orderId: true },
    }),
  ]);
  const reportedDelay = new Set(delayedParcels.map((parcel) => parcel.orderId));
  return new Map(
    orders.map((order) => [
      order.id,
      {
        orderId: order.id,
        shipmentStatus: order.shipmentStatus as ShipmentStatus,
        timeZone,
        promise: promises.get(order.id) ?? null,
        carrierEstimateAt: order.openEstimateAt,
        carrierReportsDelay: reportedDelay.has(order.id),
      },
    ]),
  );
}

/** Every open order that will miss or has missed its promise now, with the delay verdict. */
export async function findDelayedOrders(shop: string, now: Date): Promise<Array<DelayVerdict & { orderName: string; createdAt: Date }>> {
  const since = new Date(now.getTime() - DELAY_LOOKBACK_DAYS * 86_400_000);
  const orders = await prisma.order.findMany({
    where: { shop, shipmentStatus: { in: OPEN_STATUSES }, createdAt: { gte: since } },
    select: { id: true, name: true, createdAt: true, shipmentStatus: true, openEstimateAt: true },
    orderBy: { createdAt: "asc" },
  });
  if (orders.length === 0) return [];
  const facts = await getDelayFacts(shop, orders);

  return orders.flatMap((order) => {
    const verdict = detectDelay(facts.get(order.id)!, now);
    return verdict ? [{ ...verdict, orderName: order.name, createdAt: order.createdAt }] : [];
  });
}

/** The at-risk list: delayed orders and whether their shopper has been told. */
export async function listDelayedOrders(shop: string, now = new Date()): Promise<DelayedOrder[]> {
  const delayed = await findDelayedOrders(shop, now);
  const notices = await prisma.outboxMessage.findMany({
    where: { shop, kind: "delay_notice", dedupeKey: { in: delayed.map((order) => order.dedupeKey) } },
    select: { dedupeKey: true, status: true, sentAt: true },
  });
  const byKey = new Map(notices.map((notice) => [notice.dedupeKey, notice]));
  return delayed.map((order) => ({
    ...order,
    noticeStatus: byKey.get(order.dedupeKey)?.status ?? null,
    notifiedAt: byKey.get(order.dedupeKey)?.sentAt ?? null,
  }));
}

/** The dashboard's "delivery promise kept" figures: orders delivered in [since, until), by zone. */
export async function getPromiseKept(shop: string, since: Date, until: Date): Promise<PromiseKeptRow[]> {
  const delivered = await prisma.order.findMany({
    where: { shop, shipmentStatus: "delivered", deliveredAt: { gte: since, lt: until } },
    select: { id: true, deliveredAt: true },
  });
  const [promises, timeZone] = await Promise.all([getDeliveryPromises(shop, delivered.map((order) => order.id)), getShopTimeZone(shop)]);
  return promiseKeptByZone(
    delivered.flatMap((order) => {
      const promise = promises.get(order.id);
      return promise && order.deliveredAt ? [{ zoneId: promise.zoneId, promise, deliveredAt: order.deliveredAt }] : [];
    }),
    timeZone,
  );
}
