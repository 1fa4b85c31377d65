import type { IncomingMessage } from "node:http";
import type { Browser, Page } from "playwright-core";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import prisma from "~/db.server";
import { saveSurveySettings } from "~/models/surveys/survey.server";
import { launchBrowser } from "../support/browser";
import { startStorefrontStandIn, type StorefrontStandIn } from "../support/storefront/proxy-stand-in";
import { createStorefrontLiquid, renderBlock } from "../support/storefront/liquid-environment";
import { storefrontObjects, type StorefrontLocale } from "../support/storefront/storefront-fixtures";
import { storeOfflineSession } from "../support/sessions";
import { TEST_SHOP } from "../support/test-env";
import { seedOrder } from "../support/keep-in-touch-fixtures";

/**
 * The survey block in a real browser: Liquid renders the page for a logged-in customer, the block's
 * script asks /apps/aftercare/survey for the question and posts the answer, and this server forwards
 * both as Shopify's app proxy does (signed query with logged_in_customer_id, X-Forwarded-For) to the
 * real proxy route, which finds the customer's delivered order in the test database and stores the answer.
 */

const proxy = await import("~/routes/proxy.survey");

const DAY = 86_400_000;
const SARI = "5150";
const ORDER_ID = "gid://shopify/Order/3001";

let storefront: StorefrontStandIn;
let baseUrl: string;
let browser: Browser;

async function seed() {
  await storeOfflineSession({ accessToken: "shpat_installed" });
  await saveSurveySettings(TEST_SHOP, { enabled: true, kind: "csat", delayDays: 3 }, new Date(Date.now() - 20 * DAY));
  await seedOrder(TEST_SHOP, {
    id: ORDER_ID,
    name: "#3001",
    createdAt: new Date(Date.now() - 6 * DAY),
    customerId: `gid://shopify/Customer/${SARI}`,
    parcels: [{ id: "gid://shopify/Fulfillment/31", inTransitAt: new Date(Date.now() - 4 * DAY), deliveredAt: new Date(Date.now() - 2 * DAY) }],
  });
}

async function page(locale: StorefrontLocale, customerId: string): Promise<string> {
  const liquid = createStorefrontLiquid({ timeZone: "Asia/Jakarta", locale, moneyFormat: "Rp {{amount}}", assetBaseUrl: `${baseUrl}/assets` });
  const objects = storefrontObjects({ country: "ID", locale, appMetafields: {}, product: null, pageType: "page" });
  objects.customer = { id: Number(customerId), email: `customer${customerId}@example.test` };
  const block = await renderBlock(liquid, "survey", { objects });
  return `<!doctype html><html lang="${locale}"><head><meta charset="utf-8"><title>Account</title>
<link rel="stylesheet" href="${baseUrl}/assets/aftercare-survey.css">
<script src="${baseUrl}/assets/aftercare-survey.js" defer></script></head>
<body><main>${block}</main><footer>Footer</footer></body></html>`;
}

/** The storefront's session: which customer is logged in, as Shopify knows from its own cookie. */
function loggedInCustomer(request: IncomingMessage): string | undefined {
  return /(?:^|;\s*)customer=(\d+)/.exec(request.headers.cookie ?? "")?.[1];
}

beforeAll(async () => {
  await seed();
  storefront = await startStorefrontStandIn({
    page: async (url) => {
      const locale = (url.searchParams.get("locale") ?? "en") as StorefrontLocale;
      const customer = url.searchParams.get("customer") ?? SARI;
      return { html: await page(locale, customer), headers: { "set-cookie": `customer=${customer}; Path=/` } };
    },
    proxy: { "/apps/aftercare/survey": { appPath: "/proxy/survey", loader: proxy.loader, action: proxy.action } },
    loggedInCustomer,
  });
  baseUrl = storefront.baseUrl;
  browser = await launchBrowser();
});

afterAll(async () => {
  await browser?.close();
  await storefront?.close();
});

async function open(locale: StorefrontLocale, customer = SARI): Promise<Page> {
  const tab = await (await browser.newContext()).newPage();
  await tab.goto(`${baseUrl}/pages/account?locale=${locale}&customer=${customer}`);
  return tab;
}

const status = (tab: Page) => tab.locator("[role=status]").innerText();

describe("the survey block in a browser", () => {
  it("asks about the customer's delivered order on the right scale, and refuses an empty answer in their language", async () => {
    const tab = await open("id");
    const question = tab.getByRole("group", { name: "Seberapa puas Anda dengan pesanan dari Toko Rapi?" });
    await question.waitFor();

    expect(await tab.getByText("Tentang pesanan #3001").isVisible()).toBe(true);
    expect(await question.getByRole("radio").evaluateAll((radios) => radios.map((radio) => (radio as HTMLInputElement).value))).toEqual(["1", "2", "3", "4", "5"]);
    await tab.getByRole("button", { name: "Kirim jawaban" }).click();
    await tab.getByText("Pilih jawaban terlebih dahulu.").waitFor();
    expect(await prisma.surveyResponse.count()).toBe(0);
    await tab.close();
  }, 30_000);

  it("reserves about the question's room while it loads, so the page below barely moves", async () => {
    const loading = await (await browser.newContext()).newPage();
    await loading.route("**/aftercare-survey.js", (route) => route.abort());
    await loading.goto(`${baseUrl}/pages/account?locale=en&customer=${SARI}`);
    const reserved = (await loading.locator("footer").boundingBox())?.y ?? 0;
    const tab = await open("en");
    await tab.getByRole("radio", { name: "5" }).waitFor();
    const shown = (await tab.locator("footer").boundingBox())?.y ?? 0;

    expect(reserved).toBeGreaterThan(200);
    expect(Math.abs(shown - reserved)).toBeLessThan(48);
    await loading.close();
    await tab.close();
  }, 30_000);

  it("stores the answer and comment and thanks the shopper", async () => {
    const tab = await open("en");
    await tab.getByRole("radio", { name: "2" }).waitFor();

    await tab.getByRole("radio", { name: "2" }).check();
    await tab.getByLabel("Anything you would like to add? (optional)").fill("The box arrived <b>crushed</b>.");
    await tab.getByRole("button", { name: "Send answer" }).click();
    await tab.getByText("Thank you for your answer.").waitFor();

    expect(await status(tab)).toBe(
      "Thank you for your answer. It helps us do better. We are sorry it was not better. Someone from our team will look at your answer.",
    );
    expect(await tab.locator("form").isVisible()).toBe(false);
    const stored = await prisma.surveyResponse.findUniqueOrThrow({ where: { shop_orderId: { shop: TEST_SHOP, orderId: ORDER_ID } } });
    expect(stored).toMatchObject({ kind: "csat", value: 2, comment: "The box arrived <b>crushed</b>.", source: "storefront", followUp: true });
    await tab.close();
  }, 30_000);

  it("shows nothing once the order is answered, nor to a customer with no delivered order", async () => {
    for (const customer of [SARI, "6060"]) {
      const tab = await open("en", customer);
      await tab.waitForFunction(() => document.querySelector<HTMLElement>("aftercare-survey")?.hidden === true);

      expect(await tab.locator("aftercare-survey").isVisible()).toBe(false);
      await tab.close();
    }
  }, 30_000);
});
