import type { Browser, Page } from "playwright-core";
import { afterAll, beforeAll, beforeEach, describe, expect, it } from "vitest";
import prisma from "~/db.server";
import { returnRulesSchema } from "~/models/returns/rules";
import { saveReturnSettings } from "~/models/returns/settings.server";
import { launchBrowser } from "../support/browser";
import { createFakeAdmin, createSeedShop, fakeReturns, type FakeAdmin, type SeedOrder } from "../support/fake-admin";
import { returnableSeedOrder, syncSeedOrder } from "../support/returns-fixtures";
import { HTML_PAGE, pngBytes } from "../support/review-photos";
import { storeOfflineSession } from "../support/sessions";
import { routeShop } from "../support/shopify-network";
import { startStorefrontStandIn, type StorefrontStandIn } from "../support/storefront/proxy-stand-in";
import { returnCheckPage } from "../support/storefront/return-check-page";
import type { StorefrontLocale } from "../support/storefront/storefront-fixtures";
import { TEST_API_SECRET, TEST_SHOP } from "../support/test-env";

/**
 * The "Request a return" form of the order check block in a real browser: Liquid renders the page, the
 * block's scripts check the order at /apps/aftercare/returns, then ask /apps/aftercare/return-request for
 * the returnable items and send the shopper's choice (with a photo as multipart/form-data). The stand-in
 * forwards both the way Shopify's app proxy does to the real routes, which reach the fake Admin API through
 * the shop's offline session.
 */

const checkRoute = await import("~/routes/proxy.returns");
const requestRoute = await import("~/routes/proxy.return-request");

const TIME_ZONE = "Asia/Jakarta";
const TOKEN = "shpat_return_request_browser";
const SCOPES = ["read_orders", "read_returns", "write_returns"];
const EMAIL = "sari@example.test";
// The fake shop's orders are dated from the same instant the routes (and the pages' clocks) run at.
const NOW = new Date(Date.now());

let storefront: StorefrontStandIn;
let baseUrl: string;
let browser: Browser;
let fake: FakeAdmin;
let order: SeedOrder;

const newFake = () => createFakeAdmin({ shop: createSeedShop({ domain: TEST_SHOP, now: NOW }), accessToken: TOKEN, apiSecret: TEST_API_SECRET, scopes: SCOPES });
const returnMutations = () => fake.requests.filter((request) => request.operationName === "ReturnRequest");
const reasonId = (handle: string) => fakeReturns(fake.state).reasonByHandle(handle).id;
const requestPosts = () => storefront.answers.filter((answer) => answer.method === "POST" && answer.path.startsWith("/apps/aftercare/return-request"));

const page = (locale: StorefrontLocale) => returnCheckPage({ baseUrl, locale, timeZone: TIME_ZONE });

beforeAll(async () => {
  order = returnableSeedOrder(newFake());
  await storeOfflineSession({ accessToken: TOKEN, scope: SCOPES.join(",") });
  await saveReturnSettings(TEST_SHOP, {
    rules: returnRulesSchema.parse({ windowDays: 30, windowStartsAt: "delivery", finalSale: { tags: [], collectionIds: [] } }),
    timeZone: TIME_ZONE,
    finalSaleProducts: {},
  });
  // As Aftercare synced it, with the shopper's address the order check asks for.
  await syncSeedOrder(TEST_SHOP, order, { contact: { email: EMAIL, firstName: "Sari", locale: "en" } });
  storefront = await startStorefrontStandIn({
    page: (url) => page((url.searchParams.get("locale") ?? "en") as StorefrontLocale),
    proxy: {
      "/apps/aftercare/returns": { appPath: "/proxy/returns", action: checkRoute.action },
      "/apps/aftercare/return-request": { appPath: "/proxy/return-request", action: requestRoute.action, loader: requestRoute.loader },
    },
  });
  baseUrl = storefront.baseUrl;
  browser = await launchBrowser();
});

beforeEach(async () => {
  await prisma.rateLimitHit.deleteMany();
  await prisma.outboxMessage.deleteMany();
  await prisma.returnPhoto.deleteMany();
  await prisma.returnRequestLine.deleteMany();
  await prisma.returnRequest.deleteMany();
  // tests/support/setup.ts forgets the shop's route after every test.
  fake = newFake();
  routeShop(TEST_SHOP, (request) => fake.handle(request));
});

afterAll(async () => {
  await browser?.close();
  await storefront?.close();
});

const status = (tab: Page) => tab.locator("aftercare-return-check [role=status]");

/** Checks the order as the shopper does, then opens the return request form. */
async function openRequestForm(locale: StorefrontLocale, words: { open: string; heading: string }): Promise<Page> {
  const tab = await browser.newPage();
  await tab.goto(`${baseUrl}/pages/returns?locale=${locale}`);
  await tab.fill('input[name="orderNumber"]', order.name);
  await tab.fill('input[name="email"]', EMAIL);
  await tab.click("aftercare-return-check form button[type=submit]");
  const open = tab.getByRole("button", { name: words.open, exact: true });
  await open.waitFor({ timeout: 15_000 }).catch(failedWaiting(tab, `the "${words.open}" button after the order check`));
  await open.click();
  await tab.getByRole("heading", { name: words.heading, exact: true }).waitFor({ timeout: 15_000 }).catch(failedWaiting(tab, `the "${words.heading}" form`));
  return tab;
}

/** A wait that failed, said with what it waited for, what the page showed and what the app answered. */
function failedWaiting(tab: Page, what: string) {
  return async (error: unknown): Promise<never> => {
    const shown = await status(tab).innerText({ timeout: 1_000 }).catch(() => "(no status)");
    const answers = storefront.answers.map((answer) => `${answer.method} ${answer.path} → ${answer.status} ${answer.body}`).join("\n");
    throw new Error(`Waited for ${what}; the page's status said ${JSON.stringify(shown)}.\nThe app answered:\n${answers}\n${String(error)}`);
  };
}

async function waitForText(tab: Page, text: string, what: string): Promise<void> {
  await tab.getByText(text, { exact: true }).waitFor({ timeout: 15_000 }).catch(failedWaiting(tab, what));
}

describe("the return request form in a browser", () => {
  it("sends one unit of one item with a reason, a note and a photo, and names the requested return", async () => {
    const [first] = order.lineItems;
    const tab = await openRequestForm("en", { open: "Request a return", heading: "Choose what to return" });

    // Each returnable item is offered, up to the quantity bought.
    for (const line of order.lineItems) {
      const options = await tab.getByLabel(`How many of ${line.title}`, { exact: true }).locator("option").allInnerTexts();
      expect(options).toEqual(Array.from({ length: line.quantity + 1 }, (_, n) => String(n)));
      const reasons = await tab.getByLabel(`Reason for returning ${line.title}`, { exact: true }).locator("option").allInnerTexts();
      expect(reasons[0]).toBe("Choose a reason");
      expect(reasons.length).toBeGreaterThan(1);
    }
    await tab.getByLabel(`How many of ${first.title}`, { exact: true }).selectOption("1");
    await tab.getByLabel(`Reason for returning ${first.title}`, { exact: true }).selectOption(reasonId("defective"));
    await tab.getByLabel("Anything we should know? (optional, up to 300 characters)", { exact: true }).fill("The handle came off");
    await tab.getByLabel("A photo (optional: JPEG, PNG or WebP, up to 5 MB)", { exact: true }).setInputFiles({ name: "handle.png", mimeType: "image/png", buffer: pngBytes() });
    await tab.getByRole("button", { name: "Send return request", exact: true }).click();

    const name = `${order.name}-R1`;
    await waitForText(tab, `Your return request ${name} was sent. We'll email you once it has been reviewed.`, "the confirmation naming the return");
    await tab.close();

    // Shopify's order holds exactly that one requested unit, with the shopper's note.
    expect(returnMutations()).toHaveLength(1);
    const returns = fakeReturns(fake.state).forOrder(order.id);
    expect(returns).toHaveLength(1);
    expect(returns[0]).toMatchObject({ name, status: "REQUESTED", lines: [{ quantity: 1, customerNote: "The handle came off" }] });
    const fulfillmentLine = order.fulfillments[0].fulfillmentLineItems.find((item) => item.id === returns[0].lines[0].fulfillmentLineItemId);
    expect(fulfillmentLine?.lineItem.id).toBe(first.id);

    // Aftercare's copy keeps the photo for the merchant.
    const copy = await prisma.returnRequest.findFirstOrThrow({ include: { lines: true, photos: true } });
    expect(copy).toMatchObject({
      source: "storefront",
      status: "requested",
      lines: [{ lineItemId: first.id, quantity: 1, reason: "defective" }],
      photos: [{ contentType: "image/png", byteSize: pngBytes().byteLength }],
    });
    expect(Buffer.from(copy.photos[0].bytes).equals(pngBytes())).toBe(true);
  }, 40_000);

  it("shows why a request is refused, and sends nothing to Shopify", async () => {
    const [first] = order.lineItems;
    const tab = await openRequestForm("en", { open: "Request a return", heading: "Choose what to return" });
    const submit = tab.getByRole("button", { name: "Send return request", exact: true });

    // Nothing chosen: the form says so without asking the app.
    const postsBefore = requestPosts().length;
    await submit.click();
    await waitForText(tab, "Choose how many of at least one item to return.", "the message that nothing was chosen");
    expect(requestPosts()).toHaveLength(postsBefore);

    // One unit without a reason: the app refuses it and the page shows the app's words.
    await tab.getByLabel(`How many of ${first.title}`, { exact: true }).selectOption("1");
    await submit.click();
    await waitForText(tab, `Choose a reason for returning "${first.title}".`, "the app's refusal of a request without a reason");
    expect(requestPosts().slice(postsBefore).map((answer) => answer.status)).toEqual([422]);
    expect(await status(tab).locator("li").allInnerTexts()).toEqual([`Choose a reason for returning "${first.title}".`]);
    // Only the list: no empty line above it.
    expect(await status(tab).locator("p").count()).toBe(0);
    await tab.close();

    expect(returnMutations()).toHaveLength(0);
    expect(fakeReturns(fake.state).forOrder(order.id)).toHaveLength(0);
    expect(await prisma.returnRequest.count()).toBe(0);
  }, 40_000);

  it("refuses a file that is not a photo in the shopper's language, sending nothing to Shopify", async () => {
    const [first] = order.lineItems;
    const tab = await openRequestForm("id", { open: "Ajukan pengembalian", heading: "Pilih barang yang ingin dikembalikan" });
    await tab.getByLabel(`Jumlah ${first.title}`, { exact: true }).selectOption("1");
    await tab.getByLabel(`Alasan mengembalikan ${first.title}`, { exact: true }).selectOption(reasonId("defective"));
    await tab.getByLabel("Foto (opsional: JPEG, PNG, atau WebP, maksimal 5 MB)", { exact: true }).setInputFiles({ name: "photo.png", mimeType: "image/png", buffer: HTML_PAGE });
    const postsBefore = requestPosts().length;
    await tab.getByRole("button", { name: "Kirim permintaan pengembalian", exact: true }).click();

    await waitForText(tab, "Tambahkan foto Anda sebagai gambar JPEG, PNG, atau WebP.", "the refusal of a file that is not a photo, in Indonesian");
    expect(requestPosts().slice(postsBefore).map((answer) => answer.status)).toEqual([415]);
    // The form stays, so the shopper can choose another photo.
    expect(await tab.getByRole("button", { name: "Kirim permintaan pengembalian", exact: true }).isVisible()).toBe(true);
    await tab.close();

    expect(returnMutations()).toHaveLength(0);
    expect(await prisma.returnRequest.count()).toBe(0);
    expect(await prisma.returnPhoto.count()).toBe(0);
  }, 40_000);
});
