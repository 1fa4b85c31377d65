import prisma from "../../db.server";
import { queryAdmin, type AdminGraphql } from "../../shopify/admin-graphql";
import {
  METAFIELD_VALUE_LIMITS,
  AppMetafieldValueError,
  byteLength,
  publishAppMetafields,
  publishFailureReason,
} from "../../shopify/app-metafields.server";
import {
  CALENDAR_DAYS,
  CHECKOUT_SHIPPING_METAFIELD,
  SHIPPING_METAFIELD,
  buildShippingCalendar,
  serializeShippingCalendar,
} from "./calendar";
import { shippingRulesSchema, type ShippingRules } from "./rules";
import { zonedDateTime, type IsoDate } from "../shop/time";

/**
 * A shop's shipping rules: saved in our database, published as the app-data metafield
 * `aftercare.shipping` (the calendar the storefront reads), republished daily so the calendar
 * always starts today.
 */

export interface ShippingSettings {
  rules: ShippingRules;
  savedAt: Date;
  publishedAt: Date | null;
  /** The shop-local date the live calendar starts on. */
  publishedFromDate: IsoDate | null;
  /** Why the last publication failed; null once one succeeds. */
  publishError: string | null;
}

export interface ShopShippingContext {
  timeZone: string;
  currencyCode: string;
  /** Currencies the shop sells in (its markets), the shop's own first. */
  currencies: string[];
}

const SHOP_SHIPPING_CONTEXT_QUERY = `#graphql
  query ShopShippingContext {
    shop {
      ianaTimezone
      currencyCode
      enabledPresentmentCurrencies
    }
  }
`;

export async function getShopShippingContext(graphql: AdminGraphql): Promise<ShopShippingContext> {
  const { shop } = await queryAdmin(graphql, SHOP_SHIPPING_CONTEXT_QUERY);
  return {
    timeZone: shop.ianaTimezone,
    currencyCode: shop.currencyCode,
    currencies: [...new Set([shop.currencyCode, ...shop.enabledPresentmentCurrencies])],
  };
}

/** `db`: a transaction to read in (on SQLite's one connection, a read outside it would wait for it). */
export async function getShippingSettings(shop: string, db: Pick<typeof prisma, "shippingSettings"> = prisma): Promise<ShippingSettings | null> {
  const row = await db.shippingSettings.findUnique({ where: { shop } });
  if (!row) return null;
  const rules = shippingRulesSchema.safeParse(JSON.parse(row.rulesJson));
  if (!rules.success) throw new Error(`Stored shipping rules of ${shop} no longer pass validation: ${rules.error.message}`);
  return {
    rules: rules.data,
    savedAt: row.savedAt,
    publishedAt: row.publishedAt,
    publishedFromDate: row.publishedFromDate,
    publishError: row.publishError,
  };
}

export async function saveShippingRules(shop: string, rules: ShippingRules, now = new Date()): Promise<void> {
  const rulesJson = JSON.stringify(rules);
  await prisma.shippingSettings.upsert({
    where: { shop },
    create: { shop, rulesJson, savedAt: now },
    update: { rulesJson, savedAt: now },
  });
}

/** A calendar shorter than this would run out between two daily publications plus a retry. */
export const MIN_CALENDAR_DAYS = 7;

/** The calendar metafield for rules at `now`: 45 days ahead, fewer if that would not fit Shopify's limit. */
export function shippingCalendarMetafield(rules: ShippingRules, now: Date) {
  const entryFor = (days: number) => ({
    ...SHIPPING_METAFIELD,
    value: serializeShippingCalendar(buildShippingCalendar(rules, { now, days })),
  });
  const full = entryFor(CALENDAR_DAYS);
  const fullSize = byteLength(full.value);
  if (fullSize <= METAFIELD_VALUE_LIMITS.json) return full;

  // The size grows with the days covered; republishing daily keeps even a shorter calendar current.
  let days = Math.floor((CALENDAR_DAYS * METAFIELD_VALUE_LIMITS.json * 0.95) / fullSize);
  while (days >= MIN_CALENDAR_DAYS) {
    const entry = entryFor(days);
    if (byteLength(entry.value) <= METAFIELD_VALUE_LIMITS.json) return entry;
    days = Math.floor(days * 0.9);
  }
  throw new AppMetafieldValueError(
    `The shipping calendar needs ${Math.ceil(fullSize / 1024)} KB for ${CALENDAR_DAYS} days and does not fit ` +
      `Shopify's 128 KB limit even for ${MIN_CALENDAR_DAYS} days: use fewer zones or product groups`,
    full,
  );
}

const SHOP_OWNER_QUERY = `#graphql
  query ShippingCalendarShopOwner {
    shop {
      id
    }
  }
`;

/**
 * Publishes the calendar for the rules; returns the shop-local date it starts on. The same calendar goes
 * to the app installation (Liquid reads `app.metafields.aftercare.shipping`) and to the shop under the
 * app-reserved `$app:aftercare` namespace, which is what checkout UI extensions can read (the Thank-you
 * page's delivery promise); both in one `metafieldsSet`, so they never disagree.
 */
export async function publishShippingRules(graphql: AdminGraphql, rules: ShippingRules, now = new Date()): Promise<IsoDate> {
  const calendar = shippingCalendarMetafield(rules, now);
  const { shop } = await queryAdmin(graphql, SHOP_OWNER_QUERY);
  await publishAppMetafields(graphql, [calendar, { ...calendar, ...CHECKOUT_SHIPPING_METAFIELD, ownerId: shop.id }]);
  return zonedDateTime(now, rules.timeZone).date;
}

export type PublishOutcome = { published: true; fromDate: IsoDate } | { published: false; reason: string };

/**
 * Publishes and records the outcome. A failure worth retrying (Shopify unreachable, a refused value)
 * is recorded and returned; an authentication response or a bug is thrown.
 */
export async function publishAndRecord(
  shop: string,
  graphql: AdminGraphql,
  rules: ShippingRules,
  now = new Date(),
): Promise<PublishOutcome> {
  try {
    const fromDate = await publishShippingRules(graphql, rules, now);
    await prisma.shippingSettings.update({
      where: { shop },
      data: { publishedAt: now, publishedFromDate: fromDate, publishError: null, publishFailedAt: null },
    });
    return { published: true, fromDate };
  } catch (error) {
    const reason = publishFailureReason(error);
    if (reason === null) throw error;
    await prisma.shippingSettings.update({ where: { shop }, data: { publishError: reason, publishFailedAt: now } });
    return { published: false, reason };
  }
}

/** Whether the live calendar is missing, older than the saved rules, or no longer starts today. */
export function needsRepublish(settings: ShippingSettings, now: Date): boolean {
  if (!settings.publishedAt || settings.publishedAt < settings.savedAt) return true;
  return settings.publishedFromDate !== zonedDateTime(now, settings.rules.timeZone).date;
}

/** Shops that saved shipping rules and still have the app installed (an offline session). */
export async function listShopsWithShippingSettings(): Promise<string[]> {
  const rows = await prisma.shippingSettings.findMany({ select: { shop: true }, orderBy: { shop: "asc" } });
  const shops = rows.map((row) => row.shop);
  if (shops.length === 0) return [];
  const installed = await prisma.session.findMany({
    where: { shop: { in: shops }, isOnline: false },
    select: { shop: true },
    distinct: ["shop"],
  });
  const installedShops = new Set(installed.map((session) => session.shop));
  return shops.filter((shop) => installedShops.has(shop));
}
