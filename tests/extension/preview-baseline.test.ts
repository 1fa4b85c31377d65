/**
 * The storefront benchmark compares a page with Aftercare's blocks to the same page without them: the
 * baseline must be the same theme page with every block, embed, stylesheet and script of ours gone.
 */
import { describe, expect, it } from "vitest";
import { buildShippingCalendar } from "~/models/shipping/calendar";
import { renderStorefrontPreview } from "../support/storefront/preview";
import { sampleShippingRules } from "../support/storefront/sample-shipping-rules";
import { reviewMetafields, SAMPLE_PRODUCT, shippingMetafields } from "../support/storefront/storefront-fixtures";

const now = new Date("2026-11-23T03:00:00Z");
const render = (page: "product" | "help", withoutAftercare: boolean) =>
  renderStorefrontPreview({
    country: "ID",
    locale: "en",
    page,
    appMetafields: shippingMetafields(buildShippingCalendar(sampleShippingRules(), { now })),
    now,
    assetBaseUrl: "/assets",
    withoutAftercare,
  });

describe("storefront preview without Aftercare", () => {
  it.each(["product", "help"] as const)("keeps the %s page's theme and drops every Aftercare block and asset", async (page) => {
    const [withBlocks, without] = await Promise.all([render(page, false), render(page, true)]);
    expect(withBlocks).toContain("shopify-app-block");
    expect(withBlocks).toMatch(/<script src="\/assets\/aftercare-[\w-]+\.js"/);

    expect(without).not.toContain("shopify-app-block");
    expect(without).not.toMatch(/aftercare-[\w-]+\.(js|css)/);
    expect(without).toContain('<main id="MainContent">');
    expect(without).toContain('<footer class="footer">');
  });
});

describe("storefront preview of another shop", () => {
  it("gives the blocks the shop's own name (the merchant's reply heading uses it)", async () => {
    const html = await renderStorefrontPreview({
      country: "ID",
      locale: "en",
      page: "product",
      shopName: "Kopi Kita",
      product: { ...SAMPLE_PRODUCT, metafields: reviewMetafields(4.5, 3) },
      appMetafields: shippingMetafields(buildShippingCalendar(sampleShippingRules(), { now })),
      now,
      assetBaseUrl: "/assets",
    });
    expect(html).toContain("Reply from Kopi Kita");
    expect(html).not.toContain("Toko Rapi");
  });
});
