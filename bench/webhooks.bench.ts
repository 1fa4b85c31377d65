/**
 * Webhook write path: two app instances (the production build, as tests/load starts them) on one fresh
 * PostgreSQL database (the shops installed: sessions and shipping rules stored). A warm-up shop's
 * deliveries go first, while the freshly started instances compile their code and open their
 * connections (printed apart). Then signed orders/create, fulfillments/create and orders/updated
 * deliveries for BENCH_WEBHOOK_ORDERS orders, 10% redelivered to the other instance (half of those at
 * the same moment), BENCH_WEBHOOK_CONCURRENCY in flight; a delivery answered with anything but 200 is
 * sent again, as Shopify would. Prints deliveries per second, p50 / p99 latency, retries and the CPU per
 * delivery of the instances, PostgreSQL and the sender, then checks what was stored: no delivery lost
 * (every id has its receipt and its effect), none processed twice (one receipt per id, one row per
 * order, parcel and line item, and the dashboard's aggregates equal to a rebuild).
 */
import http from "node:http";
import os from "node:os";
import path from "node:path";
import { performance } from "node:perf_hooks";
import { median, postgresCpuMs, processCpuMs } from "./support/demo";

const ORDERS = Number(process.env.BENCH_WEBHOOK_ORDERS ?? 1_000);
const CONCURRENCY = Number(process.env.BENCH_WEBHOOK_CONCURRENCY ?? 100);
const SHOP = "bench-webhooks.myshopify.com";
const WARM_UP_SHOP = "bench-webhooks-warm-up.myshopify.com";
const WARM_UP_ORDERS = Number(process.env.BENCH_WEBHOOK_WARM_UP_ORDERS ?? 200);
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

// The shops as installed ones are: their offline session and saved shipping rules (orders/create
// records each order's promised range from them). The warm-up shop takes the first deliveries.
const { saveShippingRules } = await import("../app/models/shipping/settings.server");
const { sampleShippingRules } = await import("../tests/support/storefront/sample-shipping-rules");
for (const shop of [SHOP, WARM_UP_SHOP]) {
  await prisma.session.create({ data: { id: `offline_${shop}`, shop, state: "installed", isOnline: false, scope: "read_orders", accessToken: "shpat_bench" } });
  await saveShippingRules(shop, sampleShippingRules());
}

const env = { ...process.env, SCOPES: "read_orders" };
const instances = await Promise.all([startAppInstance("instance A", env), startAppInstance("instance B", env)]);
const secret = process.env.SHOPIFY_API_SECRET!;

// Shopify's side of the bench on as little of the shared CPU as it can: plain HTTP/1.1 on kept-alive
// connections (fetch cost the sender about twice as much per delivery).
const agent = new http.Agent({ keepAlive: true });
/** What Shopify's deliveries carry besides their own X-Shopify-* headers. */
const SHOPIFY_SENDER_HEADERS = { "user-agent": "Shopify-Captain-Hook", accept: "*/*", "accept-encoding": "gzip;q=1.0,deflate;q=0.6,identity;q=0.3" };
function post(url: string, headers: Record<string, string>, body: string): Promise<number> {
  return new Promise((resolve, reject) => {
    const request = http.request(url, { method: "POST", agent, headers: { ...SHOPIFY_SENDER_HEADERS, ...headers, "content-length": Buffer.byteLength(body) } }, (response) => {
      response.resume();
      response.on("end", () => resolve(response.statusCode ?? 0));
      response.on("error", reject);
    });
    request.on("error", reject);
    request.end(body);
  });
}

type Delivery = ReturnType<typeof orderDeliveries>[number];
interface Run {
  latencies: number[];
  /** The same, for copies sent while the other instance handles the same id (the racing redeliveries). */
  racingLatencies: number[];
  otherLatencies: number[];
  retries: number;
}

async function deliverOnce(run: Run, shop: string, origin: string, delivery: Delivery, racing: boolean): Promise<number> {
  const request = signedWebhookRequest({
    url: `${process.env.SHOPIFY_APP_URL}/webhooks/${delivery.topic}`,
    topic: delivery.topic,
    shop,
    payload: delivery.payload,
    secret,
    webhookId: delivery.webhookId,
  });
  const body = await request.text();
  const started = performance.now();
  const status = await post(`${origin}/webhooks/${delivery.topic}`, Object.fromEntries(request.headers), body);
  const latency = performance.now() - started;
  (racing ? run.racingLatencies : run.otherLatencies).push(latency);
  run.latencies.push(latency);
  return status;
}
/** Sends until answered 200, as Shopify retries a delivery that failed. */
async function deliver(run: Run, shop: string, origin: string, delivery: Delivery, racing = false): Promise<void> {
  for (let attempt = 0; attempt < 20; attempt += 1) {
    if ((await deliverOnce(run, shop, origin, delivery, racing)) === 200) return;
    run.retries += 1;
  }
  throw new Error(`${delivery.webhookId} was refused 20 times`);
}

/** Every delivery of `orders` orders (from `firstIndex`) to the instances in turn, 10% redelivered to the other. */
async function deliverAll(shop: string, firstIndex: number, orders: number): Promise<Run & { deliveries: Delivery[]; seconds: number }> {
  const random = seededRandom(8);
  const placedAt = new Date(Date.now() - 3 * 86_400_000);
  const deliveries = shuffle(Array.from({ length: orders }, (_, index) => orderDeliveries(firstIndex + index, placedAt)).flat(), random);
  const redelivered = new Set(shuffle(deliveries, random).slice(0, Math.round(deliveries.length / 10)).map((d) => d.webhookId));
  const run: Run = { latencies: [], racingLatencies: [], otherLatencies: [], retries: 0 };
  let racing = 0;
  const tasks = deliveries.map((delivery, index) => async () => {
    const [first, other] = [instances[index % 2]!.origin, instances[(index + 1) % 2]!.origin];
    if (!redelivered.has(delivery.webhookId)) return deliver(run, shop, first, delivery);
    if (racing++ % 2 === 0) return void (await Promise.all([deliver(run, shop, first, delivery, true), deliver(run, shop, other, delivery, true)]));
    await deliver(run, shop, first, delivery);
    await deliver(run, shop, other, delivery);
  });
  const started = performance.now();
  await runConcurrently(tasks, CONCURRENCY);
  return { ...run, deliveries, seconds: (performance.now() - started) / 1000 };
}

const p99Of = (values: number[]) => {
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[Math.min(sorted.length - 1, Math.floor(sorted.length * 0.99))] ?? 0;
};

try {
  // Freshly started instances first compile their code and open their database connections: the
  // warm-up shop's deliveries pay for that (printed apart), then the measured run starts.
  const warmUp = await deliverAll(WARM_UP_SHOP, 1_000_000, WARM_UP_ORDERS);
  console.log(
    `[postgresql] warm-up on the freshly started instances (another shop): ${warmUp.latencies.length} deliveries in ${warmUp.seconds.toFixed(1)} s, ` +
      `p50 ${median(warmUp.latencies).toFixed(0)} ms, p99 ${p99Of(warmUp.latencies).toFixed(0)} ms`,
  );

  const cpuOf = () => ({
    instances: instances.reduce((sum, instance) => sum + processCpuMs(instance.pid), 0),
    postgres: postgresCpuMs(),
    sender: (process.cpuUsage().user + process.cpuUsage().system) / 1000,
  });
  const cpuBefore = cpuOf();
  const { latencies, racingLatencies, otherLatencies, retries, deliveries, seconds } = await deliverAll(SHOP, 0, ORDERS);
  const cpuAfter = cpuOf();

  const p99 = p99Of(latencies);
  console.log(
    `[postgresql] webhooks on 2 instances: ${latencies.length} deliveries (${deliveries.length} distinct, ${CONCURRENCY} in flight) in ${seconds.toFixed(1)} s = ` +
      `${(latencies.length / seconds).toFixed(0)} deliveries/s, p50 ${median(latencies).toFixed(0)} ms, p99 ${p99.toFixed(0)} ms, ${retries} answered non-200 and sent again`,
  );
  console.log(
    `[postgresql] webhook latency apart: ${racingLatencies.length} copies racing the other instance on the same id, p99 ${p99Of(racingLatencies).toFixed(0)} ms; ` +
      `the other ${otherLatencies.length}, p50 ${median(otherLatencies).toFixed(0)} ms, p99 ${p99Of(otherLatencies).toFixed(0)} ms`,
  );

  const perDelivery = (key: keyof typeof cpuBefore) => ((cpuAfter[key] - cpuBefore[key]) / latencies.length).toFixed(2);
  console.log(
    `[postgresql] CPU per delivery on this machine's ${os.availableParallelism()} cores: app instances ${perDelivery("instances")} ms, ` +
      `PostgreSQL ${perDelivery("postgres")} ms, the bench's sender (signing and sending, Shopify's part) ${perDelivery("sender")} ms`,
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
