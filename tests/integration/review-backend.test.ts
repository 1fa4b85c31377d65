/**
 * The review back end end to end: a delivered order → one request email on the local SMTP server →
 * the signed link opens the form → a review with a photo is stored, verified → Shopify gets the
 * product's rating metafields and a standard product review metaobject (fake Admin API, real schema)
 * → the merchant filters, replies and rejects, and Shopify follows; the photo is served only while the
 * review is published; the request funnel counts what happened.
 */
import { afterAll, afterEach, beforeAll, beforeEach, describe, expect, it, vi } from "vitest";
import prisma from "../../app/db.server";
import { closeMailTransports } from "../../app/email/transport.server";
import { enqueueReviewRequests } from "../../app/jobs/review-requests.server";
import { recordContactDetails } from "../../app/models/orders/contact-details.server";
import type { FulfillmentRecord, OrderRecord } from "../../app/models/orders/record";
import { saveOrderSnapshots } from "../../app/models/orders/snapshots.server";
import { sendDueEmails } from "../../app/models/email/outbox.server";
import { PHOTO_MAX_BYTES } from "../../app/models/reviews/photo";
import { saveReviewSettings } from "../../app/models/reviews/review.server";
import { action as adminAction, loader as adminLoader } from "../../app/routes/app.reviews";
import { action, loader } from "../../app/routes/proxy.review";
import { loader as photoLoader } from "../../app/routes/proxy.review-photo";
import { adminFetchRequest, appProxyRequest } from "../support/app-requests";
import type { StoredMetaobject } from "../support/fake-admin/metaobjects";
import { createFakeAdmin, type FakeAdmin } from "../support/fake-admin/server";
import { createSeedShop } from "../support/fake-admin/seed";
import { days } from "../support/keep-in-touch-fixtures";
import { HTML_PAGE, jpegWithExif, pngBytes } from "../support/review-photos";
import { storeOfflineSession } from "../support/sessions";
import { routeShop } from "../support/shopify-network";
import { startSmtpServer, type TestSmtpServer } from "../support/smtp";
import { TEST_API_SECRET, TEST_SHOP } from "../support/test-env";

const shop = TEST_SHOP;
const t0 = new Date("2026-06-01T08:00:00Z");
const at = (dayOffset: number) => new Date(t0.getTime() + days(dayOffset));

let smtp: TestSmtpServer;
let fake: FakeAdmin;
let mug: string;
let kettle: string;

/** Order `n` (1-based) of the app's database, named after an order of the fake shop (Shopify checks references). */
const orderGid = (n: number) => [...fake.state.orders.keys()][n - 1];

async function seedDeliveredOrder(n: number, lines: Array<{ id: string; productId: string; title: string }>, deliveredDay: number) {
  const id = orderGid(n);
  const order: OrderRecord = {
    id, name: `#${1000 + n}`, customerId: `gid://shopify/Customer/${n}`, countryCode: "ID", provinceCode: null, fulfillmentStatus: "FULFILLED",
    createdAt: at(deliveredDay - 4), cancelledAt: null, shopifyUpdatedAt: at(deliveredDay),
  };
  const parcel: FulfillmentRecord = {
    id: `gid://shopify/Fulfillment/${n}`, orderId: id, status: "SUCCESS", displayStatus: "DELIVERED", createdAt: at(deliveredDay - 3),
    shopifyUpdatedAt: at(deliveredDay), inTransitAt: at(deliveredDay - 2), deliveredAt: at(deliveredDay), estimatedDeliveryAt: null,
    trackingCompany: null, trackingNumber: null, trackingUrl: null,
  };
  const lineItems = lines.map((line) => ({ ...line, orderId: id, sku: null, quantity: 1 }));
  await saveOrderSnapshots(prisma, shop, [{ order, fulfillments: [parcel], lineItems }]);
  await recordContactDetails(shop, { orderId: id, email: `buyer${n}@example.test`, firstName: `Buyer${n}`, locale: "en" });
}

const args = (request: Request) => ({ request, params: {}, context: {} });
const adminPage = async (query = "") => (await adminLoader(args(adminFetchRequest(`/app/reviews${query}`)))).json();
const adminPost = (fields: Record<string, string>) => adminAction(args(adminFetchRequest("/app/reviews", { method: "POST", body: new URLSearchParams(fields) })));

/** The token of the request email sent to `to`, from its 5-star link. */
async function tokenFromEmail(to: string): Promise<{ token: string; path: string }> {
  const mail = smtp.messages.find((message) => message.to.includes(to));
  if (!mail) throw new Error(`No email to ${to}`);
  const line = mail.text.split("\n").find((row) => row.includes("5 stars") && row.includes("https://"));
  if (!line) throw new Error(`No 5-star link in:\n${mail.text}`);
  const url = new URL(line.slice(line.indexOf("https://")));
  expect(url.origin + url.pathname).toBe(`https://${shop}/apps/aftercare/review`);
  return { token: url.searchParams.get("token") ?? "", path: `/proxy/review${url.search}` };
}

function postReview(fields: Record<string, string>, photo?: { bytes: Uint8Array; name: string; type: string }) {
  const form = new FormData();
  for (const [key, value] of Object.entries(fields)) form.set(key, value);
  if (photo) form.set("photo", new File([new Uint8Array(photo.bytes)], photo.name, { type: photo.type }));
  return action(args(appProxyRequest("/proxy/review", { method: "POST", body: form })));
}

const getPhoto = (id: string, init: { signature?: string } = {}) => photoLoader(args(appProxyRequest(`/proxy/review-photo?id=${encodeURIComponent(id)}`, init)));

function productReviewEntries(): Array<Record<string, string | null> & { handle: string }> {
  return fake.state.metaobjects.list("product_review").map((entry: StoredMetaobject) => ({ ...fake.state.metaobjects.valuesOf(entry), handle: entry.handle }));
}

beforeAll(async () => {
  smtp = await startSmtpServer();
  process.env.SMTP_URL = smtp.url;
  process.env.MAIL_FROM = "care@kopi.test";
  fake = createFakeAdmin({
    shop: createSeedShop({ domain: shop }),
    accessToken: "shpat_installed",
    apiSecret: TEST_API_SECRET,
    scopes: ["read_orders", "read_products", "write_products", "write_metaobjects", "write_metaobject_definitions"],
    clock: () => at(9).getTime(),
  });
  await storeOfflineSession({ accessToken: "shpat_installed" });
  [mug, kettle] = [...fake.state.products.keys()];
  await saveReviewSettings(
    shop,
    { enabled: true, homeCountry: "ID", domestic: { deliveredDays: 7, fulfilledDays: 14 }, international: { deliveredDays: 10, fulfilledDays: 21 }, reminderDays: 0 },
    t0,
  );
  await seedDeliveredOrder(1, [{ id: "gid://shopify/LineItem/11", productId: mug, title: "Enamel mug" }], 1);
  await seedDeliveredOrder(2, [{ id: "gid://shopify/LineItem/21", productId: kettle, title: "Pour-over kettle" }], 1);
  await seedDeliveredOrder(3, [{ id: "gid://shopify/LineItem/31", productId: kettle, title: "Pour-over kettle" }], 1);
});

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

describe("from a delivered order to Shopify's product reviews", () => {
  let reviewId: string;
  let photoId: string;

  it("sends one request email per delivered line, once", async () => {
    expect(await enqueueReviewRequests(shop, at(8))).toMatchObject({ requests: 3 });
    expect(await enqueueReviewRequests(shop, at(8))).toMatchObject({ requests: 0 });
    await sendDueEmails({ now: at(8) });
    await smtp.waitForMessages(3);
    expect(smtp.messages.filter((mail) => mail.to.includes("buyer1@example.test"))).toHaveLength(1);
    expect(smtp.messages[0].text).toContain("you can add a photo on the next page");
  });

  it("opens the form from the signed link, with a photo field, and counts the open once", async () => {
    const { path } = await tokenFromEmail("buyer1@example.test");
    for (let visit = 0; visit < 2; visit += 1) {
      const page = await (await loader(args(appProxyRequest(path)))).text();
      expect(page).toContain('enctype="multipart/form-data"');
      expect(page).toContain('type="file" id="aftercare-review-photo" name="photo" accept="image/jpeg,image/png,image/webp"');
    }
    expect(await prisma.reviewRequestOpen.findMany()).toEqual([
      expect.objectContaining({ orderId: orderGid(1), lineItemId: "gid://shopify/LineItem/11", firstOpenedAt: at(9) }),
    ]);
  });

  it("stores the review as verified with its photo (a PNG sent as photo.jpg) and writes Shopify's metafields and metaobject", async () => {
    const { token } = await tokenFromEmail("buyer1@example.test");
    const response = await postReview(
      { intent: "review", token, rating: "5", title: "Keeps coffee hot", body: "Sturdy and <b>lovely</b>." },
      { bytes: pngBytes(), name: "photo.jpg", type: "image/jpeg" },
    );
    expect(response.status).toBe(200);

    const [review] = await prisma.review.findMany({ include: { photos: true } });
    expect(review).toMatchObject({ productId: mug, rating: 5, verified: true, status: "published" });
    expect(review.photos).toEqual([expect.objectContaining({ contentType: "image/png", byteSize: pngBytes().length })]);
    reviewId = review.id;
    photoId = review.photos[0].id;

    const metafields = Object.fromEntries(fake.state.metafields.list(mug, { namespace: "reviews" }).map((field) => [field.key, field.value]));
    expect(metafields).toEqual({ rating: JSON.stringify({ value: "5.0", scale_min: "1.0", scale_max: "5.0" }), rating_count: "1" });
    expect(productReviewEntries()).toEqual([
      expect.objectContaining({
        handle: `aftercare-review-${reviewId}`,
        rating: JSON.stringify({ value: "5", scale_min: "1", scale_max: "5" }),
        title: "Keeps coffee hot",
        body: "Sturdy and <b>lovely</b>.",
        product: mug,
        order: orderGid(1),
        author_display_name: "Buyer1",
        source: "Aftercare",
        submitted_at: at(9).toISOString(),
        published_at: at(9).toISOString(),
        media_urls: JSON.stringify([`https://${shop}/apps/aftercare/review-photo?id=${photoId}`]),
        merchant_reply: null,
      }),
    ]);
    expect(fake.requests.map((request) => request.operationName)).toEqual(
      expect.arrayContaining(["ProductReviewSummarySet", "ProductReviewUpsert", "ProductReviewDefinitionEnable"]),
    );
  });

  it("serves the photo as its checked type, with nosniff and a long cache", async () => {
    const response = await getPhoto(photoId);
    expect(response.status).toBe(200);
    expect(response.headers.get("content-type")).toBe("image/png");
    expect(response.headers.get("x-content-type-options")).toBe("nosniff");
    expect(response.headers.get("cache-control")).toContain("max-age=31536000");
    expect(Buffer.from(await response.arrayBuffer())).toEqual(pngBytes());

    expect((await getPhoto("no-such-photo")).status).toBe(404);
    await expect(getPhoto(photoId, { signature: "0".repeat(64) })).rejects.toMatchObject({ status: 400 });
  });

  it("counts the funnel: three sent, one opened, one reviewed", async () => {
    const page = await adminPage();
    expect(page.funnel).toMatchObject({ sent: 3, opened: 1, reviewed: 1, openRate: 33.3, reviewRateOfOpened: 100, conversion: 33.3, days: 30 });
    // The requests were sent on day 8: a 7-day window ending on day 9 still holds them, and nothing older.
    expect((await adminPage("?days=7")).funnel).toMatchObject({ sent: 3 });
    vi.setSystemTime(at(40));
    expect((await adminPage("?days=30")).funnel).toMatchObject({ sent: 0, opened: 0, reviewed: 0, conversion: null });
  });

  it("shows the photo thumbnail in the queue and keeps a public reply in step with Shopify", async () => {
    const page = await adminPage();
    expect(page.reviews[0]).toMatchObject({ id: reviewId, photoUrls: [`https://${shop}/apps/aftercare/review-photo?id=${photoId}`], reply: null });

    const tooLong = await adminPost({ intent: "reply", id: reviewId, reply: "x".repeat(1501) });
    expect(tooLong.status).toBe(422);
    expect(await tooLong.json()).toEqual({ ok: false, errors: { reply: "Keep the reply under 1,500 characters" }, replyId: reviewId });
    expect((await adminPost({ intent: "reply", id: "gone", reply: "Hi" })).status).toBe(404);

    const reply = `Thank you! <script>alert("reply")</script>`;
    expect(await (await adminPost({ intent: "reply", id: reviewId, reply: `  ${reply} ` })).json()).toEqual({ ok: true, errors: {}, done: "replySaved" });
    expect((await adminPage()).reviews[0]).toMatchObject({ reply, repliedAt: at(9).toISOString() });
    expect(productReviewEntries()[0]).toMatchObject({ merchant_reply: reply, merchant_replied_at: at(9).toISOString() });

    expect((await adminPost({ intent: "remove-reply", id: reviewId })).status).toBe(200);
    expect((await adminPage()).reviews[0]).toMatchObject({ reply: null, repliedAt: null });
    expect(productReviewEntries()[0]).toMatchObject({ merchant_reply: null, merchant_replied_at: null });
  });

  it("deletes the metaobject and hides the photo when the merchant rejects, and writes both back on publish", async () => {
    expect(await (await adminPost({ intent: "reject", id: reviewId, reason: "personal_data" })).json()).toEqual({ ok: true, errors: {}, done: "reviewRejected" });
    expect(productReviewEntries()).toEqual([]);
    expect((await getPhoto(photoId)).status).toBe(404);
    expect((await adminPage("?status=rejected")).reviews[0].photoUrls).toEqual([]);

    expect((await adminPost({ intent: "publish", id: reviewId })).status).toBe(200);
    expect(productReviewEntries()).toEqual([expect.objectContaining({ handle: `aftercare-review-${reviewId}`, title: "Keeps coffee hot" })]);
    expect((await getPhoto(photoId)).status).toBe(200);
  });
});

describe("photo upload refusals", () => {
  it("refuses an HTML page labelled image/png in the form, storing nothing", async () => {
    const { token } = await tokenFromEmail("buyer2@example.test");
    const before = { reviews: await prisma.review.count(), photos: await prisma.reviewPhoto.count() };
    const response = await postReview({ intent: "review", token, rating: "2", title: "", body: "Leaks" }, { bytes: HTML_PAGE, name: "kettle.png", type: "image/png" });
    expect(response.status).toBe(415);
    const page = await response.text();
    expect(page).toContain("Please add your photo as a JPEG, PNG or WebP image.");
    expect(page).toContain('id="aftercare-review-photo-error"');
    expect(page).toContain(">Leaks</textarea>");
    expect({ reviews: await prisma.review.count(), photos: await prisma.reviewPhoto.count() }).toEqual(before);
  });

  it("refuses a photo one byte over 5 MB with 413, storing nothing", async () => {
    const { token } = await tokenFromEmail("buyer2@example.test");
    const response = await postReview({ intent: "review", token, rating: "2", body: "Leaks" }, { bytes: pngBytes(PHOTO_MAX_BYTES + 1), name: "big.png", type: "image/png" });
    expect(response.status).toBe(413);
    const page = await response.text();
    expect(page).toContain("Your photo is larger than 5 MB. Please choose a smaller one.");
    expect(page).toContain(">Leaks</textarea>");
    expect(await prisma.review.count({ where: { orderId: orderGid(2) } })).toBe(0);
  });

  it("refuses a huge body early: by its declared length, or as soon as the stream passes the cap", async () => {
    const declared = appProxyRequest("/proxy/review", {
      method: "POST",
      body: "x",
      headers: { "Content-Type": "multipart/form-data; boundary=x", "Content-Length": String(200 * 1024 * 1024) },
    });
    expect((await action(args(declared))).status).toBe(413);

    let pulled = 0;
    const chunk = new Uint8Array(1024 * 1024);
    const endless = new ReadableStream<Uint8Array>({
      pull(controller) {
        pulled += 1;
        if (pulled > 500) controller.close();
        else controller.enqueue(chunk);
      },
    });
    const streamed = appProxyRequest("/proxy/review", {
      method: "POST",
      body: endless,
      headers: { "Content-Type": "multipart/form-data; boundary=x" },
      duplex: "half",
    } as RequestInit);
    expect((await action(args(streamed))).status).toBe(413);
    expect(pulled).toBeLessThan(20);
    expect(await prisma.review.count({ where: { orderId: orderGid(2) } })).toBe(0);
  });

  it("keeps a JPEG without its EXIF location, and the plain urlencoded form still works without a photo", async () => {
    const { token } = await tokenFromEmail("buyer2@example.test");
    const upload = jpegWithExif();
    expect(upload.toString("latin1")).toContain("GPS");
    expect((await postReview({ intent: "review", token, rating: "4", body: "Pours well" }, { bytes: upload, name: "k.jpeg", type: "image/jpeg" })).status).toBe(200);
    const [stored] = await prisma.reviewPhoto.findMany({ where: { review: { orderId: orderGid(2) } } });
    expect(stored.contentType).toBe("image/jpeg");
    expect(Buffer.from(stored.bytes).toString("latin1")).not.toContain("GPS");
    expect(stored.byteSize).toBe(stored.bytes.length);
    expect(stored.byteSize).toBeLessThan(upload.length);
    const three = await tokenFromEmail("buyer3@example.test");
    const plain = await action(args(appProxyRequest("/proxy/review", { method: "POST", body: new URLSearchParams({ intent: "review", token: three.token, rating: "3", body: "Fine" }) })));
    expect(plain.status).toBe(200);
    const photos = await prisma.reviewPhoto.findMany({ where: { review: { productId: kettle } }, select: { contentType: true } });
    expect(photos).toEqual([{ contentType: "image/jpeg" }]);
  });
});

describe("admin filters", () => {
  it("filters the queue by rating, buyer and product, and explains values it does not understand", async () => {
    const ratings = async (query: string) => ((await adminPage(query)).reviews as Array<{ rating: number }>).map((review) => review.rating).sort();
    expect(await ratings("")).toEqual([3, 4, 5]);
    expect(await ratings("?rating=4")).toEqual([4]);
    expect(await ratings(`?product=${encodeURIComponent(kettle)}`)).toEqual([3, 4]);
    expect(await ratings("?verified=yes")).toEqual([3, 4, 5]);
    expect(await ratings("?verified=no")).toEqual([]);
    expect(await ratings(`?product=${encodeURIComponent(kettle)}&rating=3`)).toEqual([3]);

    const confused = await adminPage("?rating=11&verified=perhaps&status=<b>");
    expect(confused.reviews).toHaveLength(3);
    expect(confused.filter).toEqual({ status: "", reason: "", rating: "", verified: "", product: "" });
    expect(confused.filterProblems).toHaveLength(3);
    expect(confused.products.map((product: { productTitle: string }) => product.productTitle).sort()).toEqual(["Enamel mug", "Pour-over kettle"]);
  });
});
