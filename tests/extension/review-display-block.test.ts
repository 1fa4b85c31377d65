import { describe, expect, it } from "vitest";
import { visibleText } from "../support/storefront/html-text";
import { createStorefrontLiquid, renderBlock } from "../support/storefront/liquid-environment";
import {
  SAMPLE_PRODUCT,
  reviewMetafields,
  storefrontObjects,
  type ProductMetafields,
  type StorefrontLocale,
} from "../support/storefront/storefront-fixtures";

/** What the review display block renders from the product's review metafields, before any script runs. */

async function render(
  metafields: ProductMetafields | undefined,
  locale: StorefrontLocale = "en",
  title = SAMPLE_PRODUCT.title,
  extra: { customer?: unknown; settings?: Record<string, unknown> } = {},
) {
  const liquid = createStorefrontLiquid({ timeZone: "Asia/Jakarta", locale, moneyFormat: "Rp {{amount}}", assetBaseUrl: "https://cdn.example.test" });
  const product = { ...SAMPLE_PRODUCT, title, metafields };
  const objects = storefrontObjects({ country: "ID", locale, appMetafields: {}, product, pageType: "product", shopName: "Kopi Kita" });
  if (extra.customer) objects.customer = extra.customer;
  return renderBlock(liquid, "review-display", { objects, id: "r1", settings: extra.settings });
}

/** A logged-in customer whose orders hold these products (fulfilled unless said otherwise). */
function customerWho(bought: Array<{ productId: number; fulfilled?: boolean; cancelled?: boolean }>) {
  return {
    id: 5150,
    email: "sari@example.test",
    orders: bought.map((line, n) => ({
      id: 4100 + n,
      name: `#${4100 + n}`,
      cancelled: line.cancelled ?? false,
      fulfillment_status: line.fulfilled === false ? "unfulfilled" : "fulfilled",
      line_items: [{ id: 410 + n, title: "Item", product: { id: line.productId, title: "Item" }, fulfillment: line.fulfilled === false ? null : { created_at: "2026-05-01" } }],
    })),
  };
}

/** The "Write a review" entry: what it says and where its links go. */
function writeEntry(html: string) {
  const entry = /<div class="aftercare-reviews__write">[\s\S]*?<\/div>/.exec(html)?.[0] ?? "";
  return { text: visibleText(entry), links: [...entry.matchAll(/<a [^>]*href="([^"]*)"/g)].map((match) => match[1]), disclosure: entry.includes("<summary") };
}

function jsonLd(html: string): Record<string, unknown> | null {
  const match = /<script type="application\/ld\+json">([\s\S]*?)<\/script>/.exec(html);
  return match ? (JSON.parse(match[1]) as Record<string, unknown>) : null;
}

/** The heading and summary a shopper reads before the list arrives. */
const summary = (html: string) => visibleText(/<h2[\s\S]*?aftercare-reviews__summary[\s\S]*?<\/p>/.exec(html)?.[0] ?? "");

describe("the review display block", () => {
  it("says the average and the count in words next to stars filled to the average", async () => {
    const html = await render(reviewMetafields(4.3, 12));

    expect(summary(html)).toBe("Customer reviews 4.3 out of 5 stars, 12 reviews");
    expect(html).toMatch(/<span class="aftercare-stars" style="--aftercare-stars-fill: 86%" aria-hidden="true"><\/span>/);
    expect(html).toContain('data-product-id="7001"');
    expect(html).toContain('data-url="/apps/aftercare/reviews"');
  });

  it("describes the rating for search engines with JSON-LD", async () => {
    const html = await render(reviewMetafields(4.3, 12), "en", 'Tote "Batik" bag');

    expect(jsonLd(html)).toEqual({
      "@context": "https://schema.org",
      "@type": "Product",
      name: 'Tote "Batik" bag',
      aggregateRating: { "@type": "AggregateRating", ratingValue: 4.3, bestRating: 5, worstRating: 1, ratingCount: 12 },
    });
  });

  it("reserves room for the first page of reviews, and no more than a page", async () => {
    expect(await render(reviewMetafields(5, 2))).toContain('style="--aftercare-reserved: 2"');
    expect(await render(reviewMetafields(4.8, 40))).toContain('style="--aftercare-reserved: 6"');
  });

  it("uses the singular for one review", async () => {
    expect(summary(await render(reviewMetafields(5, 1)))).toBe("Customer reviews 5 out of 5 stars, 1 review");
  });

  it("invites the first review on a product without reviews, with no list to fetch and no JSON-LD", async () => {
    for (const metafields of [undefined, { reviews: { rating_count: { type: "number_integer", value: "0" } } }]) {
      const html = await render(metafields);

      expect(visibleText(html)).toBe(
        "Customer reviews No reviews yet — be the first to review this product. Write a review " +
          "Reviews come from verified buyers: once your order is delivered, we email you a link to review what you bought. " +
          "Bought this? Log in to review it.",
      );
      expect(html).toContain('id="aftercare-reviews"');
      expect(html).not.toContain("<aftercare-reviews");
      expect(html).not.toContain("data-url");
      expect(jsonLd(html)).toBeNull();
    }
    expect(visibleText(await render(undefined, "id"))).toMatch(/^Ulasan pelanggan Belum ada ulasan — jadilah yang pertama mengulas produk ini\. Tulis ulasan /);
  });

  it("is the target of the star badge's link", async () => {
    expect(await render(reviewMetafields(4.3, 12))).toMatch(/<aftercare-reviews\s+id="aftercare-reviews"/);
  });

  it("writes the average with a decimal comma and groups thousands in Indonesian", async () => {
    expect(summary(await render(reviewMetafields(4.1, 1250), "id"))).toBe("Ulasan pelanggan 4,1 dari 5 bintang, 1.250 ulasan");
    expect(summary(await render(reviewMetafields(4.1, 1250), "en"))).toBe("Customer reviews 4.1 out of 5 stars, 1,250 reviews");
    expect(jsonLd(await render(reviewMetafields(4.1, 1250), "id"))).toMatchObject({ aggregateRating: { ratingValue: 4.1, ratingCount: 1250 } });
  });

  describe("the Write a review entry", () => {
    it("tells a guest that reviews come from verified buyers, with the store's login link", async () => {
      const entry = writeEntry(await render(reviewMetafields(4.3, 12)));

      expect(entry.disclosure).toBe(true);
      expect(entry.text).toBe(
        "Write a review Reviews come from verified buyers: once your order is delivered, we email you a link to review what you bought. Bought this? Log in to review it.",
      );
      expect(entry.links).toEqual(["/account/login"]);
    });

    it("takes a customer who received the product to the review prompt (the account page unless the merchant picks one)", async () => {
      const buyer = customerWho([{ productId: 9999 }, { productId: SAMPLE_PRODUCT.id }]);

      expect(writeEntry(await render(reviewMetafields(4.3, 12), "en", undefined, { customer: buyer }))).toEqual({ text: "Write a review", links: ["/account"], disclosure: false });
      expect(writeEntry(await render(undefined, "en", undefined, { customer: buyer, settings: { review_page: "/pages/reviews" } })).links).toEqual(["/pages/reviews"]);
    });

    it("explains, without a login link, to a customer who has not received the product", async () => {
      for (const customer of [customerWho([{ productId: 9999 }]), customerWho([{ productId: SAMPLE_PRODUCT.id, fulfilled: false }]), customerWho([{ productId: SAMPLE_PRODUCT.id, cancelled: true }])]) {
        const entry = writeEntry(await render(reviewMetafields(4.3, 12), "en", undefined, { customer }));

        expect(entry.disclosure).toBe(true);
        expect(entry.links).toEqual([]);
        expect(entry.text).toMatch(/^Write a review Reviews come from verified buyers/);
      }
    });

    it("speaks Indonesian", async () => {
      expect(writeEntry(await render(reviewMetafields(4.3, 12), "id")).text).toBe(
        "Tulis ulasan Ulasan ditulis oleh pembeli terverifikasi: setelah pesanan Anda diterima, kami mengirimkan email berisi tautan untuk mengulas barang yang Anda beli. Sudah membeli produk ini? Masuk untuk mengulasnya.",
      );
    });
  });

  it("holds the labels the script needs, and a template whose slots it fills as text", async () => {
    const html = await render(reviewMetafields(4, 3));
    const template = /<template>([\s\S]*)<\/template>/.exec(html)?.[1] ?? "";

    expect(html).toContain('data-rating-label="[rating] out of [scale] stars"');
    expect(html).toContain('data-shown="Showing [shown] of [total] reviews"');
    expect(html).toMatch(/<p class="aftercare-reviews__status" role="status" aria-live="polite"><\/p>/);
    expect([...template.matchAll(/data-slot="([\w-]+)"/g)].map((match) => match[1])).toEqual([
      "stars", "rating", "title", "author", "date", "verified", "body", "photos", "reply", "reply-body",
    ]);
    expect(visibleText(template)).toBe("Verified buyer Reply from Kopi Kita");
  });

  it("speaks Indonesian", async () => {
    const html = await render(reviewMetafields(4.5, 7), "id");

    expect(summary(html)).toBe("Ulasan pelanggan 4,5 dari 5 bintang, 7 ulasan");
    expect(html).toContain('data-failed="Ulasan tidak dapat dimuat. Silakan coba lagi."');
  });
});
