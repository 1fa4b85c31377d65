/**
 * What every "keep in touch" email of a shop shares: the name shoppers know it by, its help channels,
 * and the storefront address the app proxy answers on.
 */
import type { Prisma } from "@prisma/client";
import { contactLine } from "../models/contact/options";
import { getContactOptions } from "../models/contact/options.server";
import prisma from "../db.server";
import type { AdminGraphql } from "../shopify/admin-graphql";
import { EMAIL_LANGUAGES, type EmailLanguage } from "./language";
import { getShopProfile } from "./shop-profile.server";
import { getShopDisplayName } from "./templates.server";

export const APP_PROXY_PREFIX = "/apps/aftercare";

export interface ShopEmailContext {
  shop: string;
  shopName: string;
  /** The shop's primary language (e.g. "id"), when Shopify has told us; emails fall back to it. */
  primaryLocale: string | null;
  /** The contact line in English (pages that are not yet translated). */
  contactLine: string;
  /** The contact line in each email language. */
  contactLines: Record<EmailLanguage, string>;
  /** https://<shop>/apps/aftercare (Shopify redirects the myshopify domain to the primary domain). */
  proxyBaseUrl: string;
}

/**
 * `graphql`: the shop's offline Admin client, when the caller has one; it refreshes the cached shop name
 * and primary language (see shop-profile.server.ts). Without it the cached values are used. `db`: a
 * transaction to read in (a webhook's), else the client.
 */
export async function getShopEmailContext(
  shop: string,
  options: { graphql?: AdminGraphql | null; now?: Date; db?: Prisma.TransactionClient } = {},
): Promise<ShopEmailContext> {
  const db = options.db ?? prisma;
  const [profile, contact] = await Promise.all([getShopProfile(shop, options.graphql, options.now, db), getContactOptions(shop, db)]);
  const shopName = await getShopDisplayName(shop, profile.name, db);
  const contactLines = Object.fromEntries(EMAIL_LANGUAGES.map((language) => [language, contactLine(contact, language)])) as Record<EmailLanguage, string>;
  return {
    shop,
    shopName,
    primaryLocale: profile.primaryLocale,
    contactLine: contactLines.en,
    contactLines,
    proxyBaseUrl: `https://${shop}${APP_PROXY_PREFIX}`,
  };
}

/** Shops with the app installed, for jobs that run over every shop. */
export async function listInstalledShops(): Promise<string[]> {
  const shops = await prisma.shop.findMany({ where: { uninstalledAt: null }, select: { domain: true } });
  return shops.map((shop) => shop.domain);
}
