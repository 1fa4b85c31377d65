/**
 * The demo's stand-ins for the two Shopify pages Aftercare's UI extensions render on, each for a seeded
 * order, with the extension bundle `shopify app build` wrote (extensions/<handle>/dist) mounted in a frame:
 *   /checkout/thank-you?order=<id>        checkout's Thank-you page (extensions/aftercare-thank-you)
 *   /account/orders/<id>                  the customer account's order status page (extensions/aftercare-order-status)
 *   &locale=en|id                         the shopper's language
 * The frame (/__demo/extension-frame) gives the bundle the `shopify` global its target expects
 * (extension-host/runtime.js) and plain `s-*` elements (extension-host/elements.js); its session token
 * comes from /__demo/extension-token, signed with the app secret as Shopify signs it, `sub` naming the
 * order's customer. A demo host: no worker sandbox, no Shopify styling, one block target per page.
 */
import { existsSync, readFileSync } from "node:fs";
import path from "node:path";
import { legacyIdOf } from "../../tests/support/fake-admin/ids";
import type { FakeAdmin } from "../../tests/support/fake-admin/server";
import type { SeedOrder } from "../../tests/support/fake-admin/types";
import { mintExtensionToken } from "../../tests/support/signing";
import { offeredCustomers } from "./demo-customers";
import { escapeHtml } from "./html";

const root = path.resolve(import.meta.dirname, "../..");
const HOST_ASSETS = path.join(import.meta.dirname, "extension-host");

export const DEMO_EXTENSIONS = {
  "thank-you": { handle: "aftercare-thank-you", target: "purchase.thank-you.block.render", surface: "checkout" },
  "order-status": { handle: "aftercare-order-status", target: "customer-account.order-status.block.render", surface: "customer account" },
} as const;
export type DemoExtensionPage = keyof typeof DEMO_EXTENSIONS;

export interface ExtensionPagesContext {
  fakeAdmin: FakeAdmin;
  appUrl: string;
  apiKey: string;
  apiSecret: string;
}

/** The bundle `shopify app build` writes for an extension (always under extensions/<handle>/dist). */
export const extensionBundlePath = (handle: string) => path.join(root, "extensions", handle, "dist", `${handle}.js`);

export const missingExtensionBundles = () =>
  Object.values(DEMO_EXTENSIONS).map((extension) => extension.handle).filter((handle) => !existsSync(extensionBundlePath(handle)));

/** Where the extensions call the app: `application_url` in shopify.app.toml (what their app-url.ts holds). */
export function tomlApplicationUrl(toml = readFileSync(path.join(root, "shopify.app.toml"), "utf8")): string {
  const url = /^application_url\s*=\s*"([^"]+)"/m.exec(toml)?.[1];
  if (!url) throw new Error("shopify.app.toml has no application_url");
  return url;
}

const html = (body: string, status = 200) =>
  new Response(body, { status, headers: { "Content-Type": "text/html; charset=utf-8", "Cache-Control": "no-store" } });
const newestFirst = (a: SeedOrder, b: SeedOrder) => Date.parse(b.createdAt) - Date.parse(a.createdAt);
const isDelivered = (order: SeedOrder) =>
  order.cancelledAt === null && order.fulfillments.length > 0 && order.fulfillments.every((fulfillment) => fulfillment.deliveredAt !== null);

/** The order a page is for: the one named, else the shop's newest (Thank-you) or a delivered one (order status). */
export function demoOrderFor(fakeAdmin: FakeAdmin, page: DemoExtensionPage, legacyId: string | null): SeedOrder | null {
  const orders = fakeAdmin.seed.orders;
  if (legacyId) return orders.find((order) => legacyIdOf(order.id) === legacyId) ?? null;
  if (page === "thank-you") return [...orders].filter((order) => order.cancelledAt === null).sort(newestFirst)[0] ?? null;
  const customers = new Set(offeredCustomers(fakeAdmin.seed).map((customer) => customer.id));
  return [...orders].filter((order) => customers.has(order.customerId) && isDelivered(order)).sort(newestFirst)[0] ?? null;
}

const languageOf = (url: URL) => (url.searchParams.get("locale") === "id" ? "id" : "en");

/** Answers the demo's extension pages, or null for a path that is not one of them. */
export async function answerExtensionPages(url: URL, context: ExtensionPagesContext): Promise<Response | null> {
  const { fakeAdmin } = context;
  const asset = /^\/__demo\/extension-host\/(runtime\.js|elements\.js|elements\.css)$/.exec(url.pathname);
  if (asset) {
    const type = asset[1].endsWith(".css") ? "text/css" : "text/javascript";
    return new Response(readFileSync(path.join(HOST_ASSETS, asset[1])), { headers: { "Content-Type": `${type}; charset=utf-8`, "Cache-Control": "no-cache" } });
  }
  const bundle = /^\/__demo\/extension-bundles\/(aftercare-thank-you|aftercare-order-status)\.js$/.exec(url.pathname);
  if (bundle) {
    const file = extensionBundlePath(bundle[1]);
    if (!existsSync(file)) return new Response(`// ${bundle[1]} is not built: run npm run app:build`, { status: 404, headers: { "Content-Type": "text/javascript" } });
    return new Response(readFileSync(file), { headers: { "Content-Type": "text/javascript; charset=utf-8", "Cache-Control": "no-cache" } });
  }

  const page = url.pathname === "/checkout/thank-you" ? "thank-you" : /^\/account\/orders(\/\d+)?$/.test(url.pathname) ? "order-status" : null;
  const framed = url.pathname === "/__demo/extension-frame" || url.pathname === "/__demo/extension-token";
  const framedPage = framed ? url.searchParams.get("page") : null;
  if (!page && !(framedPage === "thank-you" || framedPage === "order-status")) return null;
  const which = (page ?? framedPage) as DemoExtensionPage;
  const legacyId = page === "order-status" ? (/\/(\d+)$/.exec(url.pathname)?.[1] ?? null) : url.searchParams.get("order");
  const order = demoOrderFor(fakeAdmin, which, legacyId);
  if (!order) return html("<p>No such order in the demo shop. <a href=\"/storefront\">Storefront preview</a></p>", 404);

  if (url.pathname === "/__demo/extension-token") {
    // What Shopify hands the extension: the shop in `dest`, the app's key in `aud`, the buyer in `sub`.
    const token = mintExtensionToken({ shop: fakeAdmin.shopDomain, apiKey: context.apiKey, secret: context.apiSecret, customerId: order.customerId });
    return new Response(token, { headers: { "Content-Type": "text/plain", "Cache-Control": "no-store" } });
  }
  if (url.pathname === "/__demo/extension-frame") return html(extensionFrameHtml(which, order, languageOf(url), context));
  return html(which === "thank-you" ? thankYouPageHtml(order, languageOf(url), fakeAdmin) : orderStatusPageHtml(order, languageOf(url), fakeAdmin));
}

function extensionMessages(handle: string, language: "en" | "id"): unknown {
  return JSON.parse(readFileSync(path.join(root, "extensions", handle, "locales", language === "en" ? "en.default.json" : "id.json"), "utf8"));
}

/** What the target's API holds for this order, as Shopify would fill it. */
function targetValues(page: DemoExtensionPage, order: SeedOrder, fakeAdmin: FakeAdmin): Record<string, unknown> {
  if (page === "order-status") return { order: { id: order.id, name: order.name }, authenticationState: "fully_authenticated" };
  const calendar = fakeAdmin.state.metafields.get(fakeAdmin.seed.shop.id, "$app:aftercare", "shipping");
  const address = order.shippingAddress;
  return {
    orderConfirmation: { order: { id: `gid://shopify/OrderIdentity/${legacyIdOf(order.id)}` }, number: order.confirmationNumber ?? undefined },
    shippingAddress: { countryCode: address.countryCodeV2, provinceCode: address.provinceCode ?? undefined, city: address.city, zip: address.zip },
    lines: order.lineItems.map((line, index) => ({
      id: `gid://shopify/CartLine/${index + 1}`,
      quantity: line.quantity,
      merchandise: { type: "variant", id: line.variantId, title: line.variantTitle ?? line.title, product: { id: line.productId } },
    })),
    // The extension's toml declares $app:aftercare.shipping on the shop; Shopify names it as declared.
    appMetafields: calendar
      ? [{ target: { type: "shop", id: fakeAdmin.seed.shop.id }, metafield: { namespace: "$app:aftercare", key: "shipping", type: calendar.type, value: calendar.value } }]
      : [],
  };
}

function extensionFrameHtml(page: DemoExtensionPage, order: SeedOrder, language: "en" | "id", context: ExtensionPagesContext): string {
  const extension = DEMO_EXTENSIONS[page];
  if (!existsSync(extensionBundlePath(extension.handle))) {
    return `<!doctype html><meta charset="utf-8"><p style="font:14px system-ui">The ${extension.handle} extension is not built yet: run <code>npm run app:build</code> and reload.</p>`;
  }
  const legacyId = legacyIdOf(order.id);
  const config = {
    target: extension.target,
    language,
    country: order.shippingAddress.countryCodeV2,
    currency: order.currencyCode,
    messages: extensionMessages(extension.handle, language),
    values: targetValues(page, order, context.fakeAdmin),
    tokenUrl: `/__demo/extension-token?page=${page}&order=${legacyId}`,
    declaredAppUrl: tomlApplicationUrl(),
    appUrl: context.appUrl,
    loginUrl: "/storefront",
  };
  const json = JSON.stringify(config).replace(/</g, "\\u003c");
  return `<!doctype html>
<html lang="${language}">
<head>
<meta charset="utf-8">
<title>${escapeHtml(extension.handle)} (${escapeHtml(extension.target)})</title>
<link rel="stylesheet" href="/__demo/extension-host/elements.css">
</head>
<body>
<script type="application/json" id="aftercare-extension-config">${json}</script>
<script src="/__demo/extension-host/runtime.js"></script>
<script src="/__demo/extension-host/elements.js"></script>
<script src="/__demo/extension-bundles/${extension.handle}.js"></script>
</body>
</html>`;
}

const PAGE_STYLE = `
  body { margin: 0; font: 14px/1.45 system-ui, sans-serif; color: #303030; background: #f6f6f6; }
  .demo-note { background: #fffbe6; border-bottom: 1px solid #e0d9b5; padding: 6px 16px; font-size: 13px; }
  main { max-width: 980px; margin: 24px auto; padding: 0 16px; display: grid; grid-template-columns: minmax(0, 3fr) minmax(0, 2fr); gap: 24px; }
  .card { background: #fff; border: 1px solid #e3e3e3; border-radius: 12px; padding: 16px 20px; margin-bottom: 16px; }
  h1 { font-size: 22px; margin: 0 0 4px; }
  h2 { font-size: 16px; margin: 0 0 8px; }
  iframe { display: block; width: 100%; border: 0; min-height: 80px; }
  ul { padding-left: 18px; margin: 0; }
  nav a { margin-right: 10px; }
  .muted { color: #6b6b6b; }`;

function pageHtml(options: { title: string; language: string; note: string; main: string; aside: string }): string {
  return `<!doctype html>
<html lang="${options.language}">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width,initial-scale=1">
<title>${escapeHtml(options.title)}</title>
<style>${PAGE_STYLE}</style>
</head>
<body>
<div class="demo-note" role="note">${options.note}</div>
<main><div>${options.main}</div><aside>${options.aside}</aside></main>
</body>
</html>`;
}

function linesHtml(order: SeedOrder): string {
  return `<ul>${order.lineItems.map((line) => `<li>${escapeHtml(line.title)} × ${line.quantity}</li>`).join("")}</ul>`;
}

function frameHtml(page: DemoExtensionPage, order: SeedOrder, language: string): string {
  const extension = DEMO_EXTENSIONS[page];
  const src = `/__demo/extension-frame?page=${page}&order=${legacyIdOf(order.id)}&locale=${language}`;
  return `<iframe title="Aftercare extension (${escapeHtml(extension.target)})" data-extension="${extension.handle}" src="${escapeHtml(src)}"></iframe>`;
}

const languageLinks = (path: string, language: string) =>
  ["en", "id"].map((code) => (code === language ? `<strong>${code}</strong>` : `<a href="${escapeHtml(`${path}${path.includes("?") ? "&" : "?"}locale=${code}`)}">${code}</a>`)).join(" ");

function demoNote(page: DemoExtensionPage, language: string, path: string): string {
  const extension = DEMO_EXTENSIONS[page];
  return `<strong>Demo host</strong>, not Shopify's ${extension.surface}: the block below is the <code>${extension.handle}</code> bundle
<code>shopify app build</code> wrote, given a session token the demo signs with the app secret and plain <code>s-*</code> elements.
Language: ${languageLinks(path, language)} · <a href="/storefront">Storefront preview</a> · <a href="/checkout/thank-you">Thank-you page</a> ·
<a href="/account/orders">Order status page</a> · <a href="/admin?app=/app/surveys">Admin: Surveys</a>`;
}

function thankYouPageHtml(order: SeedOrder, language: "en" | "id", fakeAdmin: FakeAdmin): string {
  const address = order.shippingAddress;
  const path = `/checkout/thank-you?order=${legacyIdOf(order.id)}`;
  const others = [...fakeAdmin.seed.orders]
    .filter((candidate) => candidate.cancelledAt === null)
    .sort(newestFirst)
    .slice(0, 6)
    .map((candidate) => `<a href="/checkout/thank-you?order=${legacyIdOf(candidate.id)}&amp;locale=${language}">${escapeHtml(candidate.name)}</a>`)
    .join(" ");
  return pageHtml({
    title: `Thank you · ${fakeAdmin.shop.name}`,
    language,
    note: demoNote("thank-you", language, path),
    main: `<section class="card"><p class="muted">Confirmation ${escapeHtml(order.name)}</p>
<h1>Thank you, ${escapeHtml(address.firstName)}!</h1><p>Your order is confirmed.</p></section>
<section class="card">${frameHtml("thank-you", order, language)}</section>
<section class="card"><h2>Order details</h2><p>Shipping to ${escapeHtml(address.city)}, ${escapeHtml(address.country)}</p></section>`,
    aside: `<section class="card"><h2>${escapeHtml(fakeAdmin.shop.name)}</h2>${linesHtml(order)}</section>
<section class="card"><h2>Other seeded orders</h2><nav>${others}</nav>
<p class="muted">An answer shows on the admin's Surveys page ("How shoppers heard about you") and on the order as the
<code>$app:aftercare.attribution</code> metafield.</p></section>`,
  });
}

function orderStatusPageHtml(order: SeedOrder, language: "en" | "id", fakeAdmin: FakeAdmin): string {
  const customer = fakeAdmin.seed.customers.find((candidate) => candidate.id === order.customerId);
  const path = `/account/orders/${legacyIdOf(order.id)}`;
  const theirs = fakeAdmin.seed.orders
    .filter((candidate) => candidate.customerId === order.customerId)
    .sort(newestFirst)
    .slice(0, 8)
    .map((candidate) => `<a href="/account/orders/${legacyIdOf(candidate.id)}?locale=${language}">${escapeHtml(candidate.name)}</a>`)
    .join(" ");
  return pageHtml({
    title: `Order ${order.name} · ${fakeAdmin.shop.name}`,
    language,
    note: demoNote("order-status", language, path),
    main: `<section class="card"><p class="muted">${escapeHtml(customer?.displayName ?? "Customer")}'s account</p>
<h1>Order ${escapeHtml(order.name)}</h1><p class="muted">Placed ${escapeHtml(order.createdAt.slice(0, 10))}</p></section>
<section class="card">${frameHtml("order-status", order, language)}</section>`,
    aside: `<section class="card"><h2>Items</h2>${linesHtml(order)}</section>
<section class="card"><h2>${escapeHtml(customer ? `${customer.displayName}'s orders` : "Their orders")}</h2><nav>${theirs}</nav></section>`,
  });
}
