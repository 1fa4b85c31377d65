import { mkdirSync } from "node:fs";
import path from "node:path";
import { describe, expect, it } from "vitest";
import type { Page } from "playwright-core";
import { useDemoInBrowser } from "../support/demo-in-browser";
import { deliveredOrders } from "../support/fake-admin/seed-truth";
import { sampleShippingRules } from "../support/storefront/sample-shipping-rules";
import { estimateDelivery } from "../../app/models/shipping/delivery-estimate";
import { offeredCustomers } from "../../scripts/demo/demo-customers";
import { DEMO_REVIEWS } from "../../scripts/demo/demo-reviews";

const root = path.resolve(import.meta.dirname, "../..");
const session = useDemoInBrowser();

/** "Thu 3 Dec", the storefront's short date in English. */
function shortDate(isoDate: string): string {
  const date = new Date(`${isoDate}T12:00:00Z`);
  const part = (options: Intl.DateTimeFormatOptions) => new Intl.DateTimeFormat("en-GB", { ...options, timeZone: "UTC" }).format(date);
  return `${part({ weekday: "short" })} ${part({ day: "numeric" })} ${part({ month: "short" })}`;
}

async function open(url: string): Promise<Page> {
  const page = await session.browser.newPage();
  await page.route(/^https?:\/\/(?!localhost|127\.0\.0\.1)/, (route) => route.abort());
  await page.goto(url);
  return page;
}

const blockText = (page: Page, block: string) => page.locator(`#shopify-block-aftercare-${block}`).innerText();

describe("the demo's storefront preview", () => {
  it("shows a shopper in Indonesia and one in Germany their own delivery estimate and the return policy", async () => {
    const product = session.demo.fakeAdmin.seed.products[0]!;
    const rules = sampleShippingRules({ timeZone: session.demo.fakeAdmin.shop.ianaTimezone });
    const texts: Record<string, string> = {};
    for (const country of ["ID", "DE"]) {
      const page = await open(`${session.demo.storefrontUrl}/products/${product.handle}?country=${country}`);
      const expected = estimateDelivery(rules, { now: new Date(), destination: { countryCode: country } })!;
      texts[country] = await blockText(page, "delivery-estimate");
      expect(texts[country]).toContain(shortDate(expected.latest));
      mkdirSync(path.join(root, "tests/.tmp/screenshots"), { recursive: true });
      await page.screenshot({ path: path.join(root, `tests/.tmp/screenshots/demo-product-${country}.png`), fullPage: true });
      expect(await blockText(page, "return-policy")).toMatch(/30-day returns[\s\S]*at least until \w{3} \d{1,2} \w{3}/);
      await page.close();
    }
    expect(texts.ID).not.toEqual(texts.DE);
  }, 60_000);

  it("tracks a seeded order on the help page, and answers a wrong email neutrally", async () => {
    const order = deliveredOrders(session.demo.fakeAdmin.seed).find((candidate) => candidate.email)!;
    const page = await open(`${session.demo.storefrontUrl}/pages/help?country=ID`);
    const tracker = page.locator("#shopify-block-aftercare-order-status");

    await tracker.locator('input[name="orderNumber"]').fill(order.name);
    await tracker.locator('input[name="email"]').fill(order.email);
    await tracker.locator("button[type=submit]").click();
    await tracker.locator("[role=status] ol").waitFor();
    expect(await tracker.locator("[aria-current=step]").getAttribute("data-step")).toBe("delivered");
    expect(await tracker.locator("[role=status]").innerText()).toContain(`Order ${order.name}`);

    await tracker.locator('input[name="email"]').fill("someone.else@example.com");
    await tracker.locator("button[type=submit]").click();
    await tracker.getByText("We could not find an order with that number and email").waitFor();
    expect(await tracker.locator("[data-step]").count()).toBe(0);
    await page.close();
  }, 60_000);

  it("checks a seeded order's return eligibility on the help page", async () => {
    const order = deliveredOrders(session.demo.fakeAdmin.seed).find((candidate) => candidate.email)!;
    const page = await open(`${session.demo.storefrontUrl}/pages/help?country=ID`);
    const check = page.locator("#shopify-block-aftercare-return-check");

    await check.locator('input[name="orderNumber"]').fill(order.name);
    await check.locator('input[name="email"]').fill(order.email);
    await check.locator("button[type=submit]").click();
    await check.locator("[role=status] li").first().waitFor();
    const lines = (await check.locator("[role=status]").innerText()).split("\n").filter(Boolean);
    expect(lines[0]).toBe(`Order ${order.name}`);
    expect(lines).toHaveLength(1 + order.lineItems.length);
    await page.close();
  }, 60_000);

  it("shows each reviewed product its own buyers' reviews", async () => {
    const [coffee, otherCoffee, dripper] = session.demo.fakeAdmin.seed.products;
    const page = await open(`${session.demo.storefrontUrl}/products/${coffee!.handle}`);
    const reviews = page.locator("#shopify-block-aftercare-review-display");
    const bodies = (handle: string) => DEMO_REVIEWS[handle]!.map((review) => review.body);
    const own = bodies(coffee!.handle);
    const ownShown = async () => {
      const text = await reviews.innerText();
      return own.filter((body) => text.includes(body)).length;
    };
    await expect.poll(ownShown, { timeout: 15_000 }).toBeGreaterThan(0);
    const shown = await reviews.innerText();
    for (const body of [...bodies(otherCoffee!.handle), ...bodies(dripper!.handle)]) expect(shown).not.toContain(body);
    await page.close();
  }, 60_000);

  it("lists the review request the app sent in the mail viewer, and its star link opens the review page", async () => {
    const page = await open(`${session.demo.shopifyUrl}/mail`);
    await page.getByRole("button", { name: "Send what is due now" }).click();
    await page.getByRole("status").waitFor();
    const request = page.getByRole("link", { name: /^How do you like .+\?$/ }).first();
    const subject = await request.innerText();
    const product = /^How do you like (.+)\?$/.exec(subject)![1]!;
    await request.click();
    await page.getByRole("heading", { name: subject }).waitFor();

    const message = page.frameLocator('iframe[title="Message"]');
    await message.locator('a[href*="/apps/aftercare/review?"]').first().waitFor();
    const href = await message.locator('a[href*="/apps/aftercare/review?"]').first().getAttribute("href");
    expect(href!.startsWith(`${session.demo.shopifyUrl}/apps/aftercare/review?`)).toBe(true);
    await message.locator('a[href*="/apps/aftercare/review?"]').first().click();
    await page.waitForURL(/\/apps\/aftercare\/review\?/);
    await page.getByRole("heading").filter({ hasText: product }).first().waitFor();
    expect(await page.locator("form textarea").count()).toBeGreaterThan(0);
    await page.close();
  }, 90_000);

  it("browses the help page as a seeded customer and reviews a delivered product through the review prompt", async () => {
    const prisma = (await import("../../app/db.server")).default;
    const customer = offeredCustomers(session.demo.fakeAdmin.seed)[0]!;
    const page = await open(`${session.demo.storefrontUrl}/pages/help?country=ID`);
    const prompt = page.locator("#shopify-block-aftercare-review-prompt");
    await prompt.getByRole("link", { name: /log in/i }).waitFor();

    const answered = page.waitForResponse((response) => response.url().includes("/apps/aftercare/review-prompt"));
    await page.getByRole("link", { name: `Browse as ${customer.displayName} (${customer.defaultAddress.countryCodeV2})` }).click();
    expect((await answered).status()).toBe(200);
    await page.getByText(`Browsing as ${customer.displayName}`).waitFor();

    const item = prompt.locator("li.aftercare-review-prompt__item:not([hidden])").first();
    await item.locator("summary").click();
    await item.locator('input[name="arrived"][value="yes"]').check({ force: true });
    await item.locator('input[name="rating"][value="5"]').check({ force: true });
    await item.locator('textarea[name="body"]').fill("Arrived well packed and exactly as described.");
    await item.locator('button[type="submit"]').click();
    await item.getByText("Thank you! Your review is published.").waitFor();

    const lineItemId = `gid://shopify/LineItem/${await item.getAttribute("data-line-item-id")}`;
    const review = await prisma.review.findFirstOrThrow({ where: { shop: session.demo.shopDomain, lineItemId } });
    const order = await prisma.order.findFirstOrThrow({ where: { shop: session.demo.shopDomain, id: review.orderId } });
    expect(order.customerId).toBe(customer.id);
    expect(review.body).toBe("Arrived well packed and exactly as described.");
    await page.close();
  }, 90_000);
});
