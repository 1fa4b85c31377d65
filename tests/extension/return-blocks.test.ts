import { describe, expect, it } from "vitest";
import { returnRulesSchema, type ReturnRulesInput } from "~/models/returns/rules";
import { previewReturnPolicy } from "~/components/returns/return-preview";
import { contactMetafieldValue, contactOptionsSchema } from "~/models/contact/options";
import { returnsMetafield } from "~/models/returns/storefront";
import { visibleText } from "../support/storefront/html-text";
import { createStorefrontLiquid, escapeHtml, renderBlock } from "../support/storefront/liquid-environment";
import {
  MONEY_FORMATS,
  SAMPLE_PRODUCT,
  storefrontObjects,
  type AppMetafields,
  type PreviewProduct,
  type StorefrontLocale,
} from "../support/storefront/storefront-fixtures";

const TIME_ZONE = "Asia/Jakarta";
// Monday 6 January 2025 in Jakarta (UTC+7).
const MONDAY_10_48 = "2025-01-06T03:48:00Z";
const MONDAY_23_30 = "2025-01-06T16:30:00Z";

function published(input: ReturnRulesInput): AppMetafields {
  const entry = returnsMetafield(returnRulesSchema.parse(input), TIME_ZONE);
  return { [entry.namespace]: { [entry.key]: { type: entry.type, value: entry.value } } };
}

const STANDARD = published({ windowDays: 30, windowStartsAt: "delivery", finalSale: { tags: ["Final-Sale"], collectionIds: ["gid://shopify/Collection/880"] } });

interface RenderOptions {
  locale?: StorefrontLocale;
  now?: string;
  metafields?: AppMetafields;
  product?: (PreviewProduct & { collections?: Array<{ id: number }> }) | null;
  settings?: Record<string, unknown>;
  loggedIn?: boolean;
  extra?: Record<string, unknown>;
}

async function render(block: "return-policy" | "return-help" | "return-check", options: RenderOptions = {}) {
  const locale = options.locale ?? "en";
  const liquid = createStorefrontLiquid({
    timeZone: TIME_ZONE,
    locale,
    moneyFormat: MONEY_FORMATS.IDR,
    now: new Date(options.now ?? MONDAY_10_48),
    assetBaseUrl: "https://cdn.example.test/extensions/aftercare",
  });
  // Shopify's image filters, reduced to what the help block's product cards need.
  liquid.registerFilter("image_url", (image: unknown, ...args: unknown[]) => {
    const width = Object.fromEntries(args.filter(Array.isArray) as [string, unknown][]).width;
    return `${String((image as { src: string }).src)}?width=${String(width)}`;
  });
  liquid.registerFilter("image_tag", (url: unknown) => `<img src="${escapeHtml(String(url))}" alt="">`);

  const product = options.product === undefined ? SAMPLE_PRODUCT : options.product;
  const objects = storefrontObjects({
    country: "ID",
    locale,
    appMetafields: options.metafields ?? STANDARD,
    product,
    pageType: product ? "product" : "index",
  });
  if (product && objects.product) {
    (objects.product as Record<string, unknown>).collections = (product as { collections?: unknown }).collections ?? [];
  }
  if (options.loggedIn) objects.customer = { id: 5150, default_address: null };
  const html = await renderBlock(liquid, block, { settings: options.settings, objects: { ...objects, ...options.extra } });
  return { html, text: visibleText(html) };
}

const tagged = (tags: string[]): PreviewProduct => ({ ...SAMPLE_PRODUCT, tags });

describe("the return policy block on a product page", () => {
  it("promises a lower-bound date when the window counts from delivery", async () => {
    const { text, html } = await render("return-policy");

    expect(text).toMatch(/^30-day returns Return within 30 days of delivery, at least until Wed 5 Feb /);
    expect(html).toMatch(/<details[^>]*class="aftercare-returns"/);
    expect(html).toContain("<summary");
  });

  it("gives the exact deadline when the window counts from the order", async () => {
    const { text } = await render("return-policy", { metafields: published({ windowDays: 14, windowStartsAt: "order" }) });

    expect(text).toMatch(/^14-day returns Returnable until Mon 20 Jan /);
  });

  it("keeps the right day late in the evening, in the shop's time zone", async () => {
    const { text } = await render("return-policy", { now: MONDAY_23_30, metafields: published({ windowDays: 14, windowStartsAt: "order" }) });

    expect(text).toContain("Returnable until Mon 20 Jan");
  });

  it("uses the longer holiday window for a purchase inside the holiday period", async () => {
    const metafields = published({
      windowDays: 30,
      windowStartsAt: "order",
      holidayExtensions: [{ orderedFrom: "2024-12-20", orderedThrough: "2025-01-10", windowDays: 60 }],
    });

    const inside = await render("return-policy", { metafields });
    const after = await render("return-policy", { metafields, now: "2025-01-11T03:00:00Z" });

    expect(inside.text).toMatch(/^60-day returns Returnable until Fri 7 Mar /);
    expect(inside.text).toContain("Orders placed Fri 20 Dec – Fri 10 Jan can be returned for 60 days");
    expect(after.text).toMatch(/^30-day returns Returnable until Mon 10 Feb /);
  });

  it("marks a product with a final-sale tag, whatever its case and spacing", async () => {
    const { text } = await render("return-policy", { product: tagged(["bags", " final-sale"]) });

    expect(text).toMatch(/^Final sale: this item cannot be returned Final-sale items cannot be returned/);
    expect(text).not.toContain("at least until");
  });

  it("marks a product in a final-sale collection", async () => {
    const { text } = await render("return-policy", { product: { ...SAMPLE_PRODUCT, collections: [{ id: 12 }, { id: 880 }] } });

    expect(text).toMatch(/^Final sale: this item cannot be returned/);
  });

  it("lists the policy in the details: window, exclusions, conditions, settlement and fee", async () => {
    const { html } = await render("return-policy", {
      metafields: published({ windowDays: 30, finalSale: { tags: ["final-sale"] }, resolutions: ["refund", "store_credit"], restockingFeePercent: 10 }),
    });

    const points = [...html.matchAll(/<li class="aftercare-returns__point"[^>]*>([\s\S]*?)<\/li>/g)].map((match) => visibleText(match[1]));
    expect(points).toEqual([
      "Start a return within 30 days of delivery",
      "Items marked final sale cannot be returned",
      "Items must be unused",
      "Items must be in their original packaging",
      "Refund to your original payment method",
      "Store credit",
      "A restocking fee of 10% is deducted from refunds",
    ]);
  });

  it("speaks Indonesian", async () => {
    const { text } = await render("return-policy", { locale: "id" });

    expect(text).toMatch(/^Pengembalian 30 hari Kembalikan dalam 30 hari setelah diterima, setidaknya hingga Rab, 5 Feb /);
  });

  it("shows the policy without a product status away from product pages or when turned off", async () => {
    const away = await render("return-policy", { product: null });
    const off = await render("return-policy", { settings: { show_product_status: false }, product: tagged(["final-sale"]) });

    expect(away.text).toMatch(/^30-day returns Start a return/);
    expect(off.text).toMatch(/^30-day returns Start a return/);
  });

  it("links the merchant's help page, else the refund policy", async () => {
    const withPage = await render("return-policy", { settings: { help_page: "/pages/returns" } });
    const withPolicy = await render("return-policy", { extra: { shop: { refund_policy: { url: "/policies/refund-policy" } } } });

    expect(withPage.html).toContain('<a href="/pages/returns">How to return an item</a>');
    expect(withPolicy.html).toContain('<a href="/policies/refund-policy">Read the full refund policy</a>');
  });

  it("renders nothing until the rules are published", async () => {
    const { html } = await render("return-policy", { metafields: {} });

    expect(html.trim()).toBe("");
  });
});

describe("the admin preview", () => {
  it.each([
    ["en", "delivery"],
    ["id", "order"],
    ["en", "fulfillment"],
  ] as const)("says exactly what the block says (%s, window from %s)", async (locale, windowStartsAt) => {
    const input: ReturnRulesInput = {
      windowDays: 21,
      windowStartsAt,
      finalSale: { tags: ["final-sale"] },
      conditions: ["unused", "tags_attached"],
      restockingFeePercent: 7.5,
      holidayExtensions: [{ orderedFrom: "2024-12-20", orderedThrough: "2025-01-10", windowDays: 45 }],
    };
    const { html, text } = await render("return-policy", { locale, metafields: published(input) });

    const preview = previewReturnPolicy(returnRulesSchema.parse(input), { timeZone: TIME_ZONE, now: new Date(MONDAY_10_48), locale });

    expect(text.startsWith(`${preview.summary} ${preview.productLine} `)).toBe(true);
    const points = [...html.matchAll(/<li class="aftercare-returns__point"[^>]*>([\s\S]*?)<\/li>/g)].map((match) => visibleText(match[1]));
    expect(points).toEqual(preview.points);
  });
});

const PRODUCTS = Array.from({ length: 6 }, (_, index) => ({
  title: `Product <${index + 1}>`,
  url: `/products/p${index + 1}`,
  price: 12_500_000 + index * 100_000,
  featured_image: { src: `https://cdn.example.test/p${index + 1}.jpg` },
}));

describe("the returns help block", () => {
  it("lists the steps with the shop's window", async () => {
    const { html } = await render("return-help", { product: null });

    const steps = [...html.matchAll(/<ol class="aftercare-help__steps">([\s\S]*?)<\/ol>/g)].map((match) => visibleText(match[1]));
    expect(steps[0]).toMatch(/^Check that your items are within the 30-day return window/);
  });

  it("reads the contact details the app publishes, and then ignores the block settings", async () => {
    const options = contactOptionsSchema.parse({
      email: "care@toko.example",
      phone: "+62 274 555-0142",
      whatsapp: "+62 812 3456 789",
      hours: "Mon–Fri 9:00–17:00 WIB",
    });
    const metafields: AppMetafields = {
      aftercare: { ...STANDARD.aftercare, contact: { type: "json", value: JSON.stringify(contactMetafieldValue(options)) } },
    };

    const { html, text } = await render("return-help", { product: null, metafields, settings: { contact_email: "old@toko.example" } });

    expect(html).toContain('<a href="mailto:care@toko.example">care@toko.example</a>');
    expect(html).toContain('<a href="tel:+622745550142">+62 274 555-0142</a>');
    expect(html).toContain('<a href="https://wa.me/628123456789" rel="noopener">+62 812 3456 789</a>');
    expect(text).toContain("Mon–Fri 9:00–17:00 WIB");
    expect(html).not.toContain("old@toko.example");
  });

  it("uses the block settings without a contact metafield, and leaves the section out when empty", async () => {
    const withEmail = await render("return-help", {
      product: null,
      settings: { contact_email: "hi@toko.example", contact_phone: "+62 (274) 555-0142" },
    });
    const empty = await render("return-help", { product: null });

    expect(withEmail.html).toContain('href="mailto:hi@toko.example"');
    expect(withEmail.html).toContain('<a href="tel:+622745550142">+62 (274) 555-0142</a>');
    expect(empty.html).not.toContain("aftercare-help__contact");
  });

  it("shows at most four recommended products, escaped, with their prices", async () => {
    const { html } = await render("return-help", { product: null, settings: { products: PRODUCTS } });

    const cards = [...html.matchAll(/<li class="aftercare-help__product">([\s\S]*?)<\/li>/g)].map((match) => visibleText(match[1]));
    expect(cards).toEqual(["Product <1> Rp 125.000", "Product <2> Rp 126.000", "Product <3> Rp 127.000", "Product <4> Rp 128.000"]);
    expect(html).toContain("Product &lt;1&gt;");
    expect(html).toContain('src="https://cdn.example.test/p1.jpg?width=360"');
  });
});

describe("the order check block", () => {
  it("posts to the app proxy and asks a guest for the order's email", async () => {
    const { html } = await render("return-check", { product: null });

    expect(html).toMatch(/<form[^>]*action="\/apps\/aftercare\/returns"[^>]*method="post"/);
    expect(html).toMatch(/<input[^>]*name="orderNumber"[^>]*required/);
    expect(html).toMatch(/<input[^>]*name="email"[^>]*type="email"[^>]*required/);
    expect(visibleText(html)).toContain("Email used for the order Check order");
  });

  it("lets a logged-in customer leave the email out", async () => {
    const { html } = await render("return-check", { product: null, loggedIn: true });

    const email = /<input[^>]*name="email"[^>]*>/.exec(html)?.[0] ?? "";
    expect(email).not.toContain("required");
    expect(html).toContain("(optional when you are logged in)");
  });

  it("hands the script its texts and date names in the storefront language", async () => {
    const { html } = await render("return-check", { product: null, locale: "id" });

    expect(html).toContain('data-within_window="Dapat dikembalikan hingga [date]"');
    expect(html).toContain('data-not_found="Kami tidak menemukan pesanan dengan nomor dan email tersebut.');
    expect(html).toContain('data-date="[day] [month]"');
    expect(html).toContain('data-months="Jan|Feb|Mar|Apr|Mei|Jun|Jul|Agu|Sep|Okt|Nov|Des"');
  });

  it("has a text for every answer the proxy can give", async () => {
    const { html } = await render("return-check", { product: null });
    const reasons = ["within_window", "window_closed", "final_sale", "not_fulfilled", "already_returned", "refunded", "order_cancelled"];

    for (const name of [...reasons, "not_found", "unavailable", "too_many", "failed", "error_ordernumber", "error_email"]) {
      expect(html, name).toMatch(new RegExp(`data-${name}="[^"]+"`));
    }
  });
});
