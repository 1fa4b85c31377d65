import { describe, expect, it } from "vitest";
import { visibleText } from "../support/storefront/html-text";
import { createStorefrontLiquid, renderBlock } from "../support/storefront/liquid-environment";
import { storefrontObjects, type StorefrontLocale } from "../support/storefront/storefront-fixtures";

/** What the order status block renders before any look-up: the form, and the timeline template. */

async function render(locale: StorefrontLocale, customer?: { id: number; email: string }) {
  const liquid = createStorefrontLiquid({ timeZone: "Asia/Jakarta", locale, moneyFormat: "Rp {{amount}}", assetBaseUrl: "https://cdn.example.test" });
  const objects = storefrontObjects({ country: "ID", locale, appMetafields: {}, product: null, pageType: "index" });
  if (customer) objects.customer = customer;
  const html = await renderBlock(liquid, "order-status", { objects });
  const template = /<template>([\s\S]*?)<\/template>/.exec(html)?.[1] ?? "";
  const steps = [...template.matchAll(/<span class="aftercare-status__label">([^<]*)<\/span>/g)].map((match) => match[1]);
  return { html, template, steps, form: visibleText(html.replace(/<template>[\s\S]*<\/template>/, "")) };
}

describe("the order status block", () => {
  it("asks a guest for the order number and email, posting to the app proxy", async () => {
    const { html, form } = await render("en");

    expect(form).toMatch(/^Where is my order\? Order number Email used for the order Track order/);
    expect(html).toContain('action="/apps/aftercare/order-status"');
    expect(html).toMatch(/<input[^>]*name="email"[^>]*type="email"/);
  });

  it("sends a logged-in customer's email without asking for it", async () => {
    const { html, form } = await render("en", { id: 5150, email: "sari@example.com" });

    expect(html).toContain('<input type="hidden" name="email" value="sari@example.com">');
    expect(form).not.toContain("Email used for the order");
  });

  it("holds the five steps and every message in the page, in English", async () => {
    const { html, steps, template } = await render("en");

    expect(steps).toEqual(["Ordered", "Packed and handed to the carrier", "In transit", "Out for delivery", "Delivered"]);
    expect(visibleText(template)).toContain("Estimated delivery: [dates]");
    expect(html).toContain('data-not_found="We could not find an order with that number and email. Check both and try again."');
    expect(html).toContain('data-months="Jan|Feb|Mar|Apr|May|Jun|Jul|Aug|Sep|Oct|Nov|Dec"');
  });

  it("speaks Indonesian", async () => {
    const { steps, form, html } = await render("id");

    expect(form).toMatch(/^Di mana pesanan saya\? Nomor pesanan Email yang dipakai untuk pesanan Lacak pesanan/);
    expect(steps).toEqual(["Dipesan", "Dikemas dan diserahkan ke kurir", "Dalam perjalanan", "Sedang diantar", "Diterima"]);
    expect(html).toContain('data-status_429="Terlalu banyak percobaan. Tunggu beberapa menit lalu coba lagi."');
  });
});
