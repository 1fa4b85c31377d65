import { describe, expect, it } from "vitest";
import { contactMetafieldValue, contactOptionsSchema, type ContactOptionsInput } from "~/models/contact/options";
import { visibleText } from "../support/storefront/html-text";
import { createStorefrontLiquid, renderBlock } from "../support/storefront/liquid-environment";
import { storefrontObjects, type AppMetafields, type StorefrontLocale } from "../support/storefront/storefront-fixtures";

/** The contact options block and snippet, fed the metafield exactly as the app publishes it. */

function published(input: ContactOptionsInput): AppMetafields {
  const value = contactMetafieldValue(contactOptionsSchema.parse(input));
  return { aftercare: { contact: { type: "json", value: JSON.stringify(value) } } };
}

async function render(block: "contact-options" | "return-help", metafields: AppMetafields, locale: StorefrontLocale = "en") {
  const liquid = createStorefrontLiquid({ timeZone: "Asia/Jakarta", locale, moneyFormat: "Rp {{amount}}", assetBaseUrl: "https://cdn.example.test" });
  // The help block's product cards use Shopify's image filters; these renders show no products.
  liquid.registerFilter("image_url", () => "");
  liquid.registerFilter("image_tag", () => "");
  const html = await renderBlock(liquid, block, {
    objects: storefrontObjects({ country: "ID", locale, appMetafields: metafields, product: null, pageType: "index" }),
  });
  const channels = [...html.matchAll(/<li data-channel="[a-z]+">([\s\S]*?)<\/li>/g)].map((match) => visibleText(match[1]));
  return { html, text: visibleText(html), channels };
}

const EVERY_CHANNEL: ContactOptionsInput = {
  email: "care@toko.example",
  phone: "+62 274 555-0142",
  whatsapp: "+62 812 3456 789",
  chatUrl: "https://chat.toko.example/",
  hours: "Mon–Fri 9:00–17:00 WIB",
  social: [
    { network: "instagram", url: "https://instagram.com/toko" },
    { network: "tiktok", url: "https://tiktok.com/@toko" },
  ],
};

describe("the contact options block", () => {
  it("lists every published channel with a working link, then the hours", async () => {
    const { html, channels, text } = await render("contact-options", published(EVERY_CHANNEL));

    expect(channels).toEqual([
      "Email: care@toko.example",
      "Phone: +62 274 555-0142",
      "WhatsApp: +62 812 3456 789",
      "Chat with us",
      "Follow us: Instagram, TikTok",
    ]);
    expect(html).toContain('<a href="tel:+622745550142">');
    expect(html).toContain('<a href="https://wa.me/628123456789" rel="noopener">');
    expect(html).toContain('<a href="https://tiktok.com/@toko" rel="noopener me">TikTok</a>');
    expect(html).toMatch(/<h2 class="aftercare-help__subtitle">Contact us<\/h2>/);
    expect(text).toMatch(/Mon–Fri 9:00–17:00 WIB$/);
  });

  it("speaks Indonesian", async () => {
    const { channels } = await render("contact-options", published(EVERY_CHANNEL), "id");

    expect(channels).toEqual([
      "Email: care@toko.example",
      "Telepon: +62 274 555-0142",
      "WhatsApp: +62 812 3456 789",
      "Chat dengan kami",
      "Ikuti kami: Instagram, TikTok",
    ]);
  });

  it("shows only the channels the shop offers, and nothing when it offers none", async () => {
    const socialOnly = await render("contact-options", published({ social: [{ network: "instagram", url: "https://instagram.com/toko" }] }));
    const none = await render("contact-options", published({}));
    const unpublished = await render("contact-options", {});

    expect(socialOnly.channels).toEqual(["Follow us: Instagram"]);
    expect(none.text).toBe("");
    expect(unpublished.text).toBe("");
  });

  it("escapes what the merchant typed", async () => {
    const { html } = await render("contact-options", published({ hours: "<b>9–5</b>" }));
    const withEmail = await render("contact-options", published({ email: "care@toko.example", hours: "<b>9–5</b>" }));

    expect(html).not.toContain("<b>");
    expect(withEmail.html).toContain("&lt;b&gt;9–5&lt;/b&gt;");
  });

  it("looks the same in the returns help block", async () => {
    const block = await render("contact-options", published(EVERY_CHANNEL));
    const help = await render("return-help", published(EVERY_CHANNEL));

    expect(help.channels).toEqual(block.channels);
    expect(help.html).toMatch(/<h3 class="aftercare-help__subtitle">Contact us<\/h3>/);
  });
});
