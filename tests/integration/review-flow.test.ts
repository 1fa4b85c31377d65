import { AppProvider } from "@shopify/polaris";
import en from "@shopify/polaris/locales/en.json";
import { createElement } from "react";
import { renderToString } from "react-dom/server";
import { afterAll, afterEach, beforeAll, beforeEach, describe, expect, it, vi } from "vitest";
import { ReviewModerationList, type ModerationReview } from "../../app/components/reviews/ReviewModerationList";
import prisma from "../../app/db.server";
import { closeMailTransports } from "../../app/email/transport.server";
import { enqueueReviewRequests } from "../../app/jobs/review-requests.server";
import type { FulfillmentRecord, OrderRecord } from "../../app/models/orders/record";
import { saveOrderSnapshots } from "../../app/models/orders/snapshots.server";
import { recordContactDetails } from "../../app/models/orders/contact-details.server";
import { sendDueEmails } from "../../app/models/email/outbox.server";
import { signReviewToken } from "../../app/models/reviews/token";
import { saveReviewSettings } from "../../app/models/reviews/review.server";
import { action as adminAction, loader as adminLoader } from "../../app/routes/app.reviews";
import { action, loader, REVIEW_SUBMIT_LIMIT } from "../../app/routes/proxy.review";
import { adminFetchRequest, appProxyRequest } from "../support/app-requests";
import { createFakeAdmin, type FakeAdmin } from "../support/fake-admin/server";
import { createSeedShop } from "../support/fake-admin/seed";
import { storeOfflineSession } from "../support/sessions";
import { routeShop } from "../support/shopify-network";
import { startSmtpServer, type TestSmtpServer } from "../support/smtp";
import { TEST_API_SECRET, TEST_SHOP } from "../support/test-env";
import { days } from "../support/keep-in-touch-fixtures";

const shop = TEST_SHOP;
const t0 = new Date("2026-06-01T08:00:00Z");
const at = (dayOffset: number) => new Date(t0.getTime() + days(dayOffset));
const XSS_TITLE = `"><script>alert("title")</script>`;
const XSS_BODY = `Lovely mug </textarea><img src=x onerror=alert(1)> {{ customer.email }}`;

let smtp: TestSmtpServer;
let fake: FakeAdmin;
let productA: string;
let productB: string;

interface SeedLine {
  id: string;
  productId: string | null;
  title: string;
}

/** An order written through the app's own order write path, with its lines and the buyer's email. */
async function seedOrder(n: number, options: { country: string; deliveredDay: number; lines: SeedLine[]; cancelled?: boolean }) {
  const id = `gid://shopify/Order/${n}`;
  const order: OrderRecord = {
    id,
    name: `#${1000 + n}`,
    customerId: `gid://shopify/Customer/${n}`,
    countryCode: options.country,
    provinceCode: null,
    fulfillmentStatus: "FULFILLED",
    createdAt: at(options.deliveredDay - 4),
    cancelledAt: options.cancelled ? at(options.deliveredDay - 3) : null,
    shopifyUpdatedAt: at(options.deliveredDay),
  };
  const parcel: FulfillmentRecord = {
    id: `gid://shopify/Fulfillment/${n}`,
    orderId: id,
    status: "SUCCESS",
    displayStatus: "DELIVERED",
    createdAt: at(options.deliveredDay - 3),
    shopifyUpdatedAt: at(options.deliveredDay),
    inTransitAt: at(options.deliveredDay - 2),
    deliveredAt: at(options.deliveredDay),
    estimatedDeliveryAt: null,
    trackingCompany: null,
    trackingNumber: null,
    trackingUrl: null,
  };
  const lineItems = options.lines.map((line) => ({ id: line.id, orderId: id, productId: line.productId, title: line.title, sku: null, quantity: 1 }));
  await saveOrderSnapshots(prisma, shop, [{ order, fulfillments: [parcel], lineItems }]);
  await recordContactDetails(shop, { orderId: id, email: `buyer${n}@example.test`, firstName: "Dewi", locale: "en" });
}

async function tick(now: Date) {
  const report = await enqueueReviewRequests(shop, now);
  await sendDueEmails({ now });
  return report;
}

/** The star link for `rating` in a received email, as the app proxy forwards it to the app. */
function proxiedStarLink(text: string, rating: number): string {
  const line = text.split("\n").find((row) => row.includes(` ${rating} star`) && row.includes("https://"));
  if (!line) throw new Error(`No ${rating}-star link in:\n${text}`);
  const url = new URL(line.slice(line.indexOf("https://")));
  expect(url.origin + url.pathname).toBe(`https://${shop}/apps/aftercare/review`);
  return `/proxy/review${url.search}`;
}

const args = (request: Request) => ({ request, params: {}, context: {} });
const open = (path: string) => loader(args(appProxyRequest(path)));
const post = (fields: Record<string, string>) => action(args(appProxyRequest("/proxy/review", { method: "POST", body: new URLSearchParams(fields) })));
const adminPost = (fields: Record<string, string>) => adminAction(args(adminFetchRequest("/app/reviews", { method: "POST", body: new URLSearchParams(fields) })));
const productMetafields = (productId: string) =>
  Object.fromEntries(fake.state.metafields.list(productId, { namespace: "reviews" }).map((field) => [field.key, { type: field.type, value: field.value }]));

beforeAll(async () => {
  smtp = await startSmtpServer();
  process.env.SMTP_URL = smtp.url;
  process.env.MAIL_FROM = "care@kopi.test";
  fake = createFakeAdmin({
    shop: createSeedShop({ domain: shop }),
    accessToken: "shpat_installed",
    apiSecret: TEST_API_SECRET,
    scopes: ["read_orders", "read_products", "write_products"],
    // The story's clock (the routes run with the date pinned to day 9).
    clock: () => at(9).getTime(),
  });
  await storeOfflineSession({ accessToken: "shpat_installed" });
  [productA, productB] = [...fake.state.products.keys()];

  await saveReviewSettings(
    shop,
    { enabled: true, homeCountry: "ID", domestic: { deliveredDays: 7, fulfilledDays: 14 }, international: { deliveredDays: 10, fulfilledDays: 21 }, reminderDays: 7 },
    t0,
  );
  await seedOrder(1, {
    country: "ID",
    deliveredDay: 1,
    lines: [
      { id: "gid://shopify/LineItem/11", productId: productA, title: "Enamel mug" },
      { id: "gid://shopify/LineItem/12", productId: null, title: "Gift card" },
    ],
  });
  await seedOrder(2, { country: "ID", deliveredDay: 1, cancelled: true, lines: [{ id: "gid://shopify/LineItem/21", productId: productA, title: "Enamel mug" }] });
  await seedOrder(3, { country: "SG", deliveredDay: 1, lines: [{ id: "gid://shopify/LineItem/31", productId: productB, title: "Pour-over kettle" }] });
});

// The routes read the system clock: pin it to the story's day 9.
beforeEach(() => {
  routeShop(shop, (request) => fake.handle(request));
  vi.useFakeTimers({ toFake: ["Date"] });
  vi.setSystemTime(at(9));
});
afterEach(() => {
  vi.useRealTimers();
});

afterAll(async () => {
  closeMailTransports();
  await smtp.close();
});

describe("review requests and the review form", () => {
  it("emails one request per reviewable line once due, and never twice", async () => {
    expect(await tick(at(7.9))).toEqual({ requests: 0, reminders: 0, withoutEmail: 0 });
    expect(await tick(at(8))).toEqual({ requests: 1, reminders: 0, withoutEmail: 0 });
    expect(await tick(at(8))).toEqual({ requests: 0, reminders: 0, withoutEmail: 0 });
    expect(await tick(at(8.5))).toEqual({ requests: 0, reminders: 0, withoutEmail: 0 });

    const [mail] = await smtp.waitForMessages(1);
    expect(smtp.messages).toHaveLength(1);
    expect(mail.to).toEqual(["buyer1@example.test"]);
    expect(mail.subject).toBe("How do you like Enamel mug?");
    expect(mail.html.match(/<a href="https:\/\/aftercare-test\.myshopify\.com\/apps\/aftercare\/review\?token=/g)).toHaveLength(5);
  });

  it("opens the form from a star, with that rating chosen and the arrival question first", async () => {
    const response = await open(proxiedStarLink(smtp.messages[0].text, 4));
    expect(response.status).toBe(200);
    expect(response.headers.get("content-type")).toContain("application/liquid");
    const page = await response.text();
    expect(page).toContain("Review Enamel mug");
    expect(page).toContain('value="4" required checked');
    expect(page.indexOf("Did everything arrive as expected?")).toBeLessThan(page.indexOf('name="body"'));
    expect(await prisma.review.count()).toBe(0);
  });

  it("opens a help request on 'no' and keeps the review form on the page", async () => {
    const token = new URL(`https://x${proxiedStarLink(smtp.messages[0].text, 4)}`).searchParams.get("token")!;
    const response = await post({ intent: "help", token, message: "The handle came off" });
    expect(response.status).toBe(200);
    const page = await response.text();
    expect(page).toContain("We're sorry, and we'll help");
    expect(page).toContain('name="body"');
    expect(page).toContain('name="rating"');

    const admin = await (await adminLoader(args(adminFetchRequest("/app/reviews")))).json();
    expect(admin.helpRequests).toEqual([expect.objectContaining({ orderName: "#1001", message: "The handle came off", state: "open" })]);
  });

  it("stores a verified, published review as written, shows it inert, and publishes the product rating", async () => {
    const token = new URL(`https://x${proxiedStarLink(smtp.messages[0].text, 4)}`).searchParams.get("token")!;
    const bad = await post({ intent: "review", token, rating: "9", title: "", body: "" });
    expect(bad.status).toBe(422);
    const badPage = await bad.text();
    expect(badPage).toContain("Choose from 1 to 5 stars");
    expect(badPage).toContain("Tell other shoppers what you think");
    expect(await prisma.review.count()).toBe(0);

    const response = await post({ intent: "review", token, rating: "4", title: XSS_TITLE, body: XSS_BODY });
    expect(response.status).toBe(200);
    const thanks = await response.text();
    for (const page of [thanks, await (await open(proxiedStarLink(smtp.messages[0].text, 4))).text()]) {
      expect(page).not.toContain("<script>alert");
      expect(page).not.toContain("<img src=x");
      expect(page).not.toContain("{{ customer.email }}");
      expect(page).toContain("&lt;script&gt;");
    }

    const stored = await prisma.review.findMany();
    expect(stored).toEqual([
      expect.objectContaining({ orderId: "gid://shopify/Order/1", productId: productA, rating: 4, title: XSS_TITLE, body: XSS_BODY, verified: true, status: "published" }),
    ]);
    expect(productMetafields(productA)).toEqual({
      rating: { type: "rating", value: JSON.stringify({ value: "4.0", scale_min: "1.0", scale_max: "5.0" }) },
      rating_count: { type: "number_integer", value: "1" },
    });
    // The standard product review entry is written too; the order (unknown to this fake shop) is left out.
    const [entry] = fake.state.metaobjects.list("product_review");
    expect(fake.state.metaobjects.valuesOf(entry)).toMatchObject({ product: productA, title: XSS_TITLE, body: XSS_BODY, author_display_name: "Dewi", order: null });
  });

  it("lists the review for the merchant as data that renders inert", async () => {
    const admin = await (await adminLoader(args(adminFetchRequest("/app/reviews")))).json();
    expect(admin.summary).toEqual({ average: 4, count: 1, distribution: [0, 0, 0, 1, 0] });
    expect(admin.reviews).toHaveLength(1);
    expect(admin.reviews[0]).toMatchObject({ title: XSS_TITLE, body: XSS_BODY, verified: true });

    const html = renderToString(
      createElement(AppProvider, { i18n: en }, createElement(ReviewModerationList, { reviews: admin.reviews as ModerationReview[], busy: false, onReject: () => {}, onPublish: () => {} })),
    );
    expect(html).not.toContain("<script>alert");
    expect(html).not.toContain("<img src=x");
    expect(html).toContain("&lt;script&gt;");
  });

  it("lets the merchant reject for a content reason and publish again, updating the product rating", async () => {
    const [review] = await prisma.review.findMany();
    expect((await adminPost({ intent: "reject", id: review.id, reason: "because" })).status).toBe(422);
    const rejection = await adminPost({ intent: "reject", id: review.id, reason: "personal_data" });
    expect(await rejection.json()).toEqual({ ok: true, errors: {}, done: "reviewRejected" });
    expect(productMetafields(productA)).toEqual({ rating_count: { type: "number_integer", value: "0" } });

    const rejected = await (await adminLoader(args(adminFetchRequest("/app/reviews?status=rejected&reason=personal_data")))).json();
    expect(rejected.reviews.map((entry: { id: string }) => entry.id)).toEqual([review.id]);
    const spam = await (await adminLoader(args(adminFetchRequest("/app/reviews?status=rejected&reason=spam")))).json();
    expect(spam.reviews).toEqual([]);

    expect((await adminPost({ intent: "publish", id: review.id })).status).toBe(200);
    expect(productMetafields(productA).rating_count).toEqual({ type: "number_integer", value: "1" });
  });

  it("asks abroad after the international delay, reminds once, and never asks a reviewed line again", async () => {
    expect(await tick(at(10.9))).toMatchObject({ requests: 0, reminders: 0 });
    expect(await tick(at(11))).toMatchObject({ requests: 1, reminders: 0 });
    expect(await tick(at(17.9))).toMatchObject({ requests: 0, reminders: 0 });
    expect(await tick(at(18))).toMatchObject({ requests: 0, reminders: 1 });
    for (const day of [19, 25, 40]) expect(await tick(at(day))).toMatchObject({ requests: 0, reminders: 0 });

    await smtp.waitForMessages(3);
    expect(smtp.messages.map((mail) => [mail.to[0], mail.subject])).toEqual([
      ["buyer1@example.test", "How do you like Enamel mug?"],
      ["buyer3@example.test", "How do you like Pour-over kettle?"],
      ["buyer3@example.test", "A last word on Pour-over kettle?"],
    ]);
  });

  it("refuses forged, foreign and expired links, storing nothing", async () => {
    const payload = { shop, orderId: "gid://shopify/Order/3", lineItemId: "gid://shopify/LineItem/31" };
    const forged = signReviewToken(payload, "not-the-app-secret", at(9));
    const otherShop = signReviewToken({ ...payload, shop: "someone-else.myshopify.com" }, TEST_API_SECRET, at(9));
    const expired = signReviewToken(payload, TEST_API_SECRET, at(-60));
    const reviewsBefore = await prisma.review.count();
    const helpBefore = await prisma.reviewHelpRequest.count();

    for (const [token, status] of [[forged, 403], [otherShop, 403], [expired, 410], ["garbage", 403]] as const) {
      expect((await open(`/proxy/review?token=${encodeURIComponent(token)}&rating=5`)).status).toBe(status);
      expect((await post({ intent: "review", token, rating: "5", title: "", body: "Fake" })).status).toBe(status);
      expect((await post({ intent: "help", token })).status).toBe(status);
    }
    expect(await prisma.review.count()).toBe(reviewsBefore);
    expect(await prisma.reviewHelpRequest.count()).toBe(helpBefore);
    expect(productMetafields(productB)).toEqual({});
  });

  it("limits how often one client may post, then lets it in again after the window", async () => {
    let response = await post({ intent: "review", token: "garbage", rating: "5", body: "Spam" });
    for (let attempt = 0; attempt < REVIEW_SUBMIT_LIMIT.limit && response.status !== 429; attempt += 1) {
      response = await post({ intent: "review", token: "garbage", rating: "5", body: "Spam" });
    }
    expect(response.status).toBe(429);
    expect(Number(response.headers.get("retry-after"))).toBeGreaterThan(0);

    vi.setSystemTime(new Date(at(9).getTime() + REVIEW_SUBMIT_LIMIT.windowMs));
    expect((await post({ intent: "review", token: "garbage", rating: "5", body: "Spam" })).status).toBe(403);
  });

  it("saves the merchant's schedule and refuses a wrong country or delay with field messages", async () => {
    const fields = {
      enabled: "on",
      homeCountry: "Indonesia",
      domesticDeliveredDays: "5",
      domesticFulfilledDays: "12",
      internationalDeliveredDays: "120",
      internationalFulfilledDays: "25",
      reminderDays: "0",
    };
    const refused = await adminPost(fields);
    expect(refused.status).toBe(422);
    expect((await refused.json()).errors).toEqual({ homeCountry: "Use a two-letter country code, such as ID or US", internationalDeliveredDays: "Use 0 to 60 days" });

    expect((await adminPost({ ...fields, homeCountry: "id", internationalDeliveredDays: "9" })).status).toBe(200);
    const page = await (await adminLoader(args(adminFetchRequest("/app/reviews")))).json();
    expect(page.settings).toEqual({
      enabled: true,
      homeCountry: "ID",
      domesticDeliveredDays: 5,
      domesticFulfilledDays: 12,
      internationalDeliveredDays: 9,
      internationalFulfilledDays: 25,
      reminderDays: 0,
      lowRatingThreshold: 2,
    });
  });
});
