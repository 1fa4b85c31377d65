/**
 * Plans end to end: a free shop's 101st review request of a month waits, the admin says
 * so, and upgrading through the Billing API (request -> the merchant approves -> return URL) releases
 * it: one more email each, never twice.
 */
import { afterAll, afterEach, beforeAll, beforeEach, describe, expect, it, vi } from "vitest";
import prisma from "../../app/db.server";
import { closeMailTransports } from "../../app/email/transport.server";
import { enqueueReviewRequests } from "../../app/jobs/review-requests.server";
import { enqueueSurveys } from "../../app/jobs/surveys.server";
import { recordContactDetails } from "../../app/models/orders/contact-details.server";
import type { FulfillmentRecord, OrderRecord } from "../../app/models/orders/record";
import { saveOrderSnapshots } from "../../app/models/orders/snapshots.server";
import { sendDueEmails } from "../../app/models/email/outbox.server";
import { getCachedShopPlan } from "../../app/models/billing/plan.server";
import { FREE_MONTHLY_REVIEW_REQUESTS, FREE_MONTHLY_SURVEYS, GROWTH_PLAN_NAME } from "../../app/models/billing/plans";
import { saveReviewSettings } from "../../app/models/reviews/review.server";
import { saveSurveySettings } from "../../app/models/surveys/survey.server";
import * as home from "../../app/routes/app._index";
import * as plans from "../../app/routes/app.plans";
import { adminDocumentRequest, adminFetchRequest } from "../support/app-requests";
import { fakeBilling } from "../support/fake-admin/billing";
import { createFakeAdmin, type FakeAdmin } from "../support/fake-admin/server";
import { createSeedShop } from "../support/fake-admin/seed";
import { days } from "../support/keep-in-touch-fixtures";
import { storeOfflineSession } from "../support/sessions";
import { routeShop } from "../support/shopify-network";
import { startSmtpServer, type TestSmtpServer } from "../support/smtp";
import { TEST_API_KEY, TEST_API_SECRET, TEST_SHOP } from "../support/test-env";

const shop = TEST_SHOP;
const ORDERS = 101;
const t0 = new Date("2026-11-02T08:00:00Z");
const at = (dayOffset: number) => new Date(t0.getTime() + days(dayOffset));
const args = (request: Request) => ({ request, params: {}, context: {} });
const buyer = (n: number) => `buyer${n}@example.test`;

let smtp: TestSmtpServer;
let fake: FakeAdmin;

/** `count` orders delivered on day 1, one reviewable line each, written through the app's order path. */
async function seedDeliveredOrders(shop: string, count: number, productId: string) {
  const snapshots = Array.from({ length: count }, (_, index) => {
    const n = index + 1;
    const id = `gid://shopify/Order/${n}`;
    const order: OrderRecord = {
      id,
      name: `#${1000 + n}`,
      customerId: `gid://shopify/Customer/${n}`,
      countryCode: "ID",
      provinceCode: null,
      fulfillmentStatus: "FULFILLED",
      createdAt: at(-3),
      cancelledAt: null,
      shopifyUpdatedAt: at(1),
    };
    // Spread over the day so "oldest first" has a meaning.
    const deliveredAt = new Date(at(1).getTime() + n * 60_000);
    const parcel: FulfillmentRecord = {
      id: `gid://shopify/Fulfillment/${n}`,
      orderId: id,
      status: "SUCCESS",
      displayStatus: "DELIVERED",
      createdAt: at(-2),
      shopifyUpdatedAt: at(1),
      inTransitAt: at(-1),
      deliveredAt,
      estimatedDeliveryAt: null,
      trackingCompany: null,
      trackingNumber: null,
      trackingUrl: null,
    };
    const line = { id: `gid://shopify/LineItem/${n}`, orderId: id, productId, title: "Enamel mug", sku: null, quantity: 1 };
    return { order, fulfillments: [parcel], lineItems: [line] };
  });
  await saveOrderSnapshots(prisma, shop, snapshots);
  for (let n = 1; n <= count; n += 1) {
    await recordContactDetails(shop, { orderId: `gid://shopify/Order/${n}`, email: buyer(n), firstName: "Dewi", locale: "en" });
  }
}

async function runJobs(now: Date) {
  const reviews = await enqueueReviewRequests(shop, now);
  const send = await sendDueEmails({ now, shop, limit: 1000 });
  return { reviews, send };
}

const countBy = (values: string[]) => values.reduce((map, value) => map.set(value, (map.get(value) ?? 0) + 1), new Map<string, number>());

async function homeData() {
  const response = await home.loader(args(adminFetchRequest("/app")));
  return response.json();
}

beforeAll(async () => {
  smtp = await startSmtpServer();
  process.env.SMTP_URL = smtp.url;
  process.env.MAIL_FROM = "care@kopi.test";
  fake = createFakeAdmin({
    shop: createSeedShop({ domain: shop }),
    accessToken: "shpat_installed",
    apiSecret: TEST_API_SECRET,
    scopes: ["read_orders", "read_products", "write_products", "read_themes"],
    // The story's clock (the routes run with the date pinned).
    clock: () => at(10).getTime(),
  });
  await storeOfflineSession({ accessToken: "shpat_installed" });
  const [productId] = fake.state.products.keys();
  await saveReviewSettings(
    shop,
    { enabled: true, homeCountry: "ID", domestic: { deliveredDays: 7, fulfilledDays: 14 }, international: { deliveredDays: 10, fulfilledDays: 21 }, reminderDays: 0 },
    t0,
  );
  await seedDeliveredOrders(shop, ORDERS, productId);
});

beforeEach(() => {
  routeShop(shop, (request) => fake.handle(request));
  vi.useFakeTimers({ toFake: ["Date"] });
  vi.setSystemTime(at(10));
});
afterEach(() => {
  vi.useRealTimers();
});
afterAll(async () => {
  closeMailTransports();
  await smtp.close();
});

describe("free plan limits and upgrading", () => {
  it("sends 100 review requests, keeps the 101st queued, and says so on the home page", async () => {
    const run = await runJobs(at(10));

    expect(run.reviews.requests).toBe(FREE_MONTHLY_REVIEW_REQUESTS);
    await smtp.waitForMessages(FREE_MONTHLY_REVIEW_REQUESTS);
    expect(smtp.messages).toHaveLength(100);
    // Oldest first: the buyer whose parcel arrived last is the one who waits.
    expect(smtp.messagesTo(buyer(ORDERS))).toHaveLength(0);
    expect(smtp.messagesTo(buyer(1))).toHaveLength(1);

    // Still due, not marked done: the next run holds it again and sends nothing.
    const again = await runJobs(at(10.5));
    expect(again.reviews.requests).toBe(0);
    expect(again.send.sent).toBe(0);
    expect(await prisma.outboxMessage.count({ where: { shop, reference: `gid://shopify/Order/${ORDERS}` } })).toBe(0);
    expect((await getCachedShopPlan(shop)).held).toEqual({ review_request: 1, survey: 0 });

    const data = await homeData();
    expect(data.planLimits).toEqual({
      nextMonthStarts: "2026-12-01",
      waiting: [{ kind: "review_request", used: 100, limit: 100, held: 1 }],
    });
  }, 120_000);

  it("upgrades through Shopify's approval page and releases what waited, once", async () => {
    // The merchant clicks Upgrade: App Bridge's fetch gets the library's redirect out of the iframe.
    const thrown = await plans.action(args(adminFetchRequest("/app/plans", { method: "POST", body: new URLSearchParams({ intent: "upgrade" }) }))).then(
      () => null,
      (error: unknown) => error,
    );
    expect(thrown).toBeInstanceOf(Response);
    const redirect = thrown as Response;
    expect(redirect.status).toBe(401);
    const confirmationUrl = redirect.headers.get("X-Shopify-API-Request-Failure-Reauthorize-Url");
    expect(confirmationUrl).toMatch(new RegExp(`^https://${shop}/admin/charges/\\d+/confirm_recurring_application_charge`));

    const [subscription] = fakeBilling(fake.state).subscriptions;
    expect(subscription).toMatchObject({ name: GROWTH_PLAN_NAME, status: "PENDING", test: true, trialDays: 14 });
    expect(subscription.lineItems[0].plan.pricingDetails).toMatchObject({ interval: "EVERY_30_DAYS", price: { amount: "9.99", currencyCode: "USD" } });
    expect((await getCachedShopPlan(shop)).plan).toBe("free");

    // The merchant approves on Shopify's page and is sent back to the return URL.
    const page = await fake.handle(new Request(confirmationUrl!));
    expect(await page.text()).toContain("14-day free trial");
    const approved = await fake.handle(
      new Request(confirmationUrl!, { method: "POST", body: new URLSearchParams({ decision: "approve" }), headers: { "Content-Type": "application/x-www-form-urlencoded" } }),
    );
    expect(approved.status).toBe(302);
    const returnUrl = new URL(approved.headers.get("Location")!);
    expect(returnUrl.origin + returnUrl.pathname).toBe(`https://admin.shopify.com/store/${shop.replace(".myshopify.com", "")}/apps/${TEST_API_KEY}/app/plans`);
    const chargeId = returnUrl.searchParams.get("charge_id");
    expect(subscription.id).toBe(`gid://shopify/AppSubscription/${chargeId}`);

    // Shopify's admin opens the app's plans page with the charge id.
    vi.setSystemTime(at(11));
    const response = await plans.loader(args(adminDocumentRequest(`/app/plans?charge_id=${chargeId}`)));
    const data = await response.json();
    expect(data.plan).toMatchObject({ key: "growth", status: "ACTIVE", test: true });
    expect(data.approval).toBe("approved");
    expect(data.released).toEqual({ reviewRequests: 1, surveys: 0 });
    expect((await getCachedShopPlan(shop)).plan).toBe("growth");

    // The next job run sends it; later runs send nothing more.
    await runJobs(at(11));
    await smtp.waitForMessages(ORDERS);
    await runJobs(at(12));
    expect(smtp.messagesTo(buyer(ORDERS))).toHaveLength(1);
    const perBuyer = countBy(smtp.messages.flatMap((mail) => mail.to));
    expect(perBuyer.size).toBe(ORDERS);
    expect([...perBuyer.values()].every((count) => count === 1)).toBe(true);
    expect((await homeData()).planLimits.waiting).toEqual([]);
  });
});

describe("free plan survey limit", () => {
  const surveyShop = "limits-surveys.myshopify.com";

  it("holds the 101st survey of the month and sends it when the next month starts", async () => {
    await saveSurveySettings(surveyShop, { enabled: true, kind: "csat", delayDays: 2 }, t0);
    await seedDeliveredOrders(surveyShop, ORDERS, "gid://shopify/Product/1");

    const november = await enqueueSurveys(surveyShop, at(10));
    expect(november).toMatchObject({ due: ORDERS, enqueued: FREE_MONTHLY_SURVEYS });
    expect((await getCachedShopPlan(surveyShop)).held.survey).toBe(1);
    expect(await enqueueSurveys(surveyShop, at(20))).toMatchObject({ due: 1, enqueued: 0 });

    // 1 December, UTC (the shop saved no time zone): the allowance is back.
    const december = await enqueueSurveys(surveyShop, new Date("2026-12-01T00:00:00Z"));
    expect(december).toMatchObject({ due: 1, enqueued: 1 });
    const waiting = await prisma.outboxMessage.findMany({ where: { shop: surveyShop, kind: "survey", reference: `gid://shopify/Order/${ORDERS}` } });
    expect(waiting).toHaveLength(1);
    expect((await getCachedShopPlan(surveyShop)).held.survey).toBe(0);
  }, 60_000);

  it("still sends a held survey whose order was delivered more than 30 days before the month turned", async () => {
    const lateShop = "limits-surveys-late.myshopify.com";
    await saveSurveySettings(lateShop, { enabled: true, kind: "nps", delayDays: 2 }, t0);
    await seedDeliveredOrders(lateShop, ORDERS, "gid://shopify/Product/1");
    expect(await enqueueSurveys(lateShop, at(10))).toMatchObject({ enqueued: FREE_MONTHLY_SURVEYS });

    // 5 December: 32 days after delivery, past the usual 30-day window, but this one was waiting.
    expect(await enqueueSurveys(lateShop, new Date("2026-12-05T09:00:00Z"))).toMatchObject({ due: 1, enqueued: 1 });
    const sent = await prisma.outboxMessage.count({ where: { shop: lateShop, kind: "survey", reference: `gid://shopify/Order/${ORDERS}` } });
    expect(sent).toBe(1);
    // Nothing waits any more, and no order is surveyed twice.
    expect(await enqueueSurveys(lateShop, new Date("2026-12-06T09:00:00Z"))).toMatchObject({ due: 0, enqueued: 0 });
  }, 60_000);
});
