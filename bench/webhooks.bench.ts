/**
 * Webhook write path: two app instances (the production build, as tests/load starts them) on one fresh
 * PostgreSQL database (the shop installed: its session and shipping rules stored) take signed orders/create, fulfillments/create and orders/updated deliveries for
 * BENCH_WEBHOOK_ORDERS orders, 10% redelivered to the other instance (half of those at the same
 * moment), BENCH_WEBHOOK_CONCURRENCY in flight. A delivery answered with anything but 200 is sent again,
 * as Shopify would. Prints deliveries per second, p50 / p99 latency, retries, then checks what was
 * stored: no delivery lost (every id has its receipt and its effect), none processed twice (one receipt
 * per id, one row per order, parcel and line item, and the dashboard's aggregates equal to a rebuild).
 */
import path from "node:path";
import { performance } from "node:perf_hooks";
import { median } from "./support/demo";

const ORDERS = Number(process.env.BENCH_WEBHOOK_ORDERS ?? 1_000);
const CONCURRENCY = Number(process.env.BENCH_WEBHOOK_CONCURRENCY ?? 100);
const SHOP = "bench-webhooks.myshopify.com";
const root = path.resolve(import.meta.dirname, "..");

process.env.AFTERCARE_TEST_DB = "postgres";
process.env.AFTERCARE_LOAD_BUILD ??= path.join(process.env.AFTERCARE_BUILD_DIR || "build", "server/index.js");
process.env.SHOPIFY_API_KEY ??= "bench-key";
process.env.SHOPIFY_API_SECRET ??= "bench-secret";
process.env.SHOPIFY_APP_URL ??= "https://bench.example";
const { createTestDatabase } = await import("../tests/support/test-database");
process.env.DATABASE_URL = await createTestDatabase("bench_webhooks");

const { ensureBuild } = await import("./support/demo");
if (!process.env.AFTERCARE_LOAD_BUILD.startsWith("/")) process.env.AFTERCARE_LOAD_BUILD = path.join(root, process.env.AFTERCARE_LOAD_BUILD);
ensureBuild();
const { default: prisma } = await import("../app/db.server");
const { rebuildDeliveryAggregates } = await import("../app/models/delivery/aggregates.server");
const { signedWebhookRequest } = await import("../tests/support/signing");
const { orderDeliveries, runConcurrently, seededRandom, shuffle, startAppInstance } = await import("../tests/load/load-harness");

// The shop as an installed one is: its offline session and its saved shipping rules (orders/create
// records each order's promised range from them).
await prisma.session.create({ data: { id: `offline_${SHOP}`, shop: SHOP, state: "installed", isOnline: false, scope: "read_orders", accessToken: "shpat_bench" } });
const { saveShippingRules } = await import("../app/models/shipping/settings.server");
const { sampleShippingRules } = await import("../tests/support/storefront/sample-shipping-rules");
await saveShippingRules(SHOP, sampleShippingRules());

const env = { ...process.env, SCOPES: "read_orders" };
const instances = await Promise.all([startAppInstance("instance A", env), startAppInstance("instance B", env)]);
const secret = process.env.SHOPIFY_API_SECRET!;

const latencies: number[] = [];
/** The same, for copies sent while the other instance handles the same id (the racing redeliveries). */
const racingLatencies: number[] = [];
const otherLatencies: number[] = [];
let retries = 0;
async function deliverOnce(origin: string, delivery: ReturnType<typeof orderDeliveries>[number], racing: boolean): Promise<number> {
  const request = signedWebhookRequest({
    url: `${process.env.SHOPIFY_APP_URL}/webhooks/${delivery.topic}`,
    topic: delivery.topic,
    shop: SHOP,
    payload: delivery.payload,
    secret,
    webhookId: delivery.webhookId,
  });
  const started = performance.now();
  const response = await fetch(`${origin}/webhooks/${delivery.topic}`, { method: "POST", headers: request.headers, body: await request.text() });
  await response.arrayBuffer();
  const latency = performance.now() - started;
  (racing ? racingLatencies : otherLatencies).push(latency);
  latencies.push(latency);
  return response.status;
}
/** Sends until answered 200, as Shopify retries a delivery that failed. */
async function deliver(origin: string, delivery: ReturnType<typeof orderDeliveries>[number], racing = false): Promise<void> {
  for (let attempt = 0; attempt < 20; attempt += 1) {
    if ((await deliverOnce(origin, delivery, racing)) === 200) return;
    retries += 1;
  }
  throw new Error(`${delivery.webhookId} was refused 20 times`);
}

try {
  const random = seededRandom(8);
  const placedAt = new Date(Date.now() - 3 * 86_400_000);
  const deliveries = shuffle(Array.from({ length: ORDERS }, (_, index) => orderDeliveries(index, placedAt)).flat(), random);
  const redelivered = new Set(shuffle(deliveries, random).slice(0, Math.round(deliveries.length / 10)).map((d) => d.webhookId));
  let racing = 0;
  const tasks = deliveries.map((delivery, index) => async () => {
    const [first, other] = [instances[index % 2]!.origin, instances[(index + 1) % 2]!.origin];
    if (!redelivered.has(delivery.webhookId)) return deliver(first, delivery);
    if (racing++ % 2 === 0) return void (await Promise.all([deliver(first, delivery, true), deliver(other, delivery, true)]));
    await deliver(first, delivery);
    await deliver(other, delivery);
  });
  const started = performance.now();
  await runConcurrently(tasks, CONCURRENCY);
  const seconds = (performance.now() - started) / 1000;

  const p99Of = (values: number[]) => {
    const sorted = [...values].sort((a, b) => a - b);
    return sorted[Math.min(sorted.length - 1, Math.floor(sorted.length * 0.99))] ?? 0;
  };
  const p99 = p99Of(latencies);
  console.log(
    `[postgresql] webhooks on 2 instances: ${latencies.length} deliveries (${deliveries.length} distinct, ${CONCURRENCY} in flight) in ${seconds.toFixed(1)} s = ` +
      `${(latencies.length / seconds).toFixed(0)} deliveries/s, p50 ${median(latencies).toFixed(0)} ms, p99 ${p99.toFixed(0)} ms, ${retries} answered non-200 and sent again`,
  );
  console.log(
    `[postgresql] webhook latency apart: ${racingLatencies.length} copies racing the other instance on the same id, p99 ${p99Of(racingLatencies).toFixed(0)} ms; ` +
      `the other ${otherLatencies.length}, p50 ${median(otherLatencies).toFixed(0)} ms, p99 ${p99Of(otherLatencies).toFixed(0)} ms`,
  );

  const receipts = await prisma.processedWebhook.count({ where: { shop: SHOP } });
  const orders = await prisma.order.count({ where: { shop: SHOP } });
  const parcels = await prisma.orderFulfillment.count({ where: { shop: SHOP } });
  const lineItems = await prisma.orderLineItem.count({ where: { shop: SHOP } });
  const corrected = await prisma.order.count({ where: { shop: SHOP, countryCode: "CA" } });
  const promises = await prisma.deliveryPromise.count({ where: { shop: SHOP } });
  const contacts = await prisma.orderContact.count({ where: { shop: SHOP } });
  const readAggregates = async () =>
    JSON.stringify([
      await prisma.deliveryStatusCount.groupBy({ by: ["shipmentStatus", "deliveredLate"], where: { shop: SHOP }, _sum: { orders: true }, orderBy: { shipmentStatus: "asc" } }),
      (await prisma.deliveryDurationHistogram.findMany({ where: { shop: SHOP }, orderBy: [{ week: "asc" }, { countryCode: "asc" }, { metric: "asc" }] })).filter((row) => row.counts !== "[]"),
    ]);
  const kept = await readAggregates();
  await prisma.$transaction((tx) => rebuildDeliveryAggregates(tx, SHOP));
  const rebuilt = await readAggregates();
  const lost = deliveries.length - receipts + (ORDERS - corrected) + (ORDERS - promises) + (ORDERS - contacts);
  const twice = receipts - deliveries.length + (orders - ORDERS) + (parcels - ORDERS) + (lineItems - ORDERS) + (kept === rebuilt ? 0 : 1);
  console.log(
    `[postgresql] webhooks stored: ${receipts} receipts, ${orders} orders (${corrected} with the newest copy), ${parcels} parcels, ${lineItems} line items, ${promises} promised ranges, ${contacts} shopper emails, ` +
      `aggregates ${kept === rebuilt ? "equal to" : "DIFFERENT from"} a rebuild: ${lost} lost, ${twice} processed twice`,
  );
} finally {
  await Promise.all(instances.map((instance) => instance.stop()));
  await prisma.$disconnect();
}
