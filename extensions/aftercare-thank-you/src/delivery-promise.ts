/// <reference types="@shopify/ui-extensions/purchase.thank-you.block.render" />
import { parsePromiseCalendar, promiseFromCalendar } from "../../../app/models/shipping/calendar-promise";

export const CALENDAR_NAMESPACE = "$app:aftercare";
export const CALENDAR_KEY = "shipping";

/**
 * The delivery range for this order from the shipping calendar the app publishes on the shop: the same
 * reader and inputs (destination, first line's product) as the promise orders/create records. Null
 * without a calendar, a shipping address or a zone for it.
 */
export function deliveryPromise(now: Date = new Date()): { earliest: string; latest: string } | null {
  const entry = shopify.appMetafields.value.find(
    ({ target, metafield }) => target.type === "shop" && metafield.namespace === CALENDAR_NAMESPACE && metafield.key === CALENDAR_KEY,
  );
  const calendar = entry ? parsePromiseCalendar(entry.metafield.value) : null;
  if (!calendar) return null;
  // The shipping address needs protected customer data access; without it, the buyer's country.
  const address = "shippingAddress" in shopify ? shopify.shippingAddress?.value : undefined;
  const countryCode = address?.countryCode ?? shopify.localization.country.value?.isoCode;
  if (!countryCode) return null;
  const line = shopify.lines.value.find((candidate) => candidate.merchandise.type === "variant");
  const productId = line && line.merchandise.type === "variant" ? line.merchandise.product.id : null;
  const promise = promiseFromCalendar(calendar, {
    now,
    destination: { countryCode, provinceCode: address?.countryCode ? (address.provinceCode ?? null) : null },
    product: productId ? { id: productId } : null,
  });
  return promise ? { earliest: promise.earliest, latest: promise.latest } : null;
}
