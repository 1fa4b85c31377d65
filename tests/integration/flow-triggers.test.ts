import { afterAll, beforeAll, beforeEach, describe, expect, it } from "vitest";
import prisma from "../../app/db.server";
import { enqueueDelayNotices } from "../../app/jobs/delay-notices.server";
import { sendDueFlowEvents } from "../../app/jobs/flow-events.server";
import { recordDeliveryPromise } from "../../app/models/delays/delay.server";
import { MAX_SEND_ATTEMPTS, retryDelayMs } from "../../app/models/email/outbox-policy";
import { recordBuyerReview } from "../../app/models/reviews/submission.server";
import { openHelpRequest, saveReviewSettings, getReviewSettings } from "../../app/models/reviews/review.server";
import { recordSurveyAnswer } from "../../app/models/surveys/survey.server";
import { createFakeAdmin, type FakeAdmin } from "../support/fake-admin/server";
import { fakeFlow } from "../support/fake-admin/flow";
import { createSeedShop } from "../support/fake-admin/seed";
import { flowTrigger, payloadKeyOf } from "../support/flow-extensions";
import { days, seedOrder } from "../support/keep-in-touch-fixtures";
import { storeOfflineSession } from "../support/sessions";
import { routeShop } from "../support/shopify-network";
import { TEST_SHOP } from "../support/test-env";
import { webhookRequest } from "../support/app-requests";

/**
 * Shopify Flow triggers end to end: the event happens in the app, a row is queued once, the job sends it
 * with the shop's offline session to the fake Admin API (the real 2026-07 schema), and Flow receives
 * exactly one flowTriggerReceive whose payload has the fields the trigger's toml declares.
 */

const shop = TEST_SHOP;
const t0 = new Date("2026-05-01T08:00:00Z");
const at = (offset: number) => new Date(t0.getTime() + days(offset));
let fake: FakeAdmin;
let mug: string;
let orderSeq = 500;

const declaredKeys = (handle: string) => flowTrigger(handle).fields.map(payloadKeyOf).sort();
const calls = (handle: string) => fakeFlow(fake.state).callsFor(handle);

async function onPlan(plan: "free" | "growth") {
  await prisma.shopPlan.upsert({ where: { shop }, create: { shop, plan, checkedAt: new Date() }, update: { plan, checkedAt: new Date() } });
}

/** A delivered order of customer 7001 with one line of the mug. */
async function deliveredOrder(customer = "7001") {
  orderSeq += 1;
  const id = `gid://shopify/Order/${orderSeq}`;
  const lineItemId = `gid://shopify/LineItem/${orderSeq}1`;
  await seedOrder(shop, {
    id,
    name: `#${orderSeq}`,
    createdAt: at(-10),
    customerId: `gid://shopify/Customer/${customer}`,
    email: `c${customer}@example.test`,
    firstName: "Sari",
    parcels: [{ id: `gid://shopify/Fulfillment/${orderSeq}`, inTransitAt: at(-9), deliveredAt: at(-8) }],
    lineItems: [{ id: lineItemId, productId: mug, title: "Enamel mug", sku: null, quantity: 1 }],
  });
  return { orderId: id, lineItemId, line: { orderId: id, lineItemId, productId: mug, productTitle: "Enamel mug" } };
}

/** Two job runs, as two scheduler ticks would: a sent event is never sent again. */
async function sendTwice(now = new Date()) {
  const first = await sendDueFlowEvents({ now });
  const second = await sendDueFlowEvents({ now: new Date(now.getTime() + 60_000) });
  return { first, second };
}

beforeAll(async () => {
  fake = createFakeAdmin({ shop: createSeedShop({ domain: shop }), accessToken: "shpat_installed" });
  await storeOfflineSession({ accessToken: "shpat_installed" });
  [mug] = [...fake.state.products.keys()];
});

beforeEach(async () => {
  routeShop(shop, fake.handle);
  await onPlan("growth");
});

afterAll(async () => {
  await prisma.flowEvent.deleteMany({ where: { shop } });
});

describe("Flow triggers on the Growth plan", () => {
  it("a review submitted twice for one line reaches Flow once, with the toml's fields", async () => {
    const { line } = await deliveredOrder();
    const before = calls("review-submitted").length;
    const review = await recordBuyerReview(shop, line, { rating: 4, title: "Good", body: "Keeps it hot." }, "email");
    await recordBuyerReview(shop, line, { rating: 5, title: "Better", body: "Still hot." }, "storefront");
    const { first, second } = await sendTwice();

    expect(first.sent).toBe(1);
    expect(second.claimed).toBe(0);
    const sent = calls("review-submitted").slice(before);
    expect(sent).toHaveLength(1);
    expect(Object.keys(sent[0].payload).sort()).toEqual(declaredKeys("review-submitted"));
    expect(sent[0].payload).toEqual({
      customer_id: 7001,
      order_id: Number(line.orderId.split("/").pop()),
      product_id: Number(mug.split("/").pop()),
      Rating: 4,
      "Verified buyer": true,
    });
    const row = await prisma.flowEvent.findUniqueOrThrow({ where: { shop_dedupeKey: { shop, dedupeKey: `flow:review-submitted:${review.id}` } } });
    expect(row.status).toBe("sent");
    // 4 stars is above the default threshold of 2: no "rated low".
    expect(await prisma.flowEvent.count({ where: { shop, dedupeKey: `flow:review-low-rating:${review.id}` } })).toBe(0);
  });

  it("a rating at or below the threshold also fires Review rated low, once; the threshold is the shop's setting", async () => {
    const before = calls("review-low-rating").length;
    const low = await deliveredOrder();
    await recordBuyerReview(shop, low.line, { rating: 2, title: "Chipped", body: "Arrived chipped." }, "email");
    await recordBuyerReview(shop, low.line, { rating: 2, title: "Chipped", body: "Arrived chipped, twice." }, "email");
    const three = await deliveredOrder();
    await recordBuyerReview(shop, three.line, { rating: 3, title: "Fine", body: "Okay." }, "email");
    await sendTwice();

    let sent = calls("review-low-rating").slice(before);
    expect(sent).toHaveLength(1);
    expect(Object.keys(sent[0].payload).sort()).toEqual(declaredKeys("review-low-rating"));
    expect(sent[0].payload).toMatchObject({ Rating: 2, Threshold: 2, order_id: Number(low.orderId.split("/").pop()) });

    // The merchant raises the threshold to 3: a 3-star review now counts as low.
    const settings = await getReviewSettings(shop);
    await saveReviewSettings(shop, { ...settings, lowRatingThreshold: 3 });
    const later = await deliveredOrder();
    await recordBuyerReview(shop, later.line, { rating: 3, title: "Meh", body: "Meh." }, "email");
    await sendTwice();
    sent = calls("review-low-rating").slice(before);
    expect(sent).toHaveLength(2);
    expect(sent[1].payload).toMatchObject({ Rating: 3, Threshold: 3, order_id: Number(later.orderId.split("/").pop()) });
    await saveReviewSettings(shop, { ...settings, lowRatingThreshold: 2 });
  });

  it("a detractor's survey answer, given twice, fires Survey detractor once; a promoter fires nothing", async () => {
    const before = calls("survey-detractor").length;
    const detractor = await deliveredOrder("7002");
    const promoter = await deliveredOrder("7003");
    await recordSurveyAnswer(shop, { orderId: detractor.orderId, kind: "nps", value: 4, comment: "Slow", source: "email" });
    await recordSurveyAnswer(shop, { orderId: detractor.orderId, kind: "nps", value: 3, comment: "Slower", source: "storefront" });
    await recordSurveyAnswer(shop, { orderId: promoter.orderId, kind: "nps", value: 10, comment: null, source: "email" });
    await sendTwice();

    const sent = calls("survey-detractor").slice(before);
    expect(sent).toHaveLength(1);
    expect(Object.keys(sent[0].payload).sort()).toEqual(declaredKeys("survey-detractor"));
    expect(sent[0].payload).toEqual({ customer_id: 7002, order_id: Number(detractor.orderId.split("/").pop()), "Survey type": "NPS", Score: 4 });
  });

  it("CSAT 1-2 and CES 1-3 count as detractors; CSAT 3 does not", async () => {
    const before = calls("survey-detractor").length;
    const csat = await deliveredOrder();
    const ces = await deliveredOrder();
    const neutral = await deliveredOrder();
    await recordSurveyAnswer(shop, { orderId: csat.orderId, kind: "csat", value: 2, comment: null, source: "email" });
    await recordSurveyAnswer(shop, { orderId: ces.orderId, kind: "ces", value: 3, comment: null, source: "email" });
    await recordSurveyAnswer(shop, { orderId: neutral.orderId, kind: "csat", value: 3, comment: null, source: "email" });
    await sendTwice();
    expect(calls("survey-detractor").slice(before).map((call) => [call.payload["Survey type"], call.payload.Score])).toEqual([
      ["CSAT", 2],
      ["CES", 3],
    ]);
  });

  it("asking for help twice about one line fires Help requested once, with the shopper's message on one line", async () => {
    const before = calls("help-requested").length;
    const { orderId, lineItemId } = await deliveredOrder();
    await openHelpRequest(shop, { orderId, lineItemId, message: "The box was\ncrushed" });
    await openHelpRequest(shop, { orderId, lineItemId, message: "Hello?" });
    await sendTwice();

    const sent = calls("help-requested").slice(before);
    expect(sent).toHaveLength(1);
    expect(Object.keys(sent[0].payload).sort()).toEqual(declaredKeys("help-requested"));
    expect(sent[0].payload).toEqual({ customer_id: 7001, order_id: Number(orderId.split("/").pop()), product_id: Number(mug.split("/").pop()), Message: "The box was crushed" });
  });

  it("a late order's delay notice, found by two runs of the check, fires Delivery late once", async () => {
    const before = calls("delivery-late").length;
    const order = { id: "gid://shopify/Order/9101", name: "#9101", createdAt: t0, customerId: "gid://shopify/Customer/7004", email: "late@example.test", parcels: [{ id: "gid://shopify/Fulfillment/9101", inTransitAt: at(1) }] };
    await seedOrder(shop, order);
    await recordDeliveryPromise(shop, order.id, { earliest: "2026-05-04", latest: "2026-05-06", dispatchDate: "2026-05-02" }, "UTC", t0);
    const firstRun = await enqueueDelayNotices(shop, at(7));
    await enqueueDelayNotices(shop, at(7.5));
    expect(firstRun.enqueued).toBeGreaterThanOrEqual(1);
    await sendTwice(at(7.5));

    const sent = calls("delivery-late").slice(before).filter((call) => call.payload.order_id === 9101);
    expect(sent).toHaveLength(1);
    expect(Object.keys(sent[0].payload).sort()).toEqual(declaredKeys("delivery-late"));
    expect(sent[0].payload).toEqual({ customer_id: 7004, order_id: 9101, "Promised by": "2026-05-06" });
  });
});

describe("Return requested", () => {
  it("a return asked for in Shopify's admin, delivered twice as returns/request, fires Return requested once", async () => {
    const { orderId } = await deliveredOrder("7005");
    const numericOrder = Number(orderId.split("/").pop());
    const body = {
      id: 9800000001,
      admin_graphql_api_id: "gid://shopify/Return/9800000001",
      status: "REQUESTED",
      name: `#${numericOrder}-R1`,
      order: { id: numericOrder, admin_graphql_api_id: orderId },
      return_line_items: [
        { id: 31, quantity: 2, return_reason: "SIZE_TOO_SMALL", customer_note: null, fulfillment_line_item: { id: 41, line_item: { id: 51 } } },
        { id: 32, quantity: 1, return_reason: "COLOR", customer_note: null, fulfillment_line_item: { id: 42, line_item: { id: 52 } } },
      ],
    };
    const route = await import("../../app/routes/webhooks.returns.request");
    for (const webhookId of ["return-webhook-1", "return-webhook-2"]) {
      const response = await route.action({ request: webhookRequest("returns/request", body, { webhookId }), params: {}, context: {} });
      expect(response.status).toBe(200);
    }
    const before = calls("return-requested").length;
    await sendTwice();

    const sent = calls("return-requested").slice(before);
    expect(sent).toHaveLength(1);
    expect(Object.keys(sent[0].payload).sort()).toEqual(declaredKeys("return-requested"));
    expect(sent[0].payload).toEqual({ customer_id: 7005, order_id: numericOrder, Return: `#${numericOrder}-R1`, Items: 3, Reasons: "Size too small, Color" });
  });
});

describe("Flow triggers on the Free plan", () => {
  it("queues and sends nothing, whatever happens", async () => {
    await onPlan("free");
    const before = fakeFlow(fake.state).calls.length;
    const rowsBefore = await prisma.flowEvent.count({ where: { shop } });
    const { line, orderId, lineItemId } = await deliveredOrder();
    await recordBuyerReview(shop, line, { rating: 1, title: "Broken", body: "Broken." }, "email");
    await recordSurveyAnswer(shop, { orderId, kind: "nps", value: 0, comment: null, source: "email" });
    await openHelpRequest(shop, { orderId, lineItemId, message: null });
    const report = await sendDueFlowEvents();

    expect(report.claimed).toBe(0);
    expect(await prisma.flowEvent.count({ where: { shop } })).toBe(rowsBefore);
    expect(fakeFlow(fake.state).calls.length).toBe(before);
  });
});

describe("sending", () => {
  it("retries a refused event with backoff, then gives up after the last attempt and keeps the row", async () => {
    const id = "flow-event-unknown-handle";
    await prisma.flowEvent.create({
      data: { id, shop, dedupeKey: "flow:not-deployed:1", handle: "not-deployed", payloadJson: "{}", availableAt: at(0) },
    });
    let now = at(0);
    for (let attempt = 1; attempt < MAX_SEND_ATTEMPTS; attempt += 1) {
      await sendDueFlowEvents({ now });
      const row = await prisma.flowEvent.findUniqueOrThrow({ where: { id } });
      expect(row).toMatchObject({ status: "pending", attempts: attempt });
      expect(row.availableAt.getTime()).toBe(now.getTime() + retryDelayMs(attempt));
      expect(row.lastError).toMatch(/not-deployed/);
      // Not due before its backoff is over.
      expect((await sendDueFlowEvents({ now: new Date(row.availableAt.getTime() - 1) })).claimed).toBe(0);
      now = row.availableAt;
    }
    await sendDueFlowEvents({ now });
    const row = await prisma.flowEvent.findUniqueOrThrow({ where: { id } });
    expect(row).toMatchObject({ status: "failed", attempts: MAX_SEND_ATTEMPTS });
    expect((await sendDueFlowEvents({ now: at(60) })).claimed).toBe(0);
    // Shopify was asked each time and refused each time (an unknown handle is a userError).
    const refused = fakeFlow(fake.state).attempts.filter((call) => call.handle === "not-deployed");
    expect(refused).toHaveLength(MAX_SEND_ATTEMPTS);
    expect(refused[0].userErrors[0].message).toMatch(/not-deployed/);
  });
});
