/**
 * Delivery dashboard at scale: two shops in one fresh database, 100,000 orders over 120 days and
 * 1,000,000 over 1,200 days (the same orders a day, ten times the history), seeded in bulk
 * (bench/support/bulk-orders.ts) with the dashboard's aggregates rebuilt from them; then the dashboard
 * loader's database work, timed for both shops side by side, and once for the 100,000-order shop the
 * direct computation over every order it replaced (tests/integration/dashboard-exact-sql.ts). Then
 * (SQLite run only) syncs a fake shop by pages and by bulk export and prints the Admin API cost per
 * 1,000 orders. BENCH_ENGINE=postgresql runs on PostgreSQL (127.0.0.1, the role `npm run setup`
 * creates; AFTERCARE_TEST_PG_URL overrides it). BENCH_SHOPS="100000:120,1000000:1200" sets the shops
 * (orders:days of history); BENCH_EXACT=0 skips the direct computation.
 */
import { mkdirSync, readFileSync, readdirSync, rmSync } from "node:fs";
import path from "node:path";
import { performance } from "node:perf_hooks";
import { createClient } from "@libsql/client";
import pg from "pg";
import { insertPostgres, insertSqlite, makeOrders, withoutOrderIndexes } from "./support/bulk-orders";

const SHOPS = (process.env.BENCH_SHOPS ?? "100000:120,1000000:1200").split(",").map((spec) => {
  const [orders, days] = spec.split(":").map(Number);
  return { orders, days, domain: `bench-${orders}.myshopify.com` };
});
const SYNC_ORDERS = Number(process.env.BENCH_SYNC_ORDERS ?? 5_000);
const WARM_RUNS = Number(process.env.BENCH_RUNS ?? 9);
const root = path.resolve(import.meta.dirname, "..");
const NOW = Date.parse("2026-12-02T12:00:00Z");

async function freshDatabase(): Promise<string> {
  const dir = path.join(root, "bench/.tmp");
  mkdirSync(dir, { recursive: true });
  const file = path.join(dir, "dashboard.sqlite");
  for (const suffix of ["", "-journal", "-wal", "-shm"]) rmSync(file + suffix, { force: true });
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
const { getDeliveryDashboard } = await import("../app/models/delivery/performance.server");
const { rebuildDeliveryAggregates } = await import("../app/models/delivery/aggregates.server");
const { getOrderSyncProgress, runOrderSync } = await import("../app/shopify/order-sync.server");
const { createPacedAdmin } = await import("../app/shopify/paced-admin");
const { resultFromBody } = await import("../app/shopify/admin-transport");
const { createSeedShop } = await import("../tests/support/fake-admin/seed");
const { createFakeAdminWithBulk } = await import("../tests/support/fake-admin/bulk-operations");
const { exactDeliveryDashboard } = await import("../tests/integration/dashboard-exact-sql");

const ms = (value: number) => `${value.toFixed(1)} ms`;
const median = (values: number[]) => [...values].sort((a, b) => a - b)[Math.floor(values.length / 2)];

// 1. Each shop's orders, made and inserted 50,000 at a time, then its aggregates rebuilt from them.
const BATCH = 50_000;
const sqlite = ENGINE === "sqlite" ? createClient({ url: process.env.DATABASE_URL! }) : null;
const postgres = ENGINE === "postgresql" ? new pg.Client({ connectionString: process.env.DATABASE_URL }) : null;
await postgres?.connect();
const run = async (sql: string) =>
  sqlite ? (await sqlite.execute(sql)).rows.map((row) => ({ ...row })) : (await postgres!.query(sql)).rows;
let started = performance.now();
const recreateIndexes = await withoutOrderIndexes(run, ENGINE);
for (const [index, shop] of SHOPS.entries()) {
  started = performance.now();
  for (let first = 0; first < shop.orders; first += BATCH) {
    const rows = makeOrders({ seed: 1000 + index * 7919 + first, first: first + 1001, count: Math.min(BATCH, shop.orders - first), historyDays: shop.days, now: NOW });
    if (sqlite) await insertSqlite(sqlite, shop.domain, rows);
    else await insertPostgres(postgres!, shop.domain, rows);
  }
  const inserted = performance.now() - started;
  started = performance.now();
  await prisma.$transaction((tx) => rebuildDeliveryAggregates(tx, shop.domain), { timeout: 600_000 });
  const aggregated = performance.now() - started;
  console.log(
    `[${ENGINE}] seeded ${shop.orders.toLocaleString("en")} orders (${shop.days} days) in ${((inserted + aggregated) / 1000).toFixed(1)} s ` +
      `(rows ${(inserted / 1000).toFixed(1)} s, aggregates ${(aggregated / 1000).toFixed(1)} s)`,
  );
}
started = performance.now();
await recreateIndexes();
console.log(`[${ENGINE}] order indexes built over all ${SHOPS.reduce((sum, shop) => sum + shop.orders, 0).toLocaleString("en")} orders in ${((performance.now() - started) / 1000).toFixed(1)} s`);
if (postgres) {
  await postgres.query('ANALYZE "Order"; ANALYZE "OrderFulfillment"; ANALYZE "DeliveryStatusCount"; ANALYZE "DeliveryDurationHistogram"');
  await postgres.end();
}
sqlite?.close();

// 2. The dashboard loader's database work (the Admin API call for the shop's name aside), shops in turn.
const now = new Date(NOW);
const timings = new Map(SHOPS.map((shop) => [shop.domain, [] as number[]]));
const attention = new Map<string, number>();
for (let run = 0; run <= WARM_RUNS; run += 1) {
  for (const shop of SHOPS) {
    const started = performance.now();
    const [dashboard] = await Promise.all([getDeliveryDashboard(shop.domain, now), getOrderSyncProgress(shop.domain)]);
    timings.get(shop.domain)!.push(performance.now() - started);
    attention.set(shop.domain, dashboard.attention.total);
  }
}
const medians = SHOPS.map((shop) => median(timings.get(shop.domain)!.slice(1)));
for (const [i, shop] of SHOPS.entries()) {
  const all = timings.get(shop.domain)!;
  console.log(
    `[${ENGINE}] dashboard loader at ${shop.orders.toLocaleString("en")} orders: first ${ms(all[0])}, median of ${WARM_RUNS} warm ${ms(medians[i])}` +
      `${i > 0 ? `, ${(medians[i] / medians[0]).toFixed(2)}x the ${SHOPS[0].orders.toLocaleString("en")}-order shop` : ""} (${attention.get(shop.domain)} late or at risk)`,
  );
}
// Where a warm load's time goes, for the largest shop: each of the loader's three reads alone.
{
  const { countOrdersByDeliveryState, getTiming, listOrdersNeedingAttention } = await import("../app/models/delivery/performance.server");
  const { DASHBOARD_WEEKS } = await import("../app/models/delivery/performance.server");
  const { weekOf } = await import("../app/models/orders/record");
  const shop = SHOPS[SHOPS.length - 1];
  const fromWeek = weekOf(new Date(now.getTime() - (DASHBOARD_WEEKS - 1) * 7 * 86_400_000));
  const parts: Record<string, () => Promise<unknown>> = {
    "state counts": () => countOrdersByDeliveryState(shop.domain, now),
    "timing (histograms)": () => getTiming(shop.domain, fromWeek),
    "attention lists": () => listOrdersNeedingAttention(shop.domain, now, 25),
  };
  for (const [label, part] of Object.entries(parts)) {
    const times: number[] = [];
    for (let run = 0; run < 5; run += 1) {
      const started = performance.now();
      await part();
      times.push(performance.now() - started);
    }
    console.log(`[${ENGINE}]   of which ${label} alone: median of 5 ${ms(median(times))}`);
  }
}
// The shopper's order-status look-up by order number (floor off), in each shop: it must not grow with history.
{
  const { lookUpOrderStatus } = await import("../app/models/orders/status.server");
  for (const shop of SHOPS) {
    const times: number[] = [];
    for (let run = 0; run < 20; run += 1) {
      const number = 1001 + Math.floor((run * shop.orders) / 20);
      const started = performance.now();
      await lookUpOrderStatus(shop.domain, { orderNumber: String(number), email: "nobody@example.test" }, { minAnswerMs: 0, now });
      times.push(performance.now() - started);
    }
    console.log(`[${ENGINE}] order-status look-up at ${shop.orders.toLocaleString("en")} orders: median of 20 ${ms(median(times))}`);
  }
}
if (process.env.BENCH_EXACT !== "0") {
  const shop = SHOPS[0];
  const exact: number[] = [];
  for (let run = 0; run < 3; run += 1) {
    const started = performance.now();
    await exactDeliveryDashboard(shop.domain, now);
    exact.push(performance.now() - started);
  }
  console.log(`[${ENGINE}] direct computation over every order (before the aggregates) at ${shop.orders.toLocaleString("en")} orders: median of 3 ${ms(median(exact))}`);
}

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
  const started = performance.now();
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
if (ENGINE === "sqlite" && SYNC_ORDERS > 0) {
  await costOfSync("pages");
  await costOfSync("bulk");
}
await prisma.$disconnect();
