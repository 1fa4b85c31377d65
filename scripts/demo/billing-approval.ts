/**
 * The demo's Shopify side of an app subscription: the approval page at the confirmation URL (served by
 * the fake Admin API) and the way back into the admin frame at the app's return URL.
 *
 * Upgrade in the app -> App Bridge opens the confirmation URL (mapped here to the demo's Shopify host)
 * -> Approve -> the fake answers 302 to the return URL (admin.shopify.com/store/.../apps/<key>/app/plans)
 * -> mapped to the demo admin, which embeds /app/plans?charge_id=...
 */
import type { FakeAdmin } from "../../tests/support/fake-admin/server";

const CHARGES_PATH = "/admin/charges/";
const ADMIN_APP_PATH = /^\/store\/[^/]+\/apps\/[^/]+(\/app(?:\/.*)?)$/;

/** A URL on the shop's domain, as the demo browser reaches it (the demo's Shopify host). */
export function toDemoShopifyUrl(url: string, shopDomain: string, shopifyUrl: string): string {
  const parsed = new URL(url);
  if (parsed.hostname !== shopDomain || !parsed.pathname.startsWith(CHARGES_PATH)) return url;
  return `${shopifyUrl}${parsed.pathname}${parsed.search}`;
}

/** The admin's return URL for the app, as a demo admin URL embedding that app page. */
export function toDemoAdminUrl(returnUrl: string, shopifyUrl: string): string {
  const parsed = new URL(returnUrl);
  const match = parsed.hostname === "admin.shopify.com" ? ADMIN_APP_PATH.exec(parsed.pathname) : null;
  if (!match) return returnUrl;
  return `${shopifyUrl}/admin?app=${encodeURIComponent(`${match[1]}${parsed.search}`)}`;
}

/** The app page the demo admin embeds: `?app=/app/...` or the home page. */
export function embeddedAppPath(adminUrl: URL): string {
  const requested = adminUrl.searchParams.get("app");
  return requested && /^\/app(\/|\?|$)/.test(requested) ? requested : "/app";
}

/** Serves the approval page for `/admin/charges/...` on the demo's Shopify host; null for other paths. */
export async function handleChargeApproval(request: Request, fakeAdmin: FakeAdmin, shopifyUrl: string): Promise<Response | null> {
  const url = new URL(request.url);
  if (!url.pathname.startsWith(CHARGES_PATH)) return null;
  const body = request.method === "GET" || request.method === "HEAD" ? undefined : await request.text();
  const answer = await fakeAdmin.handle(
    new Request(`https://${fakeAdmin.shopDomain}${url.pathname}${url.search}`, {
      method: request.method,
      headers: { "Content-Type": request.headers.get("Content-Type") ?? "application/x-www-form-urlencoded" },
      body,
    }),
  );
  const location = answer.headers.get("Location");
  if (!location) return answer;
  return new Response(null, { status: answer.status, headers: { Location: toDemoAdminUrl(location, shopifyUrl) } });
}
