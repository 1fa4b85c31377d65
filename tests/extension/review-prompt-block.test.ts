import { describe, expect, it } from "vitest";
import { visibleText } from "../support/storefront/html-text";
import { createStorefrontLiquid, renderBlock } from "../support/storefront/liquid-environment";
import { storefrontObjects, type StorefrontLocale } from "../support/storefront/storefront-fixtures";

/** What the review prompt block renders from Liquid's `customer.orders`, before its script asks the app. */

const line = (id: number, title: string, fulfilled: boolean, product = true) => ({
  id,
  title,
  product: product ? { title } : null,
  image: product ? `https://cdn.example.test/${id}.jpg` : null,
  fulfillment: fulfilled ? { created_at: "2026-05-02" } : null,
});

const SARI = {
  id: 5150,
  email: "sari@example.com",
  orders: [
    { id: 102, name: "#102", cancelled: false, fulfillment_status: "partial", line_items: [line(21, "Pour-over kettle", true), line(22, "Filter papers", false)] },
    { id: 101, name: "#101", cancelled: false, fulfillment_status: "fulfilled", line_items: [line(11, "Enamel mug", false), line(12, "Gift card", true, false)] },
    { id: 100, name: "#100", cancelled: true, fulfillment_status: "fulfilled", line_items: [line(1, "Cancelled cup", true)] },
  ],
};

async function render(locale: StorefrontLocale, customer: typeof SARI | null) {
  const liquid = createStorefrontLiquid({ timeZone: "Asia/Jakarta", locale, moneyFormat: "Rp {{amount}}", assetBaseUrl: "https://cdn.example.test" });
  const objects = storefrontObjects({ country: "ID", locale, appMetafields: {}, product: null, pageType: "page" });
  objects.app = { metafields: { aftercare: { contact: { value: { email: "help@kopi.test", phone: "+62 21 555", phone_href: "tel:+6221555", hours: "Mon–Fri" } } } } };
  if (customer) objects.customer = customer;
  return renderBlock(liquid, "review-prompt", { objects, id: "p1" });
}

const items = (html: string) => [...html.matchAll(/data-order-id="(\d+)" data-line-item-id="(\d+)"/g)].map(([, order, item]) => `${order}/${item}`);

describe("the review prompt block", () => {
  it("lists the sent products of the customer's orders, skipping unsent, cancelled and product-less lines", async () => {
    const html = await render("en", SARI);

    expect(items(html)).toEqual(["102/21", "101/11"]);
    expect(visibleText(/<summary[\s\S]*?<\/summary>/.exec(html)?.[0] ?? "")).toBe("Pour-over kettle Order #102");
    expect(html).toMatch(/<img src="https:\/\/cdn\.example\.test\/21\.jpg\?width=160" loading="lazy" alt="">/);
  });

  it("asks whether everything arrived before the stars, title and text, each labelled", async () => {
    const html = await render("en", SARI);
    const form = /<form[\s\S]*?<\/form>/.exec(html)?.[0] ?? "";

    expect(form).toContain('action="/apps/aftercare/review-prompt"');
    expect(form).toMatch(/<legend>Did everything arrive as expected\?<\/legend>[\s\S]*value="yes"> Yes[\s\S]*value="no"> No/);
    expect(form.indexOf("Did everything arrive")).toBeLessThan(form.indexOf('name="rating"'));
    expect([...form.matchAll(/<label><input type="radio" name="rating" value="(\d)"> ([^<]+)<\/label>/g)].map((match) => match[2])).toEqual([
      "1 star", "2 stars", "3 stars", "4 stars", "5 stars",
    ]);
    expect(form).toMatch(/<label for="AftercareReview-p1-21-title">Title \(optional\)<\/label>\s*<input id="AftercareReview-p1-21-title" name="title"/);
    expect(form).toMatch(/<label for="AftercareReview-p1-21-body">Your review<\/label>\s*<textarea id="AftercareReview-p1-21-body" name="body"/);
    expect(form).toMatch(/<p class="aftercare-review-prompt__message" id="AftercareReview-p1-21-message" role="status" aria-live="polite">/);
  });

  it("keeps the shop's contact options ready for a 'no'", async () => {
    const template = /<template data-slot="contact">([\s\S]*?)<\/template>/.exec(await render("en", SARI))?.[1] ?? "";

    expect(visibleText(template)).toContain("help@kopi.test");
    expect(visibleText(template)).toContain("Mon–Fri");
  });

  it("asks a guest to log in", async () => {
    const html = await render("en", null);

    expect(visibleText(html)).toBe("Log in to review what you bought.");
    expect(html).toContain('href="/account/login"');
  });

  it("speaks Indonesian", async () => {
    const html = await render("id", SARI);

    expect(html).toContain("<legend>Apakah semuanya tiba sesuai harapan?</legend>");
    expect(html).toContain('data-status_429="Terlalu banyak ulasan. Tunggu beberapa menit."');
    expect(visibleText(await render("id", null))).toBe("Masuk untuk mengulas barang yang Anda beli.");
  });
});
