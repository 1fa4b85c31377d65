import type { Browser, Page } from "playwright-core";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { OrderSnapshot } from "~/models/orders/record";
import { returnRulesSchema } from "~/models/returns/rules";
import { addDays, zonedDateTime } from "~/models/shop/time";
import { launchBrowser } from "../support/browser";
import { startStorefrontStandIn, type StorefrontStandIn } from "../support/storefront/proxy-stand-in";
import { readStorefrontLocale } from "../support/storefront/extension-files";
import { returnCheckPage } from "../support/storefront/return-check-page";
import type { StorefrontLocale } from "../support/storefront/storefront-fixtures";
import { storeOfflineSession } from "../support/sessions";
import { TEST_SHOP } from "../support/test-env";

/**
 * The order check block in a real browser: Liquid renders the page, the block's script posts to
 * /apps/aftercare/returns, and this server forwards it the way Shopify's app proxy does (signed query,
 * X-Forwarded-For) to the real proxy route, which reads a seeded order from the test database.
 */

const { inOrderTransaction, saveOrderSnapshots } = await import("~/models/orders/snapshots.server");
const { recordContactDetails } = await import("~/models/orders/contact-details.server");
const { saveReturnSettings } = await import("~/models/returns/settings.server");
const proxy = await import("~/routes/proxy.returns");

const TIME_ZONE = "Asia/Jakarta";
const DAY = 86_400_000;
const delivered = new Date(Date.now() - 3 * DAY);

let storefront: StorefrontStandIn;
let baseUrl: string;
let browser: Browser;

async function seed() {
  await storeOfflineSession({ accessToken: "shpat_installed" });
  await saveReturnSettings(TEST_SHOP, {
    rules: returnRulesSchema.parse({ windowDays: 30, finalSale: { tags: ["final-sale"] } }),
    timeZone: TIME_ZONE,
    finalSaleProducts: { "gid://shopify/Product/9002": { tags: ["final-sale"], collectionIds: [] } },
  });
  const orderId = "gid://shopify/Order/1042";
  const snapshot: OrderSnapshot = {
    order: {
      id: orderId,
      name: "#1042",
      customerId: null,
      countryCode: "ID",
      provinceCode: null,
      fulfillmentStatus: "FULFILLED",
      createdAt: new Date(delivered.getTime() - 4 * DAY),
      cancelledAt: null,
      shopifyUpdatedAt: delivered,
    },
    fulfillments: [
      {
        id: "gid://shopify/Fulfillment/77",
        orderId,
        status: "SUCCESS",
        displayStatus: "DELIVERED",
        createdAt: new Date(delivered.getTime() - 2 * DAY),
        shopifyUpdatedAt: delivered,
        inTransitAt: null,
        deliveredAt: delivered,
        estimatedDeliveryAt: null,
        trackingCompany: null,
        trackingNumber: null,
        trackingUrl: null,
      },
    ],
    lineItems: [
      { id: "gid://shopify/LineItem/1", orderId, productId: "gid://shopify/Product/9001", title: "Batik Tote Bag", sku: null, quantity: 1 },
      { id: "gid://shopify/LineItem/2", orderId, productId: "gid://shopify/Product/9002", title: "Ikat Cushion Cover", sku: null, quantity: 2 },
    ],
  };
  await inOrderTransaction((db) => saveOrderSnapshots(db, TEST_SHOP, [snapshot]));
  await recordContactDetails(TEST_SHOP, { orderId, email: "sari@example.com", firstName: null, locale: "en" });
}

const page = (locale: StorefrontLocale) => returnCheckPage({ baseUrl, locale, timeZone: TIME_ZONE });

beforeAll(async () => {
  await seed();
  storefront = await startStorefrontStandIn({
    page: (url) => page((url.searchParams.get("locale") ?? "en") as StorefrontLocale),
    proxy: { "/apps/aftercare/returns": { appPath: "/proxy/returns", action: proxy.action } },
  });
  baseUrl = storefront.baseUrl;
  browser = await launchBrowser();
});

afterAll(async () => {
  await browser?.close();
  await storefront?.close();
});

async function checkOrder(locale: StorefrontLocale, orderNumber: string, email: string): Promise<Page> {
  const tab = await browser.newPage();
  await tab.goto(`${baseUrl}/pages/returns?locale=${locale}`);
  await tab.fill('input[name="orderNumber"]', orderNumber);
  await tab.fill('input[name="email"]', email);
  await tab.click("button[type=submit]");
  return tab;
}

const resultText = (tab: Page) => tab.locator("[role=status]").innerText();

describe("the order check in a browser", () => {
  it("lists each item with its return status for the right email", async () => {
    const tab = await checkOrder("en", "#1042", "Sari@Example.com");
    await tab.locator("[role=status] li").first().waitFor();

    const [, month, day] = addDays(zonedDateTime(delivered, TIME_ZONE).date, 30).split("-").map(Number);
    const months = (readStorefrontLocale("en") as { aftercare: { dates: { months: Record<string, string> } } }).aftercare.dates.months;
    expect((await resultText(tab)).split("\n").filter(Boolean)).toEqual([
      "Order #1042",
      `Batik Tote Bag × 1: Returnable until ${day} ${months[String(month)]}`,
      "Ikat Cushion Cover × 2: Final sale: cannot be returned",
    ]);
    await tab.close();
  }, 30_000);

  it("answers a wrong email in the shopper's language without revealing the order", async () => {
    const tab = await checkOrder("id", "1042", "orang.lain@example.com");
    await tab.getByText("Kami tidak menemukan pesanan").waitFor();

    expect(await resultText(tab)).toBe("Kami tidak menemukan pesanan dengan nomor dan email tersebut. Periksa keduanya lalu coba lagi.");
    await tab.close();
  }, 30_000);

  it("marks the field the proxy refused", async () => {
    const tab = await checkOrder("en", "1042", "not-an-email");
    const error = tab.locator('[data-error-for="email"]');
    await error.filter({ hasText: /./ }).waitFor();

    expect(await error.innerText()).toBe("Enter the email address you used for the order.");
    expect(await tab.getAttribute('input[name="email"]', "aria-invalid")).toBe("");
    expect(await tab.locator('[data-error-for="orderNumber"]').innerText()).toBe("");
    await tab.close();
  }, 30_000);
});
