/**
 * Orders for the dashboard bench, made and stored in bulk: a shop's history of `count` orders over
 * `historyDays`, with journeys drawn like the seed shop's (on time, late, very late, attempted, failed,
 * cancelled, slow to ship, split parcels), delivery facts derived by the app's own summarizeDelivery,
 * and written with multi-row statements in one transaction per batch (SQLite: bound VALUES;
 * PostgreSQL: arrays through unnest). The dashboard's aggregates are then rebuilt from the rows.
 */
import type { Client as LibsqlClient } from "@libsql/client";
import type pg from "pg";
import { createRandom, type Random } from "../../tests/support/fake-admin/prng";
import { summarizeDelivery, type FulfillmentRecord, type OrderRecord } from "../../app/models/orders/record";

const HOUR = 3_600_000;
const DAY = 24 * HOUR;

const COUNTRIES: Array<{ code: string; transit: [number, number]; carrier: string }> = [
  { code: "ID", transit: [2, 5], carrier: "JNE" },
  { code: "US", transit: [3, 7], carrier: "UPS" },
  { code: "DE", transit: [2, 4], carrier: "DHL" },
  { code: "GB", transit: [2, 4], carrier: "Royal Mail" },
  { code: "AU", transit: [4, 9], carrier: "Australia Post" },
  { code: "JP", transit: [3, 6], carrier: "Japan Post" },
  { code: "SG", transit: [1, 3], carrier: "SingPost" },
  { code: "NL", transit: [2, 4], carrier: "PostNL" },
  { code: "FR", transit: [2, 5], carrier: "Colissimo" },
  { code: "CA", transit: [4, 8], carrier: "Canada Post" },
];

export interface BulkOrder {
  order: OrderRecord & ReturnType<typeof summarizeDelivery>;
  fulfillments: FulfillmentRecord[];
}

function parcelOf(random: Random, orderId: string, n: number, shippedAt: number, transit: [number, number], carrier: string, now: number): FulfillmentRecord {
  const estimate = Math.round((shippedAt + random.int(transit[0], transit[1]) * DAY) / HOUR) * HOUR;
  const pickedUp = shippedAt + random.between(3, 10) * HOUR;
  const r = random.next();
  let deliveredAt: number | null = null;
  let failedAt: number | null = null;
  if (r < 0.72) deliveredAt = Math.max(pickedUp + 20 * HOUR, estimate - random.between(0, 1.5) * DAY);
  else if (r < 0.86) deliveredAt = estimate + random.between(0.5, 6) * DAY;
  else if (r < 0.93) deliveredAt = estimate + random.between(8, 20) * DAY;
  else if (r < 0.96) deliveredAt = estimate - random.between(0, 0.5) * DAY + random.between(1, 2) * DAY;
  else failedAt = estimate + random.between(1, 3) * DAY;
  const delivered = deliveredAt !== null && deliveredAt <= now;
  const failed = failedAt !== null && failedAt <= now;
  const moving = pickedUp <= now;
  const updated = Math.min(now, delivered ? deliveredAt! : failed ? failedAt! : moving ? pickedUp : shippedAt);
  return {
    id: `${orderId.replace("Order", "Fulfillment")}-${n}`,
    orderId,
    status: "SUCCESS",
    displayStatus: failed ? "FAILURE" : delivered ? "DELIVERED" : moving ? "IN_TRANSIT" : "CONFIRMED",
    createdAt: new Date(shippedAt),
    shopifyUpdatedAt: new Date(updated),
    inTransitAt: moving ? new Date(pickedUp) : null,
    deliveredAt: delivered ? new Date(deliveredAt!) : null,
    estimatedDeliveryAt: new Date(estimate),
    trackingCompany: carrier,
    trackingNumber: `${carrier.slice(0, 2).toUpperCase()}${String(1e9 + n).slice(1)}`,
    trackingUrl: null,
  };
}

/** Orders `first`..`first + count - 1` of a shop whose history spans `historyDays` up to `now`. */
export function makeOrders(options: { seed: number; first: number; count: number; historyDays: number; now: number }): BulkOrder[] {
  const random = createRandom(options.seed);
  const start = options.now - options.historyDays * DAY;
  const orders: BulkOrder[] = [];
  for (let i = 0; i < options.count; i += 1) {
    const number = options.first + i;
    const id = `gid://shopify/Order/${5_000_000_000 + number}`;
    const country = COUNTRIES[random.int(0, COUNTRIES.length - 1)];
    const createdAt = Math.round(start + random.next() * (options.now - start - HOUR));
    const fulfillments: FulfillmentRecord[] = [];
    let cancelledAt: number | null = null;
    let shippedAll = false;
    let updatedAt = createdAt;
    if (random.chance(0.04)) {
      cancelledAt = Math.min(options.now, createdAt + random.between(2, 20) * HOUR);
      updatedAt = cancelledAt;
    } else {
      const firstShip = createdAt + (random.chance(0.1) ? random.between(3.5, 20) : random.between(0.4, 2.5)) * DAY;
      const parcels = random.chance(0.15) ? 2 : 1;
      shippedAll = true;
      for (let n = 0; n < parcels; n += 1) {
        const shippedAt = firstShip + n * random.between(1, 3) * DAY;
        if (shippedAt > options.now) {
          shippedAll = false;
          break;
        }
        const parcel = parcelOf(random, id, number * 2 + n, shippedAt, country.transit, country.carrier, options.now);
        fulfillments.push(parcel);
        updatedAt = Math.max(updatedAt, parcel.shopifyUpdatedAt.getTime());
      }
    }
    const record: OrderRecord = {
      id,
      name: `#${number}`,
      customerId: `gid://shopify/Customer/${7_000_000 + random.int(1, 50_000)}`,
      countryCode: country.code,
      provinceCode: null,
      fulfillmentStatus: shippedAll ? "FULFILLED" : fulfillments.length > 0 ? "PARTIALLY_FULFILLED" : "UNFULFILLED",
      createdAt: new Date(createdAt),
      cancelledAt: cancelledAt === null ? null : new Date(cancelledAt),
      shopifyUpdatedAt: new Date(updatedAt),
    };
    orders.push({ order: { ...record, ...summarizeDelivery(record, fulfillments) }, fulfillments });
  }
  return orders;
}

const ORDER_COLUMNS = [
  "shop", "id", "name", "customerId", "countryCode", "provinceCode", "fulfillmentStatus", "createdAt", "cancelledAt",
  "shopifyUpdatedAt", "shipmentStatus", "firstFulfilledAt", "inTransitAt", "deliveredAt", "openEstimateAt",
  "undatedParcelSince", "deliveredLate", "fulfilmentMinutes", "deliveryMinutes", "createdWeek", "attentionHandledAt", "syncedAt",
] as const;
const FULFILLMENT_COLUMNS = [
  "shop", "id", "orderId", "status", "displayStatus", "createdAt", "shopifyUpdatedAt", "inTransitAt", "deliveredAt",
  "estimatedDeliveryAt", "trackingCompany", "trackingNumber", "trackingUrl",
] as const;
type Value = string | number | boolean | Date | null;

function orderValues(shop: string, row: BulkOrder, syncedAt: Date): Value[] {
  const o = row.order;
  return [
    shop, o.id, o.name, o.customerId, o.countryCode, o.provinceCode, o.fulfillmentStatus, o.createdAt, o.cancelledAt,
    o.shopifyUpdatedAt, o.shipmentStatus, o.firstFulfilledAt, o.inTransitAt, o.deliveredAt, o.openEstimateAt,
    o.undatedParcelSince, o.deliveredLate, o.fulfilmentMinutes, o.deliveryMinutes, o.createdWeek, null, syncedAt,
  ];
}

function fulfillmentValues(shop: string, f: FulfillmentRecord): Value[] {
  return [
    shop, f.id, f.orderId, f.status, f.displayStatus, f.createdAt, f.shopifyUpdatedAt, f.inTransitAt, f.deliveredAt,
    f.estimatedDeliveryAt, f.trackingCompany, f.trackingNumber, f.trackingUrl,
  ];
}

/** A value as SQLite stores it through Prisma (dates as ISO text, booleans as 0/1). */
function sqliteValue(value: Value): string | number | null {
  if (value instanceof Date) return value.toISOString().replace("Z", "+00:00");
  if (typeof value === "boolean") return value ? 1 : 0;
  return value;
}

const quoted = (columns: readonly string[]) => columns.map((column) => `"${column}"`).join(", ");

/** Multi-row INSERT statements with bound values (SQLite allows 32,766 per statement). */
function sqliteInserts(table: string, columns: readonly string[], rows: Value[][]) {
  const perStatement = Math.floor(30_000 / columns.length);
  const statements = [];
  for (let i = 0; i < rows.length; i += perStatement) {
    const batch = rows.slice(i, i + perStatement);
    const placeholders = `(${columns.map(() => "?").join(",")})`;
    statements.push({
      sql: `INSERT INTO "${table}" (${quoted(columns)}) VALUES ${batch.map(() => placeholders).join(",")}`,
      args: batch.flatMap((row) => row.map(sqliteValue)),
    });
  }
  return statements;
}

export async function insertSqlite(client: LibsqlClient, shop: string, rows: readonly BulkOrder[]): Promise<void> {
  const syncedAt = new Date();
  await client.batch(
    [
      ...sqliteInserts("Order", ORDER_COLUMNS, rows.map((row) => orderValues(shop, row, syncedAt))),
      ...sqliteInserts("OrderFulfillment", FULFILLMENT_COLUMNS, rows.flatMap((row) => row.fulfillments.map((f) => fulfillmentValues(shop, f)))),
    ],
    "write",
  );
}

/** PostgreSQL column types for unnest (timestamps as UTC wall time, as Prisma stores them). */
const PG_TYPES: Record<string, string> = {
  createdAt: "timestamp(3)", cancelledAt: "timestamp(3)", shopifyUpdatedAt: "timestamp(3)", firstFulfilledAt: "timestamp(3)",
  inTransitAt: "timestamp(3)", deliveredAt: "timestamp(3)", openEstimateAt: "timestamp(3)", undatedParcelSince: "timestamp(3)",
  attentionHandledAt: "timestamp(3)", syncedAt: "timestamp(3)", estimatedDeliveryAt: "timestamp(3)",
  deliveredLate: "boolean", fulfilmentMinutes: "integer", deliveryMinutes: "integer",
};

const pgValue = (value: Value) => (value instanceof Date ? value.toISOString().replace("T", " ").replace("Z", "") : value);

async function unnestInsert(client: pg.Client, table: string, columns: readonly string[], rows: Value[][]): Promise<void> {
  if (rows.length === 0) return;
  const arrays = columns.map((_, c) => rows.map((row) => pgValue(row[c])));
  const casts = columns.map((column, c) => `$${c + 1}::${PG_TYPES[column] ?? "text"}[]`).join(", ");
  await client.query(`INSERT INTO "${table}" (${quoted(columns)}) SELECT * FROM unnest(${casts})`, arrays);
}

export async function insertPostgres(client: pg.Client, shop: string, rows: readonly BulkOrder[]): Promise<void> {
  const syncedAt = new Date();
  await client.query("BEGIN");
  await unnestInsert(client, "Order", ORDER_COLUMNS, rows.map((row) => orderValues(shop, row, syncedAt)));
  await unnestInsert(client, "OrderFulfillment", FULFILLMENT_COLUMNS, rows.flatMap((row) => row.fulfillments.map((f) => fulfillmentValues(shop, f))));
  await client.query("COMMIT");
}

/**
 * Drops the secondary indexes of the order tables and returns what recreates them: building an index
 * once over the loaded rows is much faster than keeping it up to date row by row.
 */
export async function withoutOrderIndexes(run: (sql: string) => Promise<Array<Record<string, unknown>>>, engine: "sqlite" | "postgresql") {
  const rows =
    engine === "sqlite"
      ? await run(`SELECT name AS "name", sql AS "definition" FROM sqlite_master WHERE type = 'index' AND tbl_name IN ('Order', 'OrderFulfillment') AND sql IS NOT NULL`)
      : await run(`SELECT indexname AS "name", indexdef AS "definition" FROM pg_indexes WHERE tablename IN ('Order', 'OrderFulfillment') AND indexname NOT LIKE '%pkey'`);
  for (const row of rows) await run(`DROP INDEX "${String(row.name)}"`);
  return async () => {
    for (const row of rows) await run(String(row.definition));
  };
}
