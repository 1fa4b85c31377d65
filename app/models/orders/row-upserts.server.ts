import { Prisma } from "@prisma/client";
import type { DeliverySummary, FulfillmentRecord, OrderRecord } from "./record";

/**
 * Writes many order or parcel rows in one statement: INSERT ... ON CONFLICT ("shop", "id") DO UPDATE,
 * which SQLite and PostgreSQL both speak. A batch of webhooks or a page of a sync changes dozens of
 * rows; one statement instead of one per row. Only the columns of the record are written, so what the
 * merchant set on an order (attentionHandledAt) is kept; syncedAt is stamped as Prisma's @updatedAt would.
 */

/** Every column of a record, listed once (the compiler checks that none is missing). */
const columnsOf = <T>(columns: Record<keyof T, true>) => Object.keys(columns) as Array<keyof T & string>;

const ORDER_COLUMNS = columnsOf<OrderRecord & DeliverySummary>({
  id: true, name: true, customerId: true, countryCode: true, provinceCode: true, fulfillmentStatus: true,
  createdAt: true, cancelledAt: true, shopifyUpdatedAt: true, shipmentStatus: true, firstFulfilledAt: true,
  inTransitAt: true, deliveredAt: true, openEstimateAt: true, undatedParcelSince: true, deliveredLate: true,
  fulfilmentMinutes: true, deliveryMinutes: true, createdWeek: true,
});

const FULFILLMENT_COLUMNS = columnsOf<FulfillmentRecord>({
  id: true, orderId: true, status: true, displayStatus: true, createdAt: true, shopifyUpdatedAt: true,
  inTransitAt: true, deliveredAt: true, estimatedDeliveryAt: true, trackingCompany: true, trackingNumber: true,
  trackingUrl: true,
});

const quoted = (name: string) => Prisma.raw(`"${name}"`);

const MAX_BOUND_VALUES = 30_000;

async function upsertRows<T extends object>(
  db: Prisma.TransactionClient,
  table: "Order" | "OrderFulfillment",
  shop: string,
  columns: ReadonlyArray<keyof T & string>,
  rows: readonly T[],
  stamp: string | null,
): Promise<void> {
  if (rows.length === 0) return;
  const now = new Date();
  const names = ["shop", ...columns, ...(stamp ? [stamp] : [])];
  // SQLite takes at most 32,766 bound values per statement (PostgreSQL 65,535): long lists go in parts.
  const perStatement = Math.floor(MAX_BOUND_VALUES / names.length);
  if (rows.length > perStatement) {
    for (let start = 0; start < rows.length; start += perStatement) {
      await upsertRows(db, table, shop, columns, rows.slice(start, start + perStatement), stamp);
    }
    return;
  }
  const values = rows.map((row) => {
    const cells = columns.map((column) => Prisma.sql`${(row as Record<string, unknown>)[column] ?? null}`);
    return Prisma.sql`(${Prisma.join([Prisma.sql`${shop}`, ...cells, ...(stamp ? [Prisma.sql`${now}`] : [])])})`;
  });
  const updates = names.filter((name) => name !== "shop" && name !== "id").map((name) => Prisma.sql`${quoted(name)} = excluded.${quoted(name)}`);
  await db.$executeRaw`
    INSERT INTO ${quoted(table)} (${Prisma.join(names.map(quoted))})
    VALUES ${Prisma.join(values)}
    ON CONFLICT ("shop", "id") DO UPDATE SET ${Prisma.join(updates)}`;
}

export function upsertOrderRows(db: Prisma.TransactionClient, shop: string, rows: ReadonlyArray<OrderRecord & DeliverySummary>) {
  return upsertRows(db, "Order", shop, ORDER_COLUMNS, rows, "syncedAt");
}

export function upsertFulfillmentRows(db: Prisma.TransactionClient, shop: string, rows: readonly FulfillmentRecord[]) {
  return upsertRows(db, "OrderFulfillment", shop, FULFILLMENT_COLUMNS, rows, null);
}
