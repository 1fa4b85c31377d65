import { describe, expect, it } from "vitest";
import { activateAppEmbedUrl, addAppBlockUrl } from "../../../app/models/setup-guide/theme-deep-links";

const context = { shop: "aftercare-demo.myshopify.com", apiKey: "4f1c2a9e8b7d6c5e4f3a2b1c0d9e8f7a" };

function parts(url: string) {
  const parsed = new URL(url);
  return { origin: parsed.origin, path: parsed.pathname, params: Object.fromEntries(parsed.searchParams) };
}

describe("theme editor deep links", () => {
  it("opens the App embeds panel of the live theme with the app embed switched on", () => {
    const url = activateAppEmbedUrl(context, "shipping-banner");

    expect(url).toBe(
      "https://aftercare-demo.myshopify.com/admin/themes/current/editor?context=apps&template=index&activateAppId=4f1c2a9e8b7d6c5e4f3a2b1c0d9e8f7a/shipping-banner",
    );
  });

  it("adds an app block to the main section of the product template", () => {
    const url = addAppBlockUrl(context, "delivery-estimate", "product");

    expect(parts(url)).toEqual({
      origin: "https://aftercare-demo.myshopify.com",
      path: "/admin/themes/current/editor",
      params: { template: "product", addAppBlockId: `${context.apiKey}/delivery-estimate`, target: "mainSection" },
    });
    // The `<api key>/<handle>` pair keeps its literal slash, as Shopify documents it.
    expect(url).toContain(`addAppBlockId=${context.apiKey}/delivery-estimate&`);
  });

  it("places a block in a new Apps section or a section group when asked", () => {
    expect(parts(addAppBlockUrl(context, "order-status", "customers/order", "newAppsSection")).params).toMatchObject({
      template: "customers/order",
      target: "newAppsSection",
    });
    expect(parts(addAppBlockUrl(context, "return-help", "page.returns", "sectionGroup:footer")).params).toMatchObject({
      template: "page.returns",
      target: "sectionGroup:footer",
    });
  });

  it("refuses what would make a broken or misleading link", () => {
    expect(() => activateAppEmbedUrl({ ...context, shop: "shop.example.com" }, "shipping-banner")).toThrow(/myshopify\.com/);
    expect(() => activateAppEmbedUrl({ ...context, apiKey: "" }, "shipping-banner")).toThrow(/API key/);
    expect(() => addAppBlockUrl(context, "delivery-estimate.liquid", "product")).toThrow(/block handle/);
    expect(() => addAppBlockUrl(context, "delivery-estimate", "product&target=x")).toThrow(/template/);
    expect(() => addAppBlockUrl(context, "delivery-estimate", "product", "sectionGroup:body" as never)).toThrow(/target/);
  });
});
