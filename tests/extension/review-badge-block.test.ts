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

/** The star badge a merchant puts next to the product title: stars and count from the review metafields. */

async function render(metafields: ProductMetafields | undefined, locale: StorefrontLocale = "en", settings?: Record<string, unknown>) {
  const liquid = createStorefrontLiquid({ timeZone: "Asia/Jakarta", locale, moneyFormat: "Rp {{amount}}", assetBaseUrl: "https://cdn.example.test" });
  const objects = storefrontObjects({ country: "ID", locale, appMetafields: {}, product: { ...SAMPLE_PRODUCT, metafields }, pageType: "product" });
  return renderBlock(liquid, "review-badge", { objects, id: "b1", settings });
}

/** What a screen reader announces for the link: the visually hidden text (the rest is aria-hidden). */
const spoken = (html: string) => visibleText(/<span class="aftercare-visually-hidden">([\s\S]*?)<\/span>/.exec(html)?.[1] ?? "");
/** What a sighted shopper reads next to the stars. */
const shown = (html: string) => visibleText(/<span class="aftercare-review-badge__text"[^>]*>([\s\S]*?)<\/span>/.exec(html)?.[1] ?? "");

describe("the star rating badge block", () => {
  it("shows stars filled to the average with the average and count, and links to the reviews", async () => {
    const html = await render(reviewMetafields(4.5, 12));

    expect(html).toMatch(/<a class="aftercare-review-badge" href="#aftercare-reviews"/);
    expect(html).toContain('<span class="aftercare-stars" style="--aftercare-stars-fill: 90%" aria-hidden="true"></span>');
    expect(shown(html)).toBe("4.5 (12)");
    expect(html).toMatch(/<span class="aftercare-review-badge__text" aria-hidden="true">/);
    expect(spoken(html)).toBe("Rated 4.5 out of 5, 12 reviews");
  });

  it("uses the singular for one review", async () => {
    expect(spoken(await render(reviewMetafields(5, 1)))).toBe("Rated 5 out of 5, 1 review");
  });

  it("writes numbers the Indonesian way: decimal comma, thousands with a dot", async () => {
    const html = await render(reviewMetafields(4.1, 1250), "id");

    expect(shown(html)).toBe("4,1 (1.250)");
    expect(spoken(html)).toBe("Dinilai 4,1 dari 5, 1.250 ulasan");
    expect(spoken(await render(reviewMetafields(4.1, 1250), "en"))).toBe("Rated 4.1 out of 5, 1,250 reviews");
  });

  it("renders nothing, not an empty box, for a product without reviews", async () => {
    expect((await render(undefined)).trim()).toBe("");
    expect((await render({ reviews: { rating_count: { type: "number_integer", value: "0" } } })).trim()).toBe("");
  });

  it("says there are no reviews yet when the merchant turns on 'show when empty'", async () => {
    const html = await render(undefined, "en", { show_empty: true });

    expect(visibleText(html)).toBe("No reviews yet");
    expect(html).toContain('href="#aftercare-reviews"');
    expect(html).toContain("--aftercare-stars-fill: 0%");
    expect(visibleText(await render(undefined, "id", { show_empty: true }))).toBe("Belum ada ulasan");
  });
});
