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

async function render(metafields: ProductMetafields | undefined, locale: StorefrontLocale = "en", title = SAMPLE_PRODUCT.title) {
  const liquid = createStorefrontLiquid({ timeZone: "Asia/Jakarta", locale, moneyFormat: "Rp {{amount}}", assetBaseUrl: "https://cdn.example.test" });
  const product = { ...SAMPLE_PRODUCT, title, metafields };
  const objects = storefrontObjects({ country: "ID", locale, appMetafields: {}, product, pageType: "product", shopName: "Kopi Kita" });
  return renderBlock(liquid, "review-display", { objects, id: "r1" });
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

  it("renders nothing for a product without reviews", async () => {
    expect((await render(undefined)).trim()).toBe("");
    expect((await render({ reviews: { rating_count: { type: "number_integer", value: "0" } } })).trim()).toBe("");
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

    expect(summary(html)).toBe("Ulasan pelanggan 4.5 dari 5 bintang, 7 ulasan");
    expect(html).toContain('data-failed="Ulasan tidak dapat dimuat. Silakan coba lagi."');
  });
});
