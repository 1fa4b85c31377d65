import type { Browser, Page } from "playwright-core";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { OrderSnapshot } from "~/models/orders/record";
import { zonedDateTime } from "~/models/shop/time";
import { launchBrowser } from "../support/browser";
import { startStorefrontStandIn, type StorefrontStandIn } from "../support/storefront/proxy-stand-in";
import { readStorefrontLocale } from "../support/storefront/extension-files";
import { createStorefrontLiquid, renderBlock } from "../support/storefront/liquid-environment";
import { storefrontObjects, type StorefrontLocale } from "../support/storefront/storefront-fixtures";
import { storeOfflineSession } from "../support/sessions";
import { TEST_SHOP } from "../support/test-env";

/**
 * The order status block in a real browser: Liquid renders the page, the block's script posts to
 * /apps/aftercare/order-status, and this server forwards it as Shopify's app proxy does (signed query,
 * X-Forwarded-For) to the real proxy route, which reads a seeded order from the test database.
 */

const { inOrderTransaction, saveOrderSnapshots } = await import("~/models/orders/snapshots.server");
const { recordContactDetails } = await import("~/models/orders/contact-details.server");
const proxy = await import("~/routes/proxy.order-status");
const { saveShippingRules } = await import("~/models/shipping/settings.server");
const { sampleShippingRules } = await import("../support/storefront/sample-shipping-rules");
const { recordDeliveryPromise } = await import("~/models/delays/delay.server");
const { contactMetafieldValue, contactOptionsSchema } = await import("~/models/contact/options");

// The shop's help channels as published from Settings > Contact: shown with a failed or late order.
const CONTACT_METAFIELDS = {
  aftercare: {
    contact: {
      type: "json",
      value: JSON.stringify(contactMetafieldValue(contactOptionsSchema.parse({ email: "care@toko.example", phone: "+62 274 555-0142" }))),
    },
  },
};

// The shop's zone, from its saved shipping rules: the block shows the shop's calendar days.
const TIME_ZONE = sampleShippingRules().timeZone;
const DAY = 86_400_000;
const shipped = new Date(Date.now() - 2 * DAY);
const expected = new Date(Date.now() + 2 * DAY);
const later = new Date(Date.now() + 4 * DAY);

let storefront: StorefrontStandIn;
let baseUrl: string;
let browser: Browser;

async function seed() {
  await storeOfflineSession({ accessToken: "shpat_installed" });
  await saveShippingRules(TEST_SHOP, sampleShippingRules());
  const orderId = "gid://shopify/Order/1042";
  const snapshot: OrderSnapshot = {
    order: {
      id: orderId,
      name: "#1042",
      customerId: null,
      countryCode: "ID",
      provinceCode: null,
      fulfillmentStatus: "FULFILLED",
      createdAt: new Date(shipped.getTime() - DAY),
      cancelledAt: null,
      shopifyUpdatedAt: shipped,
    },
    fulfillments: [
      {
        id: "gid://shopify/Fulfillment/77",
        orderId,
        status: "SUCCESS",
        displayStatus: "IN_TRANSIT",
        createdAt: shipped,
        shopifyUpdatedAt: shipped,
        inTransitAt: shipped,
        deliveredAt: null,
        estimatedDeliveryAt: expected,
        trackingCompany: "JNE",
        trackingNumber: "JNE0042",
        trackingUrl: "https://track.example/JNE0042",
      },
    ],
    lineItems: [
      { id: "gid://shopify/LineItem/1", orderId, productId: "gid://shopify/Product/9001", title: "Batik Tote Bag", sku: null, quantity: 1 },
    ],
  };
  await inOrderTransaction((db) => saveOrderSnapshots(db, TEST_SHOP, [snapshot]));
  await recordContactDetails(TEST_SHOP, { orderId, email: "sari@example.com", firstName: null, locale: "en" });

  // Orders the admin lists as needing attention, relative to the test's "now" like the one above.
  const troubled = async (number: number, parcel: Partial<OrderSnapshot["fulfillments"][number]>, promise?: { earliest: Date; latest: Date }) => {
    const id = `gid://shopify/Order/${number}`;
    const shippedLongAgo = new Date(Date.now() - 20 * DAY);
    await inOrderTransaction((db) =>
      saveOrderSnapshots(db, TEST_SHOP, [
        {
          order: { ...snapshot.order, id, name: `#${number}`, createdAt: new Date(shippedLongAgo.getTime() - DAY), shopifyUpdatedAt: shippedLongAgo },
          fulfillments: [
            {
              ...snapshot.fulfillments[0],
              id: `gid://shopify/Fulfillment/${number}`,
              orderId: id,
              createdAt: shippedLongAgo,
              shopifyUpdatedAt: shippedLongAgo,
              inTransitAt: shippedLongAgo,
              ...parcel,
            },
          ],
          lineItems: [],
        },
      ]),
    );
    await recordContactDetails(TEST_SHOP, { orderId: id, email: "sari@example.com", firstName: null, locale: "en" });
    if (promise) {
      const day = (date: Date) => zonedDateTime(date, TIME_ZONE).date;
      await recordDeliveryPromise(TEST_SHOP, id, { earliest: day(promise.earliest), latest: day(promise.latest) }, TIME_ZONE, shippedLongAgo);
    }
  };
  await troubled(1043, { estimatedDeliveryAt: new Date(Date.now() - 10 * DAY) });
  await troubled(1044, { estimatedDeliveryAt: later }, { earliest: new Date(Date.now() - 8 * DAY), latest: new Date(Date.now() - 6 * DAY) });
  await troubled(1045, { displayStatus: "FAILURE", estimatedDeliveryAt: expected });
}

async function page(locale: StorefrontLocale): Promise<string> {
  const liquid = createStorefrontLiquid({ timeZone: TIME_ZONE, locale, moneyFormat: "Rp {{amount}}", assetBaseUrl: `${baseUrl}/assets` });
  const block = await renderBlock(liquid, "order-status", {
    objects: storefrontObjects({ country: "ID", locale, appMetafields: CONTACT_METAFIELDS, product: null, pageType: "index" }),
  });
  return `<!doctype html><html lang="${locale}"><head><meta charset="utf-8"><title>Order status</title>
<link rel="stylesheet" href="${baseUrl}/assets/aftercare-order-status.css">
<script src="${baseUrl}/assets/aftercare-order-status.js" defer></script></head>
<body><main>${block}</main></body></html>`;
}

beforeAll(async () => {
  await seed();
  storefront = await startStorefrontStandIn({
    page: (url) => page((url.searchParams.get("locale") ?? "en") as StorefrontLocale),
    proxy: { "/apps/aftercare/order-status": { appPath: "/proxy/order-status", action: proxy.action } },
  });
  baseUrl = storefront.baseUrl;
  browser = await launchBrowser();
});

afterAll(async () => {
  await browser?.close();
  await storefront?.close();
});

async function lookUp(locale: StorefrontLocale, orderNumber: string, email: string): Promise<Page> {
  const tab = await browser.newPage();
  await tab.goto(`${baseUrl}/pages/track?locale=${locale}`);
  await tab.fill('input[name="orderNumber"]', orderNumber);
  await tab.fill('input[name="email"]', email);
  await tab.click("button[type=submit]");
  return tab;
}

function shortDate(date: Date, locale: StorefrontLocale = "en"): string {
  const [, month, day] = zonedDateTime(date, TIME_ZONE).date.split("-").map(Number);
  const months = (readStorefrontLocale(locale) as { aftercare: { dates: { months: Record<string, string> } } }).aftercare.dates.months;
  return `${day} ${months[String(month)]}`;
}

const visibleLines = (tab: Page) =>
  tab.locator("[role=status]").innerText().then((text) => text.split("\n").map((line) => line.trim()).filter(Boolean));

describe("the order status block in a browser", () => {
  it("shows the timeline, carrier, tracking link and expected day for the right email", async () => {
    const tab = await lookUp("en", "#1042", "Sari@Example.com");
    await tab.locator("[role=status] ol").waitFor();

    expect(await visibleLines(tab)).toEqual([
      "Order #1042",
      `Ordered ${shortDate(new Date(shipped.getTime() - DAY))}`,
      `Packed and handed to the carrier ${shortDate(shipped)}`,
      `In transit ${shortDate(shipped)}`,
      "Out for delivery",
      "Delivered",
      `Estimated delivery: ${shortDate(expected)}`,
      "Carrier: JNE",
      "Tracking number: JNE0042",
      "Track your parcel",
    ]);
    expect(await tab.locator("[role=status] [data-slot=help]").isHidden()).toBe(true);
    const done = await tab.locator("[data-step]").evaluateAll((items) => items.map((item) => (item as HTMLElement).dataset.done));
    expect(done).toEqual(["true", "true", "true", "false", "false"]);
    expect(await tab.locator("[aria-current=step]").getAttribute("data-step")).toBe("in_transit");
    expect(await tab.getByRole("link", { name: "Track your parcel" }).getAttribute("href")).toBe("https://track.example/JNE0042");
    await tab.close();
  }, 30_000);

  it("shows an order past the carrier's estimate as later than we said, without the stale date, with the contact options", async () => {
    const tab = await lookUp("en", "#1043", "sari@example.com");
    await tab.locator("[role=status] ol").waitFor();

    const lines = await visibleLines(tab);
    expect(lines.slice(0, 2)).toEqual(["Order #1043", "This order is later than we said. We are sorry for the wait."]);
    expect(lines.join("\n")).not.toMatch(/Estimated delivery|Now expected/);
    expect(lines).not.toContain(`Estimated delivery: ${shortDate(new Date(Date.now() - 10 * DAY))}`);
    expect(lines.slice(-3)).toEqual(["Contact us", "Email: care@toko.example", "Phone: +62 274 555-0142"]);
    expect(await tab.getByRole("link", { name: "care@toko.example" }).getAttribute("href")).toBe("mailto:care@toko.example");
    await tab.close();
  }, 30_000);

  it("past its promise, gives the carrier's newer estimate as the new expectation, in Indonesian", async () => {
    const tab = await lookUp("id", "1044", "sari@example.com");
    await tab.locator("[role=status] ol").waitFor();

    const lines = await visibleLines(tab);
    expect(lines[1]).toBe("Pesanan ini terlambat dari yang kami sampaikan. Mohon maaf atas penantiannya.");
    expect(lines).toContain(`Kini diperkirakan tiba: ${shortDate(later, "id")}`);
    expect(lines.join("\n")).not.toMatch(/Perkiraan tiba/);
    expect(lines).toContain("Hubungi kami");
    await tab.close();
  }, 30_000);

  it("shows a failed delivery as failed, with no estimate, and the contact options", async () => {
    const tab = await lookUp("en", "1045", "sari@example.com");
    await tab.locator("[role=status] ol").waitFor();

    const lines = await visibleLines(tab);
    expect(lines[1]).toBe("The carrier could not deliver this order. Contact us and we will sort it out.");
    expect(lines.join("\n")).not.toMatch(/Estimated delivery|Now expected|later than we said/);
    expect(lines).toContain("Email: care@toko.example");
    expect(await tab.locator("[aria-current=step]").getAttribute("data-step")).toBe("in_transit");
    await tab.close();
  }, 30_000);

  it("answers a wrong email in the shopper's language without revealing the order", async () => {
    const tab = await lookUp("id", "1042", "orang.lain@example.com");
    await tab.getByText("Kami tidak menemukan pesanan").waitFor();

    expect(await visibleLines(tab)).toEqual(["Kami tidak menemukan pesanan dengan nomor dan email tersebut. Periksa keduanya lalu coba lagi."]);
    expect(await tab.locator("[data-step]").count()).toBe(0);
    await tab.close();
  }, 30_000);

  it("says 'try again' when its own code fails on an answer, and puts the cause in the console", async () => {
    const tab = await browser.newPage();
    const logged: string[] = [];
    tab.on("console", (message) => {
      if (message.type() === "error") logged.push(message.text());
    });
    // An answer the script cannot draw (no timeline): the fault is the page's, not the network's.
    await tab.route("**/apps/aftercare/order-status", (route) =>
      route.fulfill({ status: 200, contentType: "application/json", body: JSON.stringify({ result: "found", order: { name: "#1042" }, returns: [] }) }),
    );
    await tab.goto(`${baseUrl}/pages/track?locale=en`);
    await tab.fill('input[name="orderNumber"]', "#1042");
    await tab.fill('input[name="email"]', "sari@example.com");
    await tab.click("button[type=submit]");
    const failed = await tab.locator("aftercare-order-status").getAttribute("data-failed");
    await tab.locator("[role=status]", { hasText: failed! }).waitFor();
    expect(logged).toEqual([expect.stringMatching(/TypeError/)]);
    await tab.close();
  }, 30_000);

  it("says which field the proxy refused", async () => {
    const tab = await lookUp("en", "1042", "not-an-email");
    await tab.getByText("Enter the email address").waitFor();

    expect(await visibleLines(tab)).toEqual(["Enter the email address you used for the order."]);
    await tab.close();
  }, 30_000);

  it("reserves the answer's room before anything is typed", async () => {
    const tab = await browser.newPage();
    await tab.goto(`${baseUrl}/pages/track?locale=en`);

    const box = await tab.locator("[role=status]").boundingBox();
    expect(box?.height).toBeGreaterThanOrEqual(40);
    await tab.close();
  }, 30_000);
});
