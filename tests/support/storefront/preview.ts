import { createStorefrontLiquid, escapeHtml, formatMoney, renderBlock } from "./liquid-environment";
import { readBlockSchema } from "./extension-files";
import {
  MONEY_FORMATS,
  SAMPLE_PRODUCT,
  countryFixture,
  storefrontObjects,
  type AppMetafields,
  type PreviewProduct,
  type StorefrontLocale,
} from "./storefront-fixtures";

export { serveExtensionAsset } from "./extension-files";

/**
 * A plain, Dawn-like storefront page with the extension placed where a merchant would put
 * it: the delivery estimate under the product price, the product's reviews below it, the
 * shipping banner as an app embed at the end of <body>. Block stylesheets go in <head> and scripts load deferred, as
 * Shopify does with a block schema's `stylesheet` and `javascript`.
 */

export interface StorefrontPreviewOptions {
  country: string;
  locale: StorefrontLocale;
  page: "product" | "home" | "help";
  /** The shop's name in the header; the fixtures' shop by default. */
  shopName?: string;
  product?: PreviewProduct;
  appMetafields: AppMetafields;
  now?: Date;
  /** URL prefix under which serveExtensionAsset's files are served. */
  assetBaseUrl: string;
  /** The shop's time zone; defaults to the published calendar's. */
  timeZone?: string;
  customerProvince?: string | null;
  /** Liquid's `customer` for a logged-in shopper (orders, email, address); wins over customerProvince. */
  customer?: Record<string, unknown> | null;
  /** The same page with no Aftercare block or app embed (what the theme costs on its own). */
  withoutAftercare?: boolean;
  /** Merchant settings per block. */
  blockSettings?: Record<string, Record<string, unknown>>;
}

const THEME_TEXT: Record<StorefrontLocale, Record<string, string>> = {
  en: { addToCart: "Add to cart", home: "Home", catalog: "Catalog", hero: "Made slowly, shipped quickly", shopNow: "Shop the bag" },
  id: { addToCart: "Tambah ke keranjang", home: "Beranda", catalog: "Katalog", hero: "Dibuat perlahan, dikirim cepat", shopNow: "Lihat tas" },
};

const THEME_CSS = `
*,*::before,*::after{box-sizing:border-box}
body{margin:0;font-family:system-ui,-apple-system,"Segoe UI",Roboto,sans-serif;color:#121212;background:#fff;line-height:1.5}
.header{display:flex;align-items:center;justify-content:space-between;gap:1rem;padding:1rem 2rem;border-bottom:1px solid #e6e6e6}
.header__heading{font-size:1.5rem;font-weight:700;color:inherit;text-decoration:none}
.header__menu{display:flex;gap:1.25rem;list-style:none;margin:0;padding:0}
.header__menu a,.header__localization{color:#3d3d3d;text-decoration:none;font-size:.9375rem}
.page-width{max-width:1100px;margin:0 auto;padding:2.5rem 2rem}
.product{display:grid;grid-template-columns:1fr 1fr;gap:3rem}
.product__media{aspect-ratio:1;background:linear-gradient(135deg,#f3e9dc,#d8c3a5);border-radius:.5rem}
.product__title{font-size:2.25rem;margin:0 0 .5rem;line-height:1.2}
.price{font-size:1.25rem;margin:0 0 1rem}
.product-form__submit{width:100%;padding:.9rem 1rem;font:inherit;font-weight:600;color:#fff;background:#121212;border:0;border-radius:.25rem;cursor:pointer}
.product__description{margin-top:1.5rem;color:#3d3d3d}
.hero{padding:5rem 2rem;text-align:center;background:#f3e9dc}
.hero__title{font-size:2.5rem;margin:0 0 1.5rem}
.button{display:inline-block;padding:.8rem 1.5rem;color:#fff;background:#121212;text-decoration:none;border-radius:.25rem}
.footer{padding:2rem;border-top:1px solid #e6e6e6;color:#6b6b6b;font-size:.875rem;text-align:center}
@media (max-width:749px){.product{grid-template-columns:1fr}}
`;

const PRODUCT_BLOCK = "delivery-estimate";
const RETURN_POLICY_BLOCK = "return-policy";
/** Under the product: its rating and reviews. */
const REVIEWS_BLOCK = "review-display";
/** A returns and help page as a merchant would build it from Aftercare's blocks. */
const HELP_BLOCKS = ["order-status", "return-check", "return-help", "review-prompt"];
const EMBED_BLOCK = "shipping-banner";

/** A block as Shopify places it: wrapped in its app block container. */
function appBlock(block: string, html: string): string {
  return `<div id="shopify-block-aftercare-${block}" class="shopify-app-block">${html}</div>`;
}

export async function renderStorefrontPreview(options: StorefrontPreviewOptions): Promise<string> {
  const country = countryFixture(options.country);
  const moneyFormat = MONEY_FORMATS[country.currency];
  const calendarValue = options.appMetafields.aftercare?.shipping?.value;
  const timeZone = options.timeZone ?? (calendarValue ? (JSON.parse(calendarValue) as { timeZone: string }).timeZone : "UTC");
  const assetUrl = (name: string) => `${options.assetBaseUrl}/${name}`;
  const liquid = createStorefrontLiquid({
    timeZone,
    locale: options.locale,
    moneyFormat,
    now: options.now,
    assetBaseUrl: options.assetBaseUrl,
  });
  const product = options.page === "product" ? (options.product ?? SAMPLE_PRODUCT) : null;
  const objects = storefrontObjects({
    country: options.country,
    locale: options.locale,
    appMetafields: options.appMetafields,
    product,
    customerProvince: options.customerProvince,
    customer: options.customer,
    // Liquid's `shop.name` is the same shop the header names.
    shopName: options.shopName,
    pageType: options.page === "product" ? "product" : options.page === "help" ? "page" : "index",
  });
  const text = THEME_TEXT[options.locale];
  const blocks = options.withoutAftercare
    ? []
    : options.page === "product"
      ? [PRODUCT_BLOCK, RETURN_POLICY_BLOCK, REVIEWS_BLOCK, EMBED_BLOCK]
      : options.page === "help"
        ? [...HELP_BLOCKS, EMBED_BLOCK]
        : [EMBED_BLOCK];
  const shopName = options.shopName ?? "Toko Rapi";
  const render = (block: string) =>
    renderBlock(liquid, block, { objects, settings: options.blockSettings?.[block] });
  const place = async (block: string) => (blocks.includes(block) ? appBlock(block, await render(block)) : "");

  const schemas = blocks.map(readBlockSchema);
  const stylesheets = [...new Set(schemas.map((schema) => schema.stylesheet).filter(Boolean))] as string[];
  const scripts = [...new Set(schemas.map((schema) => schema.javascript).filter(Boolean))] as string[];

  let main: string;
  if (product) {
    const price = product.prices[country.currency];
    main = `<section class="product page-width">
  <div class="product__media" role="img" aria-label="${escapeHtml(product.title)}"></div>
  <div class="product__info">
    <h1 class="product__title">${escapeHtml(product.title)}</h1>
    <p class="price">${escapeHtml(formatMoney(price, moneyFormat))}</p>
    ${await place(PRODUCT_BLOCK)}
    ${await place(RETURN_POLICY_BLOCK)}
    <form class="product-form" action="/cart/add" method="post" onsubmit="return false">
      <input type="hidden" name="id" value="${product.id}">
      <button type="submit" class="product-form__submit">${text.addToCart}</button>
    </form>
    <div class="product__description"><p>${escapeHtml(product.description)}</p></div>
  </div>
</section>
<section class="page-width">
  ${await place(REVIEWS_BLOCK)}
</section>`;
  } else if (options.page === "help") {
    const sections = await Promise.all(HELP_BLOCKS.map(place));
    main = `<div class="page-width">${sections.join("\n")}</div>`;
  } else {
    main = `<section class="hero">
  <h1 class="hero__title">${text.hero}</h1>
  <a class="button" href="/products/${SAMPLE_PRODUCT.handle}">${text.shopNow}</a>
</section>`;
  }

  return `<!doctype html>
<html lang="${options.locale}">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width,initial-scale=1">
<title>${escapeHtml(product?.title ?? shopName)} – ${escapeHtml(shopName)}</title>
<style>${THEME_CSS}</style>
${stylesheets.map((name) => `<link rel="stylesheet" href="${escapeHtml(assetUrl(name))}">`).join("\n")}
${scripts.map((name) => `<script src="${escapeHtml(assetUrl(name))}" defer></script>`).join("\n")}
</head>
<body>
<header class="header">
  <a class="header__heading" href="/">${escapeHtml(shopName)}</a>
  <ul class="header__menu"><li><a href="/">${text.home}</a></li><li><a href="/collections/all">${text.catalog}</a></li></ul>
  <span class="header__localization">${escapeHtml(country.name[options.locale])} (${country.currency})</span>
</header>
<main id="MainContent">
${main}
</main>
<footer class="footer">© ${escapeHtml(shopName)}</footer>
${await place(EMBED_BLOCK)}
</body>
</html>`;
}
