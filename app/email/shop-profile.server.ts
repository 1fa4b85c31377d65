/**
 * The shop's name and primary language for shopper emails, read through the shop's offline Admin
 * client (`shop { name }`, and `shopLocales` when the shop granted a scope that reads it) and cached on
 * the Shop row for a day. Jobs that have no Admin client use the cached values; a failed read keeps them.
 */
import type { Prisma } from "@prisma/client";
import prisma from "../db.server";
import { queryAdmin, type AdminGraphql } from "../shopify/admin-graphql";
import { LOCALE_SCOPES } from "../models/shop/shop-locales.server";

export const SHOP_PROFILE_MAX_AGE_MS = 24 * 60 * 60 * 1000;

export const SHOP_NAME_QUERY = `#graphql
  query AftercareShopName {
    shop {
      name
    }
  }
`;

export const SHOP_LOCALES_QUERY = `#graphql
  query AftercareShopLocales {
    shopLocales {
      locale
      primary
    }
  }
`;

export interface ShopProfile {
  name: string | null;
  primaryLocale: string | null;
}

/**
 * The cached profile; with `graphql`, refreshed first when it is missing or older than a day. Never
 * throws: when Shopify cannot be reached the cached values (or nulls) are returned.
 */
export async function getShopProfile(shop: string, graphql?: AdminGraphql | null, now = new Date(), db: Prisma.TransactionClient = prisma): Promise<ShopProfile> {
  const row = await db.shop.findUnique({ where: { domain: shop }, select: { name: true, primaryLocale: true, profileAt: true, scopes: true } });
  const cached: ShopProfile = { name: row?.name ?? null, primaryLocale: row?.primaryLocale ?? null };
  const fresh = row?.profileAt && now.getTime() - row.profileAt.getTime() < SHOP_PROFILE_MAX_AGE_MS;
  if (!graphql || fresh) return cached;
  try {
    const { shop: info } = await queryAdmin(graphql, SHOP_NAME_QUERY);
    let primaryLocale = cached.primaryLocale;
    const scopes = (row?.scopes ?? "").split(",").map((scope) => scope.trim());
    if (scopes.some((scope) => LOCALE_SCOPES.includes(scope))) {
      try {
        const { shopLocales } = await queryAdmin(graphql, SHOP_LOCALES_QUERY);
        primaryLocale = shopLocales.find((locale) => locale.primary)?.locale ?? primaryLocale;
      } catch {
        // Keep what we had: the name alone is worth storing.
      }
    }
    const profile: ShopProfile = { name: info.name.trim() || null, primaryLocale };
    await db.shop.updateMany({ where: { domain: shop }, data: { ...profile, profileAt: now } });
    return profile;
  } catch {
    return cached;
  }
}
