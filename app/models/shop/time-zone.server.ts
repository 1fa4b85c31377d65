import { getShippingSettings } from "../shipping/settings.server";

/**
 * The shop's time zone, as the merchant's saved shipping rules hold it (synced from Shopify's
 * `ianaTimezone` when they are saved); UTC until they saved some. Every "today" the app computes for
 * a shop (calendar months of the plan, delay checks, anniversaries, order status dates) uses it.
 */
export async function getShopTimeZone(shop: string): Promise<string> {
  return (await getShippingSettings(shop))?.rules.timeZone ?? "UTC";
}
