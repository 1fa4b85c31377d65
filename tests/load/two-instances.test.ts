/**
 * Two app processes on one PostgreSQL database, as a shop that outgrew one machine runs Aftercare.
 * Over loopback: 1,000 signed webhook deliveries (10% redelivered to the other instance, some racing the
 * first copy, arrival order shuffled) and 250 concurrent review submissions through the signed app proxy
 * (the outbox sender on two instances at once is two-senders.test.ts).
 * Expected: nothing lost, nothing stored or sent twice, every duplicate answered 200.
 * Sized to prove the races (50 requests in flight, both instances busy) within the suite's time; the
 * throughput figures it prints are indicative only (`npm run bench` is where speed is measured).
 */
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import prisma from "../../app/db.server";
import { signReviewToken } from "../../app/models/reviews/token";
import { signAppProxyUrl, signedWebhookRequest } from "../support/signing";
import { startSmtpServer, type TestSmtpServer } from "../support/smtp";
import { testDatabaseEngine } from "../support/test-database";
import { TEST_API_SECRET, TEST_APP_URL } from "../support/test-env";
import {
  orderDeliveries,
  report,
  runConcurrently,
  seededRandom,
  shuffle,
  startAppInstance,
  timed,
  loadTestEnv,
  type AppInstance,
  type Delivery,
} from "./load-harness";

const SHOP = "load-test.myshopify.com";
const ORDERS = 300; // x 3 topics = 900 distinct deliveries, + 100 redeliveries = 1,000
const REDELIVERIES = 100;
const REVIEWS = 250;
const CONCURRENCY = 50;

describe.runIf(testDatabaseEngine() === "postgresql")("two app instances on one PostgreSQL (load)", () => {
  let instances: AppInstance[] = [];
  let smtp: TestSmtpServer;
  const env = () => loadTestEnv(smtp.url);

  beforeAll(async () => {
    smtp = await startSmtpServer();
    instances = await Promise.all([startAppInstance("instance A", env()), startAppInstance("instance B", env())]);
  }, 60_000);

  afterAll(async () => {
    await Promise.all(instances.map((instance) => instance.stop()));
    await smtp?.close();
  });

  async function post(instance: AppInstance, request: Request): Promise<number> {
    const target = new URL(request.url);
    const response = await fetch(`${instance.origin}${target.pathname}${target.search}`, {
      method: "POST",
      headers: request.headers,
      body: await request.text(),
    });
    await response.arrayBuffer();
    return response.status;
  }

  function deliver(instance: AppInstance, delivery: Delivery): Promise<number> {
    const route = `/webhooks/${delivery.topic}`;
    return post(
      instance,
      signedWebhookRequest({
        url: `${TEST_APP_URL}${route}`,
        topic: delivery.topic,
        shop: SHOP,
        payload: delivery.payload,
        secret: TEST_API_SECRET,
        webhookId: delivery.webhookId,
      }),
    );
  }

  it("stores every webhook once, whichever instance gets it and in whatever order", async () => {
    const random = seededRandom(8);
    const placedAt = new Date(Date.now() - 3 * 86_400_000);
    const deliveries = shuffle(
      Array.from({ length: ORDERS }, (_, index) => orderDeliveries(index, placedAt)).flat(),
      random,
    );
    const redelivered = new Set(shuffle(deliveries, random).slice(0, REDELIVERIES).map((delivery) => delivery.webhookId));
    let racing = 0;
    // Each task sends one delivery; a redelivery goes to the other instance, half of them at the same moment.
    const tasks = deliveries.map((delivery, index) => async () => {
      const first = instances[index % 2]!;
      const other = instances[(index + 1) % 2]!;
      if (!redelivered.has(delivery.webhookId)) return [await deliver(first, delivery)];
      if (racing++ % 2 === 0) return Promise.all([deliver(first, delivery), deliver(other, delivery)]);
      const status = await deliver(first, delivery);
      return [status, await deliver(other, delivery)];
    });
    const { result, ms } = await timed(() => runConcurrently(tasks, CONCURRENCY));
    const statuses = result.flat();
    report("webhook deliveries (2 instances)", statuses.length, ms);

    expect(statuses).toHaveLength(ORDERS * 3 + REDELIVERIES);
    const failed = statuses.filter((status) => status !== 200);
    expect(failed, failed.length ? instances.map((instance) => `${instance.name}:\n${instance.output().slice(-4000)}`).join("\n") : "").toEqual([]);
    expect(await prisma.processedWebhook.count({ where: { shop: SHOP } })).toBe(ORDERS * 3);
    expect(await prisma.order.count({ where: { shop: SHOP } })).toBe(ORDERS);
    expect(await prisma.orderLineItem.count({ where: { shop: SHOP } })).toBe(ORDERS);
    expect(await prisma.orderFulfillment.count({ where: { shop: SHOP } })).toBe(ORDERS);
    // The address correction (the newest copy) wins everywhere, even where it arrived before orders/create.
    expect(await prisma.order.groupBy({ by: ["countryCode"], where: { shop: SHOP }, _count: true })).toEqual([
      { countryCode: "CA", _count: ORDERS },
    ]);
  }, 240_000);

  it(`stores ${REVIEWS} concurrent reviews sent through the app proxy to both instances`, async () => {
    const now = new Date();
    const lines = Array.from({ length: REVIEWS }, (_, index) => ({
      orderId: `gid://shopify/Order/${5_000_000_000 + index}`,
      lineItemId: `gid://shopify/LineItem/${5_100_000_000 + index}`,
    }));
    await prisma.order.createMany({
      data: lines.map((line, index) => ({
        shop: SHOP,
        id: line.orderId,
        name: `#R${index}`,
        fulfillmentStatus: "FULFILLED",
        createdAt: now,
        shopifyUpdatedAt: now,
        shipmentStatus: "delivered",
        createdWeek: "2026-11-16",
      })),
    });
    await prisma.orderLineItem.createMany({
      data: lines.map((line) => ({
        shop: SHOP,
        id: line.lineItemId,
        orderId: line.orderId,
        productId: "gid://shopify/Product/632910392",
        title: "Linen apron",
        quantity: 1,
      })),
    });

    const tasks = lines.map((line, index) => async () => {
      const instance = instances[index % 2]!;
      const token = signReviewToken({ shop: SHOP, ...line }, TEST_API_SECRET, now);
      const url = signAppProxyUrl({ url: `${instance.origin}/proxy/review`, shop: SHOP, secret: TEST_API_SECRET });
      const response = await fetch(url, {
        method: "POST",
        // Each review comes from another shopper's address, as through Shopify's proxy.
        headers: { "Content-Type": "application/x-www-form-urlencoded", "X-Forwarded-For": `10.${index >> 8}.${index & 255}.1` },
        body: new URLSearchParams({ intent: "review", token, rating: String((index % 5) + 1), title: `Review ${index}`, body: "Soft and sturdy." }),
      });
      await response.arrayBuffer();
      return response.status;
    });
    const { result, ms } = await timed(() => runConcurrently(tasks, REVIEWS));
    report("review submissions (2 instances)", result.length, ms);

    const failed = result.filter((status) => status !== 200);
    expect(failed, failed.length ? instances.map((instance) => `${instance.name}:\n${instance.output().slice(-4000)}`).join("\n") : "").toEqual([]);
    expect(await prisma.review.count({ where: { shop: SHOP } })).toBe(REVIEWS);
  }, 240_000);
});
