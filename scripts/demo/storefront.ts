/**
 * The demo's storefront preview: a Dawn-like theme page with the theme app extension's blocks rendered by
 * Liquid from what the app published to the fake shop (its app-owned metafields), as a shopper sees them.
 *   /storefront                       home page (the shipping banner app embed)
 *   /storefront/products/<handle>     product page (delivery estimate, return policy, reviews)
 *   /storefront/pages/help            returns and help page (order status, return check, returns help, review prompt)
 *   ?country=ID|DE|FR|US|BR  &locale=en|id   who is shopping, from where
 *   &aftercare=off                            the same page without any Aftercare block (for comparison)
 *   /storefront/browse-as?customer=<id>|guest  log in as a seeded customer (a cookie), or out again
 */
import type { FakeAdmin } from "../../tests/support/fake-admin/server";
import type { SeedProduct } from "../../tests/support/fake-admin/types";
import { renderStorefrontPreview, serveExtensionAsset } from "../../tests/support/storefront/preview";
import {
  COUNTRIES,
  type AppMetafields,
  type PreviewProduct,
  type ProductMetafields,
  type StorefrontLocale,
} from "../../tests/support/storefront/storefront-fixtures";
import { customerCookie, liquidCustomer, loggedInCustomerId, offeredCustomers } from "./demo-customers";
import { escapeHtml } from "./html";

// Rough rates so a shopper abroad sees a price in their currency, as Shopify Markets would show.
const RATES_FROM_USD: Record<string, number> = { USD: 1, EUR: 0.92, IDR: 16_200, BRL: 5.4 };

export function appMetafieldsOf(fakeAdmin: FakeAdmin): AppMetafields {
  const result: AppMetafields = {};
  for (const field of fakeAdmin.state.appInstallationMetafields) {
    (result[field.namespace] ??= {})[field.key] = { type: field.type, value: field.value };
  }
  return result;
}

/** What the app published on the product (its review summary), as Liquid's `product.metafields` reads it. */
function productMetafieldsOf(fakeAdmin: FakeAdmin, productId: string): ProductMetafields {
  const result: ProductMetafields = {};
  for (const field of fakeAdmin.state.metafields.list(productId)) {
    (result[field.namespace] ??= {})[field.key] = { type: field.type, value: field.value };
  }
  return result;
}

function previewProduct(product: SeedProduct, metafields: ProductMetafields): PreviewProduct {
  const usd = Number(product.variants[0]?.price ?? "0");
  const prices = Object.fromEntries(
    Object.entries(RATES_FROM_USD).map(([currency, rate]) => [currency, Math.round(usd * rate * 100)]),
  );
  return {
    id: Number(product.id.split("/").pop()),
    title: product.title,
    handle: product.handle,
    tags: product.tags,
    prices,
    description: product.descriptionHtml.replace(/<[^>]+>/g, ""),
    metafields,
  };
}

export async function renderStorefront(options: { url: URL; fakeAdmin: FakeAdmin; shopifyUrl: string; cookie?: string | null }): Promise<Response> {
  const { url, fakeAdmin } = options;
  if (url.pathname === "/storefront/browse-as") return browseAs(url, fakeAdmin);
  const assetPrefix = "/storefront/assets/";
  if (url.pathname.startsWith(assetPrefix)) {
    const asset = serveExtensionAsset(url.pathname.slice(assetPrefix.length));
    if (!asset) return new Response("Not found", { status: 404 });
    return new Response(new Uint8Array(asset.body), { headers: { "Content-Type": asset.contentType, "Cache-Control": "no-cache" } });
  }

  const country = (url.searchParams.get("country") ?? "ID").toUpperCase();
  const locale: StorefrontLocale = url.searchParams.get("locale") === "id" ? "id" : "en";
  if (!COUNTRIES[country]) {
    return new Response(`The preview knows these countries: ${Object.keys(COUNTRIES).join(", ")}`, { status: 400 });
  }

  const productMatch = /^\/storefront\/products\/([\w-]+)$/.exec(url.pathname);
  const products = fakeAdmin.seed.products;
  const seedProduct = productMatch ? products.find((p) => p.handle === productMatch[1]) : undefined;
  if (productMatch && !seedProduct) return new Response("No such product in the demo shop", { status: 404 });

  const isHelp = url.pathname === "/storefront/pages/help";
  const customerId = loggedInCustomerId(options.cookie ?? null, fakeAdmin.seed);
  const html = await renderStorefrontPreview({
    country,
    locale,
    page: seedProduct ? "product" : isHelp ? "help" : "home",
    shopName: fakeAdmin.shop.name,
    product: seedProduct ? previewProduct(seedProduct, productMetafieldsOf(fakeAdmin, seedProduct.id)) : undefined,
    appMetafields: appMetafieldsOf(fakeAdmin),
    timeZone: fakeAdmin.shop.ianaTimezone,
    assetBaseUrl: "/storefront/assets",
    withoutAftercare: url.searchParams.get("aftercare") === "off",
    customer: customerId ? liquidCustomer(fakeAdmin.seed, customerId) : null,
  });
  return new Response(withShopperSwitcher(html, url, fakeAdmin, customerId), { headers: { "Content-Type": "text/html; charset=utf-8" } });
}

/** Logs the visitor in as a seeded customer (or out), then back to the page they came from. */
function browseAs(url: URL, fakeAdmin: FakeAdmin): Response {
  const wanted = url.searchParams.get("customer") ?? "guest";
  const id = wanted === "guest" ? null : loggedInCustomerId(`aftercare_demo_customer=${wanted}`, fakeAdmin.seed);
  if (wanted !== "guest" && !id) return new Response("No such customer in the demo shop", { status: 404 });
  const back = url.searchParams.get("back") ?? "/storefront";
  const location = back.startsWith("/storefront") ? back : "/storefront";
  return new Response(null, { status: 303, headers: { Location: location, "Set-Cookie": customerCookie(id) } });
}

/** A small bar on top of the preview to switch shopper country, language and product. */
function withShopperSwitcher(html: string, url: URL, fakeAdmin: FakeAdmin, customerId: string | null): string {
  const products = fakeAdmin.seed.products;
  const link = (params: Record<string, string>, path = url.pathname) => {
    const next = new URL(path, url);
    next.search = url.search;
    for (const [key, value] of Object.entries(params)) next.searchParams.set(key, value);
    return escapeHtml(`${next.pathname}${next.search}`);
  };
  const countries = Object.keys(COUNTRIES).map((code) => `<a href="${link({ country: code })}">${code}</a>`).join(" ");
  const languages = ["en", "id"].map((code) => `<a href="${link({ locale: code })}">${code}</a>`).join(" ");
  const productLinks = products
    .slice(0, 6)
    .map((p) => `<a href="${link({}, `/storefront/products/${p.handle}`)}">${escapeHtml(p.title)}</a>`)
    .join(" · ");
  const back = encodeURIComponent(`${url.pathname}${url.search}`);
  const current = customerId ? fakeAdmin.seed.customers.find((customer) => customer.id.endsWith(`/${customerId}`)) : undefined;
  const people = offeredCustomers(fakeAdmin.seed)
    .map((customer) => {
      const id = customer.id.split("/").pop()!;
      const label = `${customer.displayName} (${customer.defaultAddress.countryCodeV2})`;
      return id === customerId
        ? `<strong aria-current="true">${escapeHtml(label)}</strong>`
        : `<a href="/storefront/browse-as?customer=${id}&amp;back=${back}">Browse as ${escapeHtml(label)}</a>`;
    })
    .join(" · ");
  const who = current
    ? `<span>Browsing as <strong>${escapeHtml(current.displayName)}</strong> · <a href="/storefront/browse-as?customer=guest&amp;back=${back}">Log out</a> · ${people}</span>`
    : `<span>Browsing as a guest · ${people}</span>`;
  const bar = `<nav aria-label="Demo shopper" style="font:13px system-ui;background:#fffbe6;border-bottom:1px solid #e0d9b5;padding:6px 16px;display:flex;gap:18px;flex-wrap:wrap">
<strong>Storefront preview</strong><a href="${link({}, "/storefront/pages/help")}">Help page</a><a href="/checkout/thank-you">Thank-you page</a><a href="/account/orders">Order status page</a><a href="/mail">Mail</a><span>Country: ${countries}</span><span>Language: ${languages}</span><span><a href="${link({}, "/storefront")}">Home</a> · ${productLinks}</span>${who}</nav>`;
  // The theme's own links (home, catalog, the hero's product) stay inside the preview.
  const firstProduct = products[0] ? `/storefront/products/${products[0].handle}` : "/storefront";
  return html
    .replace(/href="\/(collections\/all)?"/g, `href="${link({}, "/storefront")}"`)
    .replace(/href="\/products\/[\w-]+"/g, `href="${link({}, firstProduct)}"`)
    .replace(/<body([^>]*)>/, `<body$1>${bar}`);
}
