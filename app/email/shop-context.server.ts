/**
 * What every "keep in touch" email of a shop shares: the name shoppers know it by, its help channels,
 * and the storefront address the app proxy answers on.
 */
import { contactLine } from "../models/contact-options";
import { getContactOptions } from "../models/contact-options.server";
import prisma from "../db.server";
import { getShopDisplayName } from "./templates.server";

export const APP_PROXY_PREFIX = "/apps/aftercare";

export interface ShopEmailContext {
  shop: string;
  shopName: string;
  contactLine: string;
  /** https://<shop>/apps/aftercare (Shopify redirects the myshopify domain to the primary domain). */
  proxyBaseUrl: string;
}

export async function getShopEmailContext(shop: string): Promise<ShopEmailContext> {
  const [shopName, contact] = await Promise.all([getShopDisplayName(shop), getContactOptions(shop)]);
  return { shop, shopName, contactLine: contactLine(contact), proxyBaseUrl: `https://${shop}${APP_PROXY_PREFIX}` };
}

/** Shops with the app installed, for jobs that run over every shop. */
export async function listInstalledShops(): Promise<string[]> {
  const shops = await prisma.shop.findMany({ where: { uninstalledAt: null }, select: { domain: true } });
  return shops.map((shop) => shop.domain);
}
