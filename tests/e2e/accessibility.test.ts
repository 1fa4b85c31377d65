import { existsSync } from "node:fs";
import path from "node:path";
import { afterAll, beforeAll, beforeEach, describe, expect, it } from "vitest";
import type { Browser, Locator, Page } from "playwright-core";
import prisma from "~/db.server";
import type { FulfillmentRecord, OrderRecord } from "~/models/orders/record";
import { saveOrderSnapshots } from "~/models/orders/snapshots.server";
import { signReviewToken } from "~/models/reviews/token";
import { saveSurveySettings } from "~/models/surveys/survey.server";
import { launchBrowser } from "../support/browser";
import { blocking, runAxe } from "../support/axe";
import { createFakeAdmin, type FakeAdmin } from "../support/fake-admin/server";
import { createSeedShop } from "../support/fake-admin/seed";
import { storeOfflineSession } from "../support/sessions";
import { routeShop } from "../support/shopify-network";
import { createStorefrontLiquid, renderBlock } from "../support/storefront/liquid-environment";
import { startStorefrontStandIn, type StorefrontStandIn } from "../support/storefront/proxy-stand-in";
import { storefrontObjects } from "../support/storefront/storefront-fixtures";
import { TEST_API_SECRET, TEST_SHOP } from "../support/test-env";
import { startDemo, type RunningDemo } from "../../scripts/demo/server";

/**
 * WCAG checks in Chromium: axe-core on the storefront pages that carry all the theme blocks (no serious
 * or critical violation), and the shopper's two forms (survey block, review page) used with the keyboard
 * alone. Every admin page gets axe-core in admin-console-clean.test.ts, on the same load that checks
 * its console.
 */

const root = path.resolve(import.meta.dirname, "../..");
const DAY = 86_400_000;
let browser: Browser;

beforeAll(async () => {
  browser = await launchBrowser();
});

afterAll(async () => {
  await browser?.close();
});

async function offlineTab(): Promise<Page> {
  const tab = await (await browser.newContext()).newPage();
  await tab.route(/^https?:\/\/(?!localhost|127\.0\.0\.1)/, (route) => route.abort());
  return tab;
}

describe("axe-core finds no serious or critical violation", () => {
  let demo: RunningDemo;

  beforeAll(async () => {
    if (!existsSync(path.resolve(root, process.env.AFTERCARE_BUILD_DIR || "build", "server/index.js"))) {
      throw new Error("The app is not built: run `npm run build` (npm test does it first).");
    }
    demo = await startDemo({ appPort: 0, shopifyPort: 0 });
  });

  // The test setup forgets every shop route after each test: the demo's shop answers again for the next one.
  beforeEach(() => {
    routeShop(demo.shopDomain, (request) => demo.fakeAdmin.handle(request));
  });

  afterAll(async () => {
    await demo?.close();
  });

  for (const [name, storefrontPath] of [
    ["product page (delivery estimate, return policy, reviews)", () => `/products/${demo.fakeAdmin.seed.products[0]!.handle}?country=ID`],
    ["product page in Indonesian", () => `/products/${demo.fakeAdmin.seed.products[0]!.handle}?country=ID&locale=id`],
    ["help page (order status, return check, returns help, review prompt)", () => "/pages/help?country=ID"],
    ["home page (shipping banner)", () => "?country=DE"],
  ] as const) {
    it(`on the storefront ${name}`, async () => {
      const tab = await offlineTab();
      await tab.goto(`${demo.storefrontUrl}${storefrontPath()}`);
      await tab.waitForLoadState("networkidle");

      expect(blocking(await runAxe(tab))).toEqual([]);
      await tab.close();
    }, 60_000);
  }
});

/** Whether the focused element (or, for a visually restyled radio, its label) shows a focus indicator. */
async function focusIsVisible(tab: Page): Promise<boolean> {
  return tab.evaluate(() => {
    const focused = document.activeElement;
    if (!(focused instanceof HTMLElement) || !focused.matches(":focus-visible")) return false;
    const candidates = [focused, focused.nextElementSibling, focused.closest("label")].filter((el): el is Element => el instanceof Element);
    return candidates.some((element) => {
      const style = getComputedStyle(element);
      return (style.outlineStyle !== "none" && parseFloat(style.outlineWidth) > 0) || style.boxShadow !== "none";
    });
  });
}

const focusedName = (tab: Page) => tab.evaluate(() => (document.activeElement as HTMLInputElement | null)?.name ?? "");

/** Presses Tab until the element named `name` has focus, checking each stop shows where focus is. */
async function tabTo(tab: Page, name: string, maxStops = 15): Promise<void> {
  for (let stop = 0; stop < maxStops; stop++) {
    await tab.keyboard.press("Tab");
    expect(await focusIsVisible(tab)).toBe(true);
    if ((await focusedName(tab)) === name) return;
  }
  throw new Error(`Tab never reached the field "${name}"`);
}

describe("the shopper's forms work with the keyboard alone", () => {
  let storefront: StorefrontStandIn;
  let fake: FakeAdmin;
  const SARI = "5150";

  beforeEach(() => {
    routeShop(TEST_SHOP, (request) => fake.handle(request));
  });

  beforeAll(async () => {
    fake = createFakeAdmin({
      shop: createSeedShop({ domain: TEST_SHOP }),
      accessToken: "shpat_installed",
      apiSecret: TEST_API_SECRET,
      scopes: ["read_orders", "read_products", "write_products"],
    });
    await storeOfflineSession({ accessToken: "shpat_installed" });
    await saveSurveySettings(TEST_SHOP, { enabled: true, kind: "csat", delayDays: 3 }, new Date(Date.now() - 20 * DAY));
    const productId = [...fake.state.products.keys()][0]!;
    const orderId = "gid://shopify/Order/4001";
    const ago = (days: number) => new Date(Date.now() - days * DAY);
    const order: OrderRecord = {
      id: orderId,
      name: "#4001",
      customerId: `gid://shopify/Customer/${SARI}`,
      countryCode: "ID",
      provinceCode: null,
      fulfillmentStatus: "FULFILLED",
      createdAt: ago(6),
      cancelledAt: null,
      shopifyUpdatedAt: ago(2),
    };
    const parcel: FulfillmentRecord = {
      id: "gid://shopify/Fulfillment/41",
      orderId,
      status: "SUCCESS",
      displayStatus: "DELIVERED",
      createdAt: ago(5),
      shopifyUpdatedAt: ago(2),
      inTransitAt: ago(4),
      deliveredAt: ago(2),
      estimatedDeliveryAt: null,
      trackingCompany: null,
      trackingNumber: null,
      trackingUrl: null,
    };
    const lineItems = [{ id: "gid://shopify/LineItem/41", orderId, productId, title: "Batik Tote Bag", sku: null, quantity: 1 }];
    await saveOrderSnapshots(prisma, TEST_SHOP, [{ order, fulfillments: [parcel], lineItems }]);

    const survey = await import("~/routes/proxy.survey");
    const review = await import("~/routes/proxy.review");
    /** Shopify renders a Liquid answer of the app proxy inside the shop's theme: a plain page here. */
    const inTheme = (handler: typeof review.loader) => async (args: Parameters<typeof review.loader>[0]) => {
      const answer = (await handler(args)) as Response;
      const html = `<!doctype html><html lang="en"><head><meta charset="utf-8"><title>Review</title></head><body>${await answer.text()}</body></html>`;
      return new Response(html, { status: answer.status, headers: { "content-type": "text/html; charset=utf-8" } });
    };
    storefront = await startStorefrontStandIn({
      page: async (_url, baseUrl) => {
        const liquid = createStorefrontLiquid({ timeZone: "Asia/Jakarta", locale: "en", moneyFormat: "Rp {{amount}}", assetBaseUrl: `${baseUrl}/assets` });
        const objects = storefrontObjects({ country: "ID", locale: "en", appMetafields: {}, product: null, pageType: "page" });
        objects.customer = { id: Number(SARI), email: "sari@example.test" };
        const block = await renderBlock(liquid, "survey", { objects });
        return {
          html: `<!doctype html><html lang="en"><head><meta charset="utf-8"><title>Account</title>
<link rel="stylesheet" href="${baseUrl}/assets/aftercare-survey.css">
<script src="${baseUrl}/assets/aftercare-survey.js" defer></script></head><body><main>${block}</main></body></html>`,
          headers: { "set-cookie": `customer=${SARI}; Path=/` },
        };
      },
      proxy: {
        "/apps/aftercare/survey": { appPath: "/proxy/survey", loader: survey.loader, action: survey.action },
        "/apps/aftercare/review": { appPath: "/proxy/review", loader: inTheme(review.loader), action: inTheme(review.action) },
      },
      loggedInCustomer: (request) => /(?:^|;\s*)customer=(\d+)/.exec(request.headers.cookie ?? "")?.[1],
    });
  });

  afterAll(async () => {
    await storefront?.close();
  });

  it("answers the survey block: arrow keys choose a score, Space confirms, Enter sends", async () => {
    const tab = await offlineTab();
    await tab.goto(`${storefront.baseUrl}/pages/account`);
    const scores = tab.getByRole("radio");
    await scores.first().waitFor();
    expect(blocking(await runAxe(tab))).toEqual([]);

    await tabTo(tab, "score");
    await tab.keyboard.press("ArrowRight"); // 2
    await tab.keyboard.press("ArrowRight"); // 3
    await tab.keyboard.press("ArrowRight"); // 4
    await tab.keyboard.press("Space");
    expect(await checkedValue(scores)).toBe("4");
    await tabTo(tab, "comment");
    await tab.keyboard.type("Arrived quickly, well packed.");
    await tab.keyboard.press("Tab");
    expect(await tab.evaluate(() => document.activeElement?.getAttribute("type"))).toBe("submit");
    expect(await focusIsVisible(tab)).toBe(true);
    await tab.keyboard.press("Enter");
    await tab.getByText("Thank you for your answer.").waitFor();

    const stored = await prisma.surveyResponse.findUniqueOrThrow({ where: { shop_orderId: { shop: TEST_SHOP, orderId: "gid://shopify/Order/4001" } } });
    expect(stored).toMatchObject({ value: 4, comment: "Arrived quickly, well packed.", source: "storefront" });
    await tab.close();
  }, 60_000);

  it("publishes a review from the review page: arrow keys pick the stars, typing fills it in, Enter submits", async () => {
    const token = signReviewToken({ shop: TEST_SHOP, orderId: "gid://shopify/Order/4001", lineItemId: "gid://shopify/LineItem/41" }, TEST_API_SECRET, new Date());
    const tab = await offlineTab();
    await tab.goto(`${storefront.baseUrl}/apps/aftercare/review?token=${encodeURIComponent(token)}`);
    const stars = tab.getByRole("radio");
    await stars.first().waitFor();
    expect(blocking(await runAxe(tab))).toEqual([]);

    await tabTo(tab, "rating");
    expect(await focusIsVisible(tab)).toBe(true);
    for (let press = 0; press < 4; press++) await tab.keyboard.press("ArrowRight");
    await tab.keyboard.press("Space");
    expect(await checkedValue(stars)).toBe("5");
    await tabTo(tab, "title");
    await tab.keyboard.type("Sturdy and pretty");
    await tabTo(tab, "body");
    await tab.keyboard.type("The batik print is even nicer in person.");
    // Back to the one-line title field, where Enter submits the form, as a keyboard user would.
    await tab.keyboard.press("Shift+Tab");
    expect(await focusedName(tab)).toBe("title");
    await Promise.all([tab.waitForURL(/\/apps\/aftercare\/review/), tab.keyboard.press("Enter")]);
    await tab.getByRole("heading", { name: "Thank you for your review" }).waitFor();

    const review = await prisma.review.findFirstOrThrow({ where: { shop: TEST_SHOP, orderId: "gid://shopify/Order/4001" } });
    expect(review).toMatchObject({ rating: 5, title: "Sturdy and pretty", body: "The batik print is even nicer in person.", status: "published" });
    await tab.close();
  }, 60_000);
});

async function checkedValue(radios: Locator): Promise<string | null> {
  return radios.evaluateAll((inputs) => (inputs as HTMLInputElement[]).find((input) => input.checked)?.value ?? null);
}
