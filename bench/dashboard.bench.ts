/**
 * Delivery dashboard at scale: seeds 100,000 orders into a fresh database and times the dashboard's
 * queries; then (SQLite run only) syncs a fake shop by pages and by bulk export and prints the Admin API
 * cost per 1,000 orders. BENCH_ENGINE=postgresql runs the same loader on PostgreSQL (127.0.0.1, the
 * role `npm run setup` creates; AFTERCARE_TEST_PG_URL overrides it).
 */
import { mkdirSync, readFileSync, readdirSync, rmSync } from "node:fs";
import path from "node:path";
import { performance } from "node:perf_hooks";
import { createClient } from "@libsql/client";

const ORDERS = Number(process.env.BENCH_ORDERS ?? 100_000);
const SYNC_ORDERS = Number(process.env.BENCH_SYNC_ORDERS ?? 5_000);
const SHOP = "bench-shop.myshopify.com";
const root = path.resolve(import.meta.dirname, "..");

async function freshDatabase(): Promise<string> {
  const dir = path.join(root, "bench/.tmp");
  mkdirSync(dir, { recursive: true });
  const file = path.join(dir, "dashboard.sqlite");
  rmSync(file, { force: true });
  const url = `file:${file}`;
  const client = createClient({ url });
  const migrations = path.join(root, "prisma/migrations");
  for (const name of readdirSync(migrations, { withFileTypes: true }).filter((e) => e.isDirectory()).map((e) => e.name).sort()) {
    await client.executeMultiple(readFileSync(path.join(migrations, name, "migration.sql"), "utf8"));
  }
  client.close();
  return url;
}

const ENGINE = process.env.BENCH_ENGINE === "postgresql" ? "postgresql" : "sqlite";
if (ENGINE === "postgresql") {
  process.env.AFTERCARE_TEST_DB = "postgres";
  const { createTestDatabase } = await import("../tests/support/test-database");
  process.env.DATABASE_URL = await createTestDatabase("bench_dashboard");
} else {
  process.env.DATABASE_URL = await freshDatabase();
}
process.env.SHOPIFY_API_KEY ??= "bench-key";
process.env.SHOPIFY_API_SECRET ??= "bench-secret";

const { default: prisma } = await import("../app/db.server");
const { summarizeDelivery } = await import("../app/models/orders/record");
const { getDeliveryDashboard } = await import("../app/models/delivery/performance.server");
const { getOrderSyncProgress, runOrderSync } = await import("../app/shopify/order-sync.server");
const { snapshotFromNode } = await import("../app/shopify/order-query");
const { createPacedAdmin } = await import("../app/shopify/paced-admin");
const { resultFromBody } = await import("../app/shopify/admin-transport");
const { createSeedShop } = await import("../tests/support/fake-admin/seed");
const { createFakeAdminWithBulk } = await import("../tests/support/fake-admin/bulk-operations");

const ms = (value: number) => `${value.toFixed(1)} ms`;

// 1. 100,000 orders, written as the sync would store them.
let started = performance.now();
const seed = createSeedShop({ orderCount: ORDERS, domain: SHOP });
const rows = seed.orders.map((order) => {
  const { order: record, fulfillments } = snapshotFromNode({ ...order, customer: { id: order.customerId }, lineItems: undefined });
  return { order: { shop: SHOP, ...record, ...summarizeDelivery(record, fulfillments) }, fulfillments: fulfillments.map((f) => ({ shop: SHOP, ...f })) };
});
for (let i = 0; i < rows.length; i += 5_000) {
  const batch = rows.slice(i, i + 5_000);
  await prisma.$transaction([
    prisma.order.createMany({ data: batch.map((row) => row.order) }),
    prisma.orderFulfillment.createMany({ data: batch.flatMap((row) => row.fulfillments) }),
  ]);
}
console.log(`[${ENGINE}] seeded ${ORDERS.toLocaleString("en")} orders in ${ms(performance.now() - started)}`);

// 2. The dashboard loader's database work (the Admin API call for the shop's name aside).
const now = new Date(seed.now);
const timings: number[] = [];
let attention = 0;
for (let run = 0; run < 6; run += 1) {
  started = performance.now();
  const [dashboard] = await Promise.all([getDeliveryDashboard(SHOP, now), getOrderSyncProgress(SHOP)]);
  timings.push(performance.now() - started);
  attention = dashboard.attention.total;
}
const warm = timings.slice(1).sort((a, b) => a - b);
console.log(`[${ENGINE}] dashboard loader at ${ORDERS.toLocaleString("en")} orders: first ${ms(timings[0])}, median of 5 warm ${ms(warm[2])} (${attention} late or at risk)`);

// 3. Admin API cost of a sync, per 1,000 orders, by pages and by bulk export.
async function costOfSync(method: "pages" | "bulk") {
  const shop = `bench-${method}.myshopify.com`;
  const fakeSeed = createSeedShop({ orderCount: SYNC_ORDERS, domain: shop });
  let virtual = Date.parse(fakeSeed.now);
  const clock = { now: () => virtual, sleep: async (wait: number) => void (virtual += wait) };
  const fake = createFakeAdminWithBulk({ shop: fakeSeed, clock: clock.now });
  const transport = async (query: string, variables?: Record<string, unknown>) => {
    const response = await fake.handle(
      new Request(fake.graphqlUrl, {
        method: "POST",
        headers: { "Content-Type": "application/json", "X-Shopify-Access-Token": fake.accessToken },
        body: JSON.stringify({ query, variables }),
      }),
    );
    return resultFromBody(await response.json());
  };
  const originalFetch = globalThis.fetch;
  globalThis.fetch = ((input: RequestInfo | URL, init?: RequestInit) => fake.handle(new Request(input, init))) as typeof fetch;
  started = performance.now();
  try {
    const sync = await runOrderSync({
      shop,
      admin: createPacedAdmin(transport as never, clock),
      grantedScopes: ["read_orders", "read_all_orders"],
      clock,
      bulkThreshold: method === "bulk" ? 0 : Number.MAX_SAFE_INTEGER,
    });
    const per1000 = (points: number) => ((points / sync.ordersSynced) * 1000).toFixed(0);
    const pages = fake.requests.filter((request) => request.operationName === "OrderSyncPage");
    const throttled = fake.requests.filter((request) => request.errorCodes.includes("THROTTLED")).length;
    console.log(
      `sync by ${method}: ${sync.ordersSynced} orders, ${method === "pages" ? `${pages.length} pages, ` : ""}` +
        `requested ${per1000(sync.requestedCost)} / actual ${per1000(sync.actualCost)} points per 1,000 orders, ` +
        `${throttled} THROTTLED, ${(clock.now() - Date.parse(fakeSeed.now)) / 1000} s of API time at 100 points/s, ` +
        `${ms(performance.now() - started)} wall`,
    );
  } finally {
    globalThis.fetch = originalFetch;
  }
}
if (ENGINE === "sqlite") {
  await costOfSync("pages");
  await costOfSync("bulk");
}
await prisma.$disconnect();
