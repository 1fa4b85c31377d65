import { existsSync } from "node:fs";
import path from "node:path";
import type { Browser, Page } from "playwright-core";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import prisma from "../../app/db.server";
import { closeMailTransports } from "../../app/email/transport.server";
import { enqueueReviewRequests } from "../../app/jobs/review-requests.server";
import { recordContactDetails } from "../../app/models/orders/contact-details.server";
import type { FulfillmentRecord, OrderRecord } from "../../app/models/orders/record";
import { saveOrderSnapshots } from "../../app/models/orders/snapshots.server";
import { sendDueEmails } from "../../app/models/email/outbox.server";
import { saveReviewSettings } from "../../app/models/reviews/review.server";
import * as reviewList from "../../app/routes/proxy.reviews";
import { startDemo, type RunningDemo } from "../../scripts/demo/server";
import { launchBrowser } from "../support/browser";
import { DAY } from "../support/keep-in-touch-fixtures";
import { startSmtpServer, type TestSmtpServer } from "../support/smtp";
import { renderStorefrontPreview } from "../support/storefront/preview";
import { startStorefrontStandIn, type StorefrontStandIn } from "../support/storefront/proxy-stand-in";
import { waitForBlockContent } from "../support/storefront/wait-for-block";
import { SAMPLE_PRODUCT, reviewMetafields } from "../support/storefront/storefront-fixtures";
import { TEST_SHOP } from "../support/test-env";

/**
 * A shopper's review is hostile text. Stored with markup in the reviewer's name, the title and the body,
 * it must stay inert wherever it is shown: in the storefront's review list (fetched through the signed
 * app proxy), on the merchant's reviews page in the admin, and in the review request email. Each payload
 * would set `window.__xss` or open a dialog if it ever ran; Chromium proves neither happens.
 */

const root = path.resolve(import.meta.dirname, "../..");
// Short and without a blank: the storefront shows a reviewer's first word (up to 40 characters), and all of it must get there.
const NAME = `<img/src=x/onerror=alert(1)>`;
const TITLE = `<script>window.__xss='title';alert('title')</script>Great"><svg onload="window.__xss='svg'">`;
const BODY = `</p><img src=x onerror="window.__xss='body'"><a href="javascript:window.__xss='link'">click</a> {{ customer.email }}`;
const REPLY = `<iframe srcdoc="<script>parent.__xss='reply'</script>"></iframe>`;

let browser: Browser;

async function storeHostileReview(shop: string, productId: string, n: number) {
  await prisma.review.create({
    data: {
      id: `hostile-${shop}-${n}`,
      shop,
      orderId: `gid://shopify/Order/${900 + n}`,
      lineItemId: `gid://shopify/LineItem/${900 + n}`,
      productId,
      productTitle: "Batik Tote Bag",
      rating: 1,
      title: TITLE,
      body: BODY,
      authorName: NAME,
      verified: true,
      status: "published",
      source: "storefront",
      reply: REPLY,
      repliedAt: new Date(),
      createdAt: new Date(Date.now() - n * 60_000),
    },
  });
}

/** A tab that records dialogs and keeps off the network outside this machine. */
async function watchedTab(): Promise<{ tab: Page; dialogs: string[] }> {
  const tab = await (await browser.newContext()).newPage();
  const dialogs: string[] = [];
  tab.on("dialog", (dialog) => {
    dialogs.push(dialog.message());
    void dialog.dismiss();
  });
  await tab.route(/^https?:\/\/(?!localhost|127\.0\.0\.1)/, (route) => route.abort());
  return { tab, dialogs };
}

const xssFlag = (tab: Page) => tab.evaluate(() => (window as unknown as { __xss?: unknown }).__xss ?? null);

beforeAll(async () => {
  browser = await launchBrowser();
});

afterAll(async () => {
  await browser?.close();
});

describe("a review full of markup stays text", () => {
  it("in the storefront's review list", async () => {
    const productId = `gid://shopify/Product/${SAMPLE_PRODUCT.id}`;
    await storeHostileReview(TEST_SHOP, productId, 1);
    const storefront: StorefrontStandIn = await startStorefrontStandIn({
      page: (_url, baseUrl) =>
        renderStorefrontPreview({
          country: "ID",
          locale: "en",
          page: "product",
          product: { ...SAMPLE_PRODUCT, metafields: reviewMetafields(1, 1) },
          appMetafields: {},
          assetBaseUrl: `${baseUrl}/assets`,
        }),
      proxy: { "/apps/aftercare/reviews": { appPath: "/proxy/reviews", loader: reviewList.loader } },
    });
    try {
      const { tab, dialogs } = await watchedTab();
      await tab.goto(`${storefront.baseUrl}/products/${SAMPLE_PRODUCT.handle}`);
      const review = tab.locator(".aftercare-review");
      await waitForBlockContent(tab, ".aftercare-review", { status: ".aftercare-reviews [role=status]", storefront });

      expect(await review.locator("h3").innerText()).toBe(TITLE);
      expect(await review.locator(".aftercare-review__author").innerText()).toBe(NAME);
      expect(await review.locator(".aftercare-review__body").innerText()).toBe(BODY);
      expect(await review.locator(".aftercare-review__reply-body").innerText()).toBe(REPLY);
      // In the list, where shoppers' words go (the block's own "Write a review" entry has a login link).
      expect(await tab.locator(".aftercare-reviews__list :is(img, script, svg, iframe, a)").count()).toBe(0);
      expect(await tab.locator("[role=status]").innerText()).toBe("Showing 1 of 1 reviews");
      await tab.waitForTimeout(300);
      expect(await xssFlag(tab)).toBeNull();
      expect(dialogs).toEqual([]);
    } finally {
      await storefront.close();
    }
  }, 60_000);

  it("in the review request email", async () => {
    const smtp: TestSmtpServer = await startSmtpServer();
    process.env.SMTP_URL = smtp.url;
    process.env.MAIL_FROM = "care@kopi.test";
    try {
      const t0 = new Date(Date.now() - 30 * DAY);
      await saveReviewSettings(
        TEST_SHOP,
        { enabled: true, homeCountry: "ID", domestic: { deliveredDays: 7, fulfilledDays: 14 }, international: { deliveredDays: 10, fulfilledDays: 21 }, reminderDays: 7 },
        t0,
      );
      const id = "gid://shopify/Order/7301";
      const order: OrderRecord = {
        id,
        name: "#7301",
        customerId: "gid://shopify/Customer/7301",
        countryCode: "ID",
        provinceCode: null,
        fulfillmentStatus: "FULFILLED",
        createdAt: new Date(t0.getTime() + DAY),
        cancelledAt: null,
        shopifyUpdatedAt: new Date(t0.getTime() + 4 * DAY),
      };
      const parcel: FulfillmentRecord = {
        id: "gid://shopify/Fulfillment/7301",
        orderId: id,
        status: "SUCCESS",
        displayStatus: "DELIVERED",
        createdAt: new Date(t0.getTime() + 2 * DAY),
        shopifyUpdatedAt: new Date(t0.getTime() + 4 * DAY),
        inTransitAt: new Date(t0.getTime() + 2 * DAY),
        deliveredAt: new Date(t0.getTime() + 4 * DAY),
        estimatedDeliveryAt: null,
        trackingCompany: null,
        trackingNumber: null,
        trackingUrl: null,
      };
      const lineItems = [{ id: "gid://shopify/LineItem/7301", orderId: id, productId: "gid://shopify/Product/7001", title: TITLE, sku: null, quantity: 1 }];
      await saveOrderSnapshots(prisma, TEST_SHOP, [{ order, fulfillments: [parcel], lineItems }]);
      await recordContactDetails(TEST_SHOP, { orderId: id, email: "eve@example.test", firstName: NAME, locale: "en" });

      const now = new Date();
      expect((await enqueueReviewRequests(TEST_SHOP, now)).requests).toBe(1);
      await sendDueEmails({ now });
      const [mail] = await smtp.waitForMessages(1);
      expect(mail.html).not.toContain("<script>");
      expect(mail.html).not.toContain("<img src=x");

      const { tab, dialogs } = await watchedTab();
      await tab.setContent(mail.html);
      await tab.waitForTimeout(300);

      expect(await tab.locator("body").innerText()).toContain(TITLE);
      expect(await tab.locator("script, svg, img[src=x]").count()).toBe(0);
      expect(await xssFlag(tab)).toBeNull();
      expect(dialogs).toEqual([]);
    } finally {
      closeMailTransports();
      await smtp.close();
    }
  }, 60_000);

  describe("on the admin's reviews page", () => {
    let demo: RunningDemo;

    beforeAll(async () => {
      if (!existsSync(path.resolve(root, process.env.AFTERCARE_BUILD_DIR || "build", "server/index.js"))) {
        throw new Error("The app is not built: run `npm run build` (npm test does it first).");
      }
      demo = await startDemo({ appPort: 0, shopifyPort: 0, fresh: true });
    });

    afterAll(async () => {
      await demo?.close();
    });

    it("lists the review as text", async () => {
      const productId = [...demo.fakeAdmin.state.products.keys()][0];
      await storeHostileReview(demo.shopDomain, productId, 2);
      const { tab, dialogs } = await watchedTab();
      await tab.goto(demo.adminUrl);
      const home = tab.frameLocator('iframe[title="Aftercare"]');
      await expect.poll(() => home.getByRole("heading", { name: demo.fakeAdmin.shop.name }).isVisible(), { timeout: 20_000 }).toBe(true);

      const frame = tab.frames().find((candidate) => candidate.url().startsWith(demo.appUrl));
      if (!frame) throw new Error("The embedded app's frame is missing");
      const reviewsUrl = new URL(frame.url());
      reviewsUrl.pathname = "/app/reviews";
      await frame.goto(reviewsUrl.toString());
      await frame.getByText(TITLE).first().waitFor({ timeout: 20_000 });

      expect(await frame.getByText(BODY).count()).toBeGreaterThan(0);
      expect(await frame.locator("img[src=x], iframe[srcdoc]").count()).toBe(0);
      await tab.waitForTimeout(300);
      expect(await frame.evaluate(() => (window as unknown as { __xss?: unknown }).__xss ?? null)).toBeNull();
      expect(await xssFlag(tab)).toBeNull();
      expect(dialogs).toEqual([]);
    }, 60_000);
  });
});
