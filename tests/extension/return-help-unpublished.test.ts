import { describe, expect, it } from "vitest";
import { returnRulesSchema } from "~/models/returns/rules";
import { returnsMetafield } from "~/models/returns/storefront";
import { visibleText } from "../support/storefront/html-text";
import { createStorefrontLiquid, renderBlock } from "../support/storefront/liquid-environment";
import { MONEY_FORMATS, storefrontObjects, type AppMetafields, type StorefrontLocale } from "../support/storefront/storefront-fixtures";

/**
 * The returns help block states a return window only when the merchant saved return rules and they were
 * published (app.metafields.aftercare.returns): a fresh install has none, and a made-up window is a promise.
 */
const TIME_ZONE = "Asia/Jakarta";

async function steps(locale: StorefrontLocale, appMetafields: AppMetafields): Promise<string[]> {
  const liquid = createStorefrontLiquid({ timeZone: TIME_ZONE, locale, moneyFormat: MONEY_FORMATS.IDR, now: new Date("2025-01-06T03:48:00Z"), assetBaseUrl: "https://cdn.example.test/extensions/aftercare" });
  const html = await renderBlock(liquid, "return-help", {
    objects: storefrontObjects({ country: "ID", locale, appMetafields, product: null, pageType: "page" }),
  });
  const list = /<ol class="aftercare-help__steps">([\s\S]*?)<\/ol>/.exec(html)?.[1] ?? "";
  return [...list.matchAll(/<li>([\s\S]*?)<\/li>/g)].map((match) => visibleText(match[1]));
}

describe("the returns help block without published return rules", () => {
  it("states no return window, in English and Indonesian", async () => {
    const en = await steps("en", {});
    const id = await steps("id", {});

    expect(en).toHaveLength(4);
    expect(en[0]).toBe("Contact us before sending anything back: we will tell you whether your items can still be returned.");
    expect(en.join(" ")).not.toMatch(/\d+-day|return window/);
    expect(id[0]).toBe("Hubungi kami sebelum mengirim kembali produk: kami akan memberi tahu apakah produk Anda masih bisa dikembalikan.");
    expect(id.join(" ")).not.toMatch(/\d+ hari/);
  });

  it("states the window the merchant saved once it is published", async () => {
    const entry = returnsMetafield(returnRulesSchema.parse({ windowDays: 14, windowStartsAt: "delivery" }), TIME_ZONE);
    const published: AppMetafields = { [entry.namespace]: { [entry.key]: { type: entry.type, value: entry.value } } };

    expect((await steps("en", published))[0]).toMatch(/^Check that your items are within the 14-day return window/);
  });
});
