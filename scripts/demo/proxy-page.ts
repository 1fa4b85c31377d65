/**
 * What Shopify does with an app-proxy answer of type `application/liquid`: renders it as Liquid with the
 * storefront's objects (`shop`, `customer`) inside the theme's layout, or alone after `{% layout none %}`.
 */
import { createStorefrontLiquid } from "../../tests/support/storefront/liquid-environment";
import { escapeHtml } from "./html";

const LAYOUT_NONE = /^\s*\{%-?\s*layout\s+none\s*-?%\}/;

export interface ProxyPageContext {
  shopName: string;
  timeZone: string;
  locale: "en" | "id";
  customer: Record<string, unknown> | null;
}

export async function renderProxyLiquid(body: string, context: ProxyPageContext): Promise<string> {
  const bare = LAYOUT_NONE.test(body);
  const liquid = createStorefrontLiquid({ timeZone: context.timeZone, locale: context.locale, moneyFormat: "{{amount}}", assetBaseUrl: "/storefront/assets" });
  const html = await liquid.parseAndRender(body.replace(LAYOUT_NONE, ""), {
    shop: { name: context.shopName },
    customer: context.customer ?? undefined,
    request: { locale: { iso_code: context.locale } },
  });
  if (bare) return html;
  return `<!doctype html>
<html lang="${context.locale}">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width,initial-scale=1">
<title>${escapeHtml(context.shopName)}</title>
<style>
  body { margin: 0; font-family: system-ui, -apple-system, "Segoe UI", Roboto, sans-serif; color: #121212; line-height: 1.5; }
  .header { display: flex; align-items: center; gap: 1rem; padding: 1rem 2rem; border-bottom: 1px solid #e6e6e6; }
  .header a { font-size: 1.5rem; font-weight: 700; color: inherit; text-decoration: none; }
  .page-width { max-width: 760px; margin: 0 auto; padding: 2.5rem 2rem; }
</style>
</head>
<body>
<header class="header"><a href="/storefront">${escapeHtml(context.shopName)}</a></header>
<main class="page-width">${html}</main>
</body>
</html>`;
}
