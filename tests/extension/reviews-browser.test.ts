import type { IncomingMessage } from "node:http";
import type { Browser, Page } from "playwright-core";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import prisma from "~/db.server";
import type { FulfillmentRecord, OrderRecord } from "~/models/orders/record";
import { saveOrderSnapshots } from "~/models/orders/snapshots.server";
import { recordContactDetails } from "~/models/orders/contact-details.server";
import { blocking, runAxe } from "../support/axe";
import { launchBrowser, layoutShiftOf, recordLayoutShifts } from "../support/browser";
import { DAY } from "../support/keep-in-touch-fixtures";
import { renderStorefrontPreview } from "../support/storefront/preview";
import { startStorefrontStandIn, type StorefrontStandIn } from "../support/storefront/proxy-stand-in";
import { createStorefrontLiquid, renderBlock } from "../support/storefront/liquid-environment";
import { SAMPLE_PRODUCT, reviewMetafields, storefrontObjects } from "../support/storefront/storefront-fixtures";
import { TEST_SHOP } from "../support/test-env";

/**
 * The review blocks in a real browser. The product page's display block loads the reviews through the
 * signed proxy after first paint and pages through them with a keyboard; the account page's prompt block
 * hides what the customer already reviewed, opens a help request on "No" and posts a review, every
 * request forwarded as Shopify's app proxy does to the real routes and the test database.
 */

const SHOPPER_ZONE = "Asia/Jakarta";
const reviewList = await import("~/routes/proxy.reviews");
const reviewPrompt = await import("~/routes/proxy.review-prompt");

const SARI = "5150";
const PRODUCT = `gid://shopify/Product/${SAMPLE_PRODUCT.id}`;
const KETTLE = "gid://shopify/Product/7002";

let storefront: StorefrontStandIn;
let browser: Browser;

async function seedReviews() {
  for (let n = 1; n <= 8; n += 1) {
    await prisma.review.create({
      data: {
        id: `r${n}`,
        shop: TEST_SHOP,
        orderId: `gid://shopify/Order/${n}`,
        lineItemId: `gid://shopify/LineItem/${n}`,
        productId: PRODUCT,
        productTitle: SAMPLE_PRODUCT.title,
        rating: n === 8 ? 2 : 5,
        title: `Review number ${n}`,
        body: `What buyer ${n} thought.`,
        authorName: n === 8 ? "Rina Wulandari" : null,
        verified: n === 8,
        status: "published",
        source: "email",
        reply: n === 8 ? "Sorry, Rina. A new one is on its way." : null,
        repliedAt: n === 8 ? new Date() : null,
        createdAt: new Date(Date.UTC(2026, 4, n)),
      },
    });
  }
  await prisma.reviewPhoto.create({ data: { id: "p8", shop: TEST_SHOP, reviewId: "r8", contentType: "image/png", byteSize: 1, bytes: Buffer.from([0]), createdAt: new Date() } });
}

async function seedSarisOrder(n: number, lines: Array<{ id: number; productId: string; title: string }>) {
  const id = `gid://shopify/Order/${n}`;
  const createdAt = new Date(Date.now() - 9 * DAY);
  const order: OrderRecord = {
    id,
    name: `#${n}`,
    customerId: `gid://shopify/Customer/${SARI}`,
    countryCode: "ID",
    provinceCode: null,
    fulfillmentStatus: "FULFILLED",
    createdAt,
    cancelledAt: null,
    shopifyUpdatedAt: createdAt,
  };
  const parcel: FulfillmentRecord = {
    id: `gid://shopify/Fulfillment/${n}`,
    orderId: id,
    status: "SUCCESS",
    displayStatus: "DELIVERED",
    createdAt,
    shopifyUpdatedAt: createdAt,
    inTransitAt: createdAt,
    deliveredAt: new Date(createdAt.getTime() + 2 * DAY),
    estimatedDeliveryAt: null,
    trackingCompany: null,
    trackingNumber: null,
    trackingUrl: null,
  };
  const lineItems = lines.map((line) => ({ id: `gid://shopify/LineItem/${line.id}`, orderId: id, productId: line.productId, title: line.title, sku: null, quantity: 1 }));
  await saveOrderSnapshots(prisma, TEST_SHOP, [{ order, fulfillments: [parcel], lineItems }]);
  await recordContactDetails(TEST_SHOP, { orderId: id, email: "sari@example.test", firstName: "Sari", locale: "en" });
}

/** Sari's account page as Shopify renders it: her orders in Liquid, the prompt block with its script. */
async function accountPage(baseUrl: string): Promise<string> {
  const liquid = createStorefrontLiquid({ timeZone: "Asia/Jakarta", locale: "en", moneyFormat: "Rp {{amount}}", assetBaseUrl: `${baseUrl}/assets` });
  const objects = storefrontObjects({ country: "ID", locale: "en", appMetafields: {}, product: null, pageType: "page" });
  objects.app = { metafields: { aftercare: { contact: { value: { email: "help@kopi.test", hours: "Mon–Fri 9–17" } } } } };
  const item = (id: number, title: string) => ({ id, title, product: { title }, image: null, fulfillment: { created_at: "2026-05-01" } });
  objects.customer = {
    id: Number(SARI),
    email: "sari@example.test",
    orders: [
      { id: 4102, name: "#4102", cancelled: false, fulfillment_status: "fulfilled", line_items: [item(421, "Pour-over kettle")] },
      { id: 4101, name: "#4101", cancelled: false, fulfillment_status: "fulfilled", line_items: [item(411, SAMPLE_PRODUCT.title)] },
    ],
  };
  const block = await renderBlock(liquid, "review-prompt", { objects, id: "p1" });
  return `<!doctype html><html lang="en"><head><meta charset="utf-8"><title>Account</title>
<link rel="stylesheet" href="${baseUrl}/assets/aftercare-reviews.css">
<script src="${baseUrl}/assets/aftercare-review-prompt.js" defer></script></head>
<body><main>${block}</main></body></html>`;
}

/** A product nobody has reviewed yet. */
const NO_REVIEWS = { ...SAMPLE_PRODUCT, id: 7003, handle: "new-kettle", title: "New kettle", metafields: undefined };

/** The product page with the star badge under the title, where a merchant would put it, then a tall description. */
async function productWithBadge(baseUrl: string, product: typeof SAMPLE_PRODUCT): Promise<string> {
  const liquid = createStorefrontLiquid({ timeZone: "Asia/Jakarta", locale: "en", moneyFormat: "Rp {{amount}}", assetBaseUrl: `${baseUrl}/assets` });
  const objects = storefrontObjects({ country: "ID", locale: "en", appMetafields: {}, product, pageType: "product" });
  const badge = await renderBlock(liquid, "review-badge", { objects, id: "b1" });
  const page = await renderStorefrontPreview({ country: "ID", locale: "en", page: "product", product, appMetafields: {}, assetBaseUrl: `${baseUrl}/assets` });
  return page
    .replace("</h1>", `</h1><div class="shopify-app-block">${badge}</div>`)
    .replace('<div class="product__description">', '<div class="product__description" style="min-height: 2000px">');
}

const loggedInCustomer = (request: IncomingMessage) => (/(?:^|;\s*)customer=(\d+)/.exec(request.headers.cookie ?? "") ? SARI : undefined);

beforeAll(async () => {
  await seedReviews();
  await seedSarisOrder(4101, [{ id: 411, productId: PRODUCT, title: SAMPLE_PRODUCT.title }]);
  await seedSarisOrder(4102, [{ id: 421, productId: KETTLE, title: "Pour-over kettle" }]);
  await prisma.review.create({
    data: {
      id: "kettle-by-sari",
      shop: TEST_SHOP,
      orderId: "gid://shopify/Order/4102",
      lineItemId: "gid://shopify/LineItem/421",
      productId: KETTLE,
      productTitle: "Pour-over kettle",
      rating: 4,
      title: "",
      body: "Pours well.",
      authorName: "Sari",
      verified: true,
      status: "published",
      source: "storefront",
      createdAt: new Date(),
    },
  });
  storefront = await startStorefrontStandIn({
    page: async (url, baseUrl) =>
      url.pathname === "/account"
        ? { html: await accountPage(baseUrl), headers: { "set-cookie": `customer=${SARI}; Path=/` } }
        : url.pathname === `/products/${NO_REVIEWS.handle}`
          ? productWithBadge(baseUrl, NO_REVIEWS)
          : url.pathname === `/products/${SAMPLE_PRODUCT.handle}/badge`
            ? productWithBadge(baseUrl, { ...SAMPLE_PRODUCT, metafields: reviewMetafields(4.6, 8) })
            : renderStorefrontPreview({
            country: "ID",
            locale: "en",
            page: "product",
            product: { ...SAMPLE_PRODUCT, metafields: reviewMetafields(4.6, 8) },
            appMetafields: {},
            assetBaseUrl: `${baseUrl}/assets`,
          }),
    proxy: {
      "/apps/aftercare/reviews": { appPath: "/proxy/reviews", loader: reviewList.loader },
      "/apps/aftercare/review-prompt": { appPath: "/proxy/review-prompt", loader: reviewPrompt.loader, action: reviewPrompt.action },
    },
    loggedInCustomer,
  });
  browser = await launchBrowser();
});

afterAll(async () => {
  await browser?.close();
  await storefront?.close();
});

async function open(path: string, viewport = { width: 1280, height: 800 }): Promise<Page> {
  // The shopper is in Indonesia: review dates are their local days, whatever the machine's zone.
  const tab = await (await browser.newContext({ viewport, timezoneId: SHOPPER_ZONE })).newPage();
  await tab.goto(`${storefront.baseUrl}${path}`);
  return tab;
}

describe("the review display block in a browser", () => {
  it("shows the first page of reviews under the stars, then the rest from the keyboard", async () => {
    const tab = await open(`/products/${SAMPLE_PRODUCT.handle}`);
    const reviews = tab.locator(".aftercare-review");
    await tab.getByText("Showing 6 of 8 reviews").waitFor();

    expect(await tab.locator(".aftercare-reviews__summary").innerText()).toBe("4.6 out of 5 stars, 8 reviews");
    expect(await reviews.locator("h3").allInnerTexts()).toEqual([8, 7, 6, 5, 4, 3].map((n) => `Review number ${n}`));
    const newest = reviews.first();
    expect(await newest.locator(".aftercare-visually-hidden").innerText()).toBe("2 out of 5 stars");
    expect(await newest.locator(".aftercare-review__meta").innerText()).toMatch(/^Rina\s+May 8, 2026\s+.?\s*Verified buyer$/);
    expect(await newest.locator(".aftercare-review__reply").innerText()).toMatch(/^Reply from Toko Rapi\n+Sorry, Rina\. A new one is on its way\.$/);
    expect(await newest.getByRole("img", { name: "Photo shared with the review" }).getAttribute("src")).toBe("/apps/aftercare/review-photo?id=p8");
    expect(await reviews.nth(1).locator(".aftercare-review__meta").innerText()).toMatch(/^A shopper\s+May 7, 2026$/);

    const more = tab.getByRole("button", { name: "Show more reviews" });
    await more.focus();
    await tab.keyboard.press("Enter");
    await tab.getByText("Showing 8 of 8 reviews").waitFor();

    expect(await reviews.count()).toBe(8);
    expect(await more.isVisible()).toBe(false);
    expect(await tab.evaluate(() => document.activeElement?.querySelector("h3")?.textContent)).toBe("Review number 2");
    expect(blocking(await runAxe(tab))).toEqual([]);
    await tab.close();
  }, 30_000);

  it("moves nothing on the page when the reviews arrive", async () => {
    const tab = await (await browser.newContext({ viewport: { width: 1280, height: 2400 }, timezoneId: SHOPPER_ZONE })).newPage();
    await recordLayoutShifts(tab);
    await tab.goto(`${storefront.baseUrl}/products/${SAMPLE_PRODUCT.handle}`);
    await tab.getByText("Showing 6 of 8 reviews").waitFor();
    await tab.waitForTimeout(200);

    const shift = await layoutShiftOf(tab);
    expect(shift).toBeLessThan(0.01);
    await tab.close();
  }, 30_000);
});

describe("the star badge, Write a review and the empty state in a browser", () => {
  it("takes the shopper from the badge next to the title to the reviews, from the keyboard", async () => {
    const tab = await open(`/products/${SAMPLE_PRODUCT.handle}/badge`, { width: 1280, height: 700 });
    const badge = tab.getByRole("link", { name: "Rated 4.6 out of 5, 8 reviews" });
    const reviews = tab.locator("#aftercare-reviews");

    expect(await badge.locator(".aftercare-review-badge__text").innerText()).toBe("4.6 (8)");
    expect(await badge.locator(".aftercare-stars").evaluate((el) => getComputedStyle(el, "::after").width)).not.toBe("0px");
    expect(await reviews.evaluate((el) => el.getBoundingClientRect().top > window.innerHeight)).toBe(true);
    await badge.focus();
    await tab.keyboard.press("Enter");
    await tab.waitForFunction(() => {
      const top = document.getElementById("aftercare-reviews")?.getBoundingClientRect().top ?? -1;
      return Math.abs(top) < 2;
    });

    expect(new URL(tab.url()).hash).toBe("#aftercare-reviews");
    expect(await reviews.getByRole("heading", { name: "Customer reviews" }).isVisible()).toBe(true);
    await tab.close();
  }, 30_000);

  it("opens 'Write a review' from the keyboard: verified buyers only, with the login link", async () => {
    const tab = await open(`/products/${SAMPLE_PRODUCT.handle}`);
    await tab.getByText("Showing 6 of 8 reviews").waitFor();
    const explanation = tab.getByText("Reviews come from verified buyers");
    const login = tab.getByRole("link", { name: "Bought this? Log in to review it." });

    expect(await explanation.isVisible()).toBe(false);
    await tab.locator("summary", { hasText: "Write a review" }).focus();
    await tab.keyboard.press("Enter");
    await explanation.waitFor();
    await tab.keyboard.press("Tab");

    expect(await login.evaluate((el) => el === document.activeElement)).toBe(true);
    expect(await login.getAttribute("href")).toBe("/account/login");
    expect(blocking(await runAxe(tab))).toEqual([]);
    await tab.close();
  }, 30_000);

  it("invites the first review on a product without any, and never asks the app for a list", async () => {
    const asked = storefront.answers.length;
    const tab = await open(`/products/${NO_REVIEWS.handle}`);
    await tab.waitForLoadState("load");
    await tab.waitForTimeout(2500);

    expect(await tab.locator("#aftercare-reviews").innerText()).toMatch(/^Customer reviews\n+No reviews yet — be the first to review this product\.\n+Write a review$/);
    expect(await tab.locator(".aftercare-review-badge").count()).toBe(0);
    expect(await tab.locator(".aftercare-reviews__status").count()).toBe(0);
    expect(await tab.locator('script[type="application/ld+json"]').count()).toBe(0);
    expect(storefront.answers.slice(asked).filter((answer) => answer.path.startsWith("/apps/aftercare/reviews"))).toEqual([]);
    expect(blocking(await runAxe(tab))).toEqual([]);
    await tab.close();
  }, 30_000);
});

describe("the review prompt block in a browser", () => {
  it("hides what the customer already reviewed", async () => {
    const tab = await open("/account");
    const kettle = tab.locator('[data-line-item-id="421"]');
    await tab.waitForFunction(() => document.querySelector<HTMLElement>('[data-line-item-id="421"]')?.hidden === true);

    expect(await kettle.isVisible()).toBe(false);
    expect(await tab.locator('[data-line-item-id="411"]').isVisible()).toBe(true);
    await tab.close();
  }, 30_000);

  it("offers help on 'No', keeps the form, announces a missing rating and stores the review as verified", async () => {
    const tab = await open("/account");
    await tab.getByText(SAMPLE_PRODUCT.title).click();
    const item = tab.locator('[data-line-item-id="411"]');

    await item.getByRole("radio", { name: "No" }).check();
    await item.getByText("help@kopi.test").waitFor();
    expect(await item.getByText("Sorry about that.").isVisible()).toBe(true);
    expect(await prisma.reviewHelpRequest.count({ where: { lineItemId: "gid://shopify/LineItem/411" } })).toBe(1);

    await item.getByLabel("Your review").fill("Sturdy, <b>bold</b> colours.");
    await item.getByRole("button", { name: "Post review" }).click();
    await item.getByText("Choose from 1 to 5 stars.").waitFor();
    expect(await item.getByRole("group", { name: "Your rating" }).getAttribute("aria-invalid")).toBe("true");

    await item.getByRole("radio", { name: "4 stars" }).check();
    await item.getByLabel("Title (optional)").fill("Good bag");
    await item.getByRole("button", { name: "Post review" }).click();
    await item.getByText("Thank you! Your review is published.").waitFor();

    expect(await item.getByRole("button", { name: "Post review" }).isVisible()).toBe(false);
    const stored = await prisma.review.findFirstOrThrow({ where: { lineItemId: "gid://shopify/LineItem/411" } });
    expect(stored).toMatchObject({ rating: 4, title: "Good bag", body: "Sturdy, <b>bold</b> colours.", verified: true, authorName: "Sari", source: "storefront" });
    expect(blocking(await runAxe(tab))).toEqual([]);
    await tab.close();
  }, 30_000);
});
