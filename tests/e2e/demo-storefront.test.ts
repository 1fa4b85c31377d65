import { mkdirSync } from "node:fs";
import path from "node:path";
import { describe, expect, it } from "vitest";
import type { Page } from "playwright-core";
import { useDemoInBrowser } from "../support/demo-in-browser";
import { deliveredOrders } from "../support/fake-admin/seed-truth";
import { sampleShippingRules } from "../support/storefront/sample-shipping-rules";
import { estimateDelivery } from "../../app/models/delivery-estimate";

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
});
