import { createStorefrontLiquid, renderBlock } from "./liquid-environment";
import { storefrontObjects, type StorefrontLocale } from "./storefront-fixtures";

/**
 * A storefront page with the order return check block (and, through it, the return request form), its
 * stylesheet and deferred script served from `baseUrl`, for a shop in `timeZone` selling in Indonesia.
 */
export async function returnCheckPage(options: { baseUrl: string; locale: StorefrontLocale; timeZone: string }): Promise<string> {
  const { baseUrl, locale, timeZone } = options;
  const liquid = createStorefrontLiquid({ timeZone, locale, moneyFormat: "Rp {{amount}}", assetBaseUrl: `${baseUrl}/assets` });
  const block = await renderBlock(liquid, "return-check", {
    objects: storefrontObjects({ country: "ID", locale, appMetafields: {}, product: null, pageType: "index" }),
  });
  return `<!doctype html><html lang="${locale}"><head><meta charset="utf-8"><title>Returns</title>
<link rel="stylesheet" href="${baseUrl}/assets/aftercare-returns.css">
<script src="${baseUrl}/assets/aftercare-return-check.js" defer></script></head>
<body><main>${block}</main></body></html>`;
}
