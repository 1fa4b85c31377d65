import prisma from "../../db.server";
import { AdminApiError, queryAdmin, type AdminGraphql, type ResultOf } from "../../shopify/admin-graphql";
import { publishAppMetafields, publishFailureReason } from "../../shopify/app-metafields.server";
import { returnRulesSchema, type ReturnRules } from "./rules";
import { returnsMetafield } from "./storefront";

/**
 * A shop's return rules: saved in our database with the facts the shopper order check needs (the
 * shop's time zone, the products the rules make final sale), and published as the app-data metafield
 * `aftercare.returns` that the storefront blocks read.
 */

/** Product GID → the final-sale tags and collections it matched. */
export type FinalSaleProducts = Record<string, { tags: string[]; collectionIds: string[] }>;

export interface ReturnSettings {
  rules: ReturnRules;
  timeZone: string;
  finalSaleProducts: FinalSaleProducts;
  savedAt: Date;
  publishedAt: Date | null;
  /** Why the last publication failed; null once one succeeds. */
  publishError: string | null;
}

export async function getReturnSettings(shop: string): Promise<ReturnSettings | null> {
  const row = await prisma.returnSettings.findUnique({ where: { shop } });
  if (!row) return null;
  const rules = returnRulesSchema.safeParse(JSON.parse(row.rulesJson));
  if (!rules.success) throw new Error(`Stored return rules of ${shop} no longer pass validation: ${rules.error.message}`);
  return {
    rules: rules.data,
    timeZone: row.timeZone,
    finalSaleProducts: JSON.parse(row.finalSaleJson) as FinalSaleProducts,
    savedAt: row.savedAt,
    publishedAt: row.publishedAt,
    publishError: row.publishError,
  };
}

export async function saveReturnSettings(
  shop: string,
  settings: { rules: ReturnRules; timeZone: string; finalSaleProducts: FinalSaleProducts },
  now = new Date(),
): Promise<void> {
  const data = {
    rulesJson: JSON.stringify(settings.rules),
    timeZone: settings.timeZone,
    finalSaleJson: JSON.stringify(settings.finalSaleProducts),
    savedAt: now,
  };
  await prisma.returnSettings.upsert({ where: { shop }, create: { shop, ...data }, update: data });
}

// ---- Shop facts from the Admin API ----

const SHOP_TIME_ZONE_QUERY = `#graphql
  query ShopReturnTimeZone {
    shop {
      ianaTimezone
    }
  }
`;

export async function getShopTimeZone(graphql: AdminGraphql): Promise<string> {
  const { shop } = await queryAdmin(graphql, SHOP_TIME_ZONE_QUERY);
  return shop.ianaTimezone;
}

const SHOP_POLICIES_QUERY = `#graphql
  query ShopRefundPolicy {
    shop {
      shopPolicies {
        type
        title
        body
        url
        updatedAt
      }
    }
  }
`;

export type RefundPolicy =
  | { status: "found"; title: string; body: string; url: string; updatedAt: string }
  /** The merchant has not written a refund policy in Settings > Policies. */
  | { status: "missing" }
  /** The app lacks `read_legal_policies` (or the staff member may not manage policies). */
  | { status: "no_access"; message: string };

/** The shop's refund policy as written in Settings > Policies (HTML). */
export async function getRefundPolicy(graphql: AdminGraphql): Promise<RefundPolicy> {
  try {
    const { shop } = await queryAdmin(graphql, SHOP_POLICIES_QUERY);
    const policy = shop.shopPolicies.find((candidate) => candidate.type === "REFUND_POLICY");
    if (!policy || policy.body.trim() === "") return { status: "missing" };
    return { status: "found", title: policy.title, body: policy.body, url: policy.url, updatedAt: policy.updatedAt };
  } catch (error) {
    if (error instanceof AdminApiError && error.errors.some((detail) => detail.extensions?.code === "ACCESS_DENIED")) {
      return { status: "no_access", message: error.message };
    }
    throw error;
  }
}

// ---- Final-sale products ----

/** Pages of 250 read per tag search or collection: up to 2,500 final-sale products each. */
const MAX_PAGES = 10;

const FINAL_SALE_PRODUCTS_QUERY = `#graphql
  query FinalSaleProductsByTag($query: String!, $after: String) {
    products(first: 250, after: $after, query: $query) {
      pageInfo {
        hasNextPage
        endCursor
      }
      nodes {
        id
        tags
      }
    }
  }
`;

const FINAL_SALE_COLLECTION_QUERY = `#graphql
  query FinalSaleProductsInCollection($id: ID!, $after: String) {
    collection(id: $id) {
      products(first: 250, after: $after) {
        pageInfo {
          hasNextPage
          endCursor
        }
        nodes {
          id
        }
      }
    }
  }
`;

/** Shopify search syntax for "any of these tags", each value quoted. */
export function tagSearchQuery(tags: readonly string[]): string {
  return tags.map((tag) => `tag:"${tag.replace(/[\\"]/g, (char) => `\\${char}`)}"`).join(" OR ");
}

const collectionGid = (id: string) => (id.startsWith("gid://") ? id : `gid://shopify/Collection/${id}`);

/**
 * The products the rules make final sale, read from the Admin API: the order check cannot ask Shopify
 * while a shopper waits, so it reads this list, refreshed on every save.
 */
export async function resolveFinalSaleProducts(graphql: AdminGraphql, rules: ReturnRules): Promise<FinalSaleProducts> {
  const products: FinalSaleProducts = {};
  const entryFor = (id: string) => (products[id] ??= { tags: [], collectionIds: [] });
  const wanted = new Set(rules.finalSale.tags.map((tag) => tag.trim().toLowerCase()));

  if (wanted.size > 0) {
    let after: string | null = null;
    for (let page = 0; page < MAX_PAGES; page += 1) {
      const data: ResultOf<typeof FINAL_SALE_PRODUCTS_QUERY> = await queryAdmin(
        graphql,
        FINAL_SALE_PRODUCTS_QUERY,
        { query: tagSearchQuery([...wanted]), after },
      );
      for (const node of data.products.nodes) {
        const matched = node.tags.filter((tag) => wanted.has(tag.trim().toLowerCase()));
        if (matched.length > 0) entryFor(node.id).tags.push(...matched);
      }
      if (!data.products.pageInfo.hasNextPage) break;
      after = data.products.pageInfo.endCursor;
    }
  }

  for (const collectionId of rules.finalSale.collectionIds) {
    let after: string | null = null;
    for (let page = 0; page < MAX_PAGES; page += 1) {
      const data: ResultOf<typeof FINAL_SALE_COLLECTION_QUERY> =
        await queryAdmin(graphql, FINAL_SALE_COLLECTION_QUERY, { id: collectionGid(collectionId), after });
      if (!data.collection) break;
      for (const node of data.collection.products.nodes) entryFor(node.id).collectionIds.push(collectionId);
      if (!data.collection.products.pageInfo.hasNextPage) break;
      after = data.collection.products.pageInfo.endCursor;
    }
  }
  return products;
}

// ---- Publication ----

export type ReturnPublishOutcome = { published: true } | { published: false; reason: string };

/** Publishes the storefront copy of the rules (`app.metafields.aftercare.returns`). */
export async function publishReturnRules(graphql: AdminGraphql, rules: ReturnRules, timeZone: string): Promise<void> {
  await publishAppMetafields(graphql, [returnsMetafield(rules, timeZone)]);
}

/**
 * Publishes the saved rules and records the outcome. A failure worth retrying (Shopify unreachable, a
 * refused value) is recorded and returned; an authentication response or a bug is thrown.
 */
export async function publishAndRecordReturns(
  shop: string,
  graphql: AdminGraphql,
  settings: Pick<ReturnSettings, "rules" | "timeZone">,
  now = new Date(),
): Promise<ReturnPublishOutcome> {
  try {
    await publishReturnRules(graphql, settings.rules, settings.timeZone);
    await prisma.returnSettings.update({
      where: { shop },
      data: { publishedAt: now, publishError: null, publishFailedAt: null },
    });
    return { published: true };
  } catch (error) {
    const reason = publishFailureReason(error);
    if (reason === null) throw error;
    await prisma.returnSettings.update({ where: { shop }, data: { publishError: reason, publishFailedAt: now } });
    return { published: false, reason };
  }
}

/**
 * Saves validated rules with fresh shop facts (time zone, final-sale products), then publishes them.
 * Reading the facts can fail like publishing can: then nothing is saved and the error is thrown.
 */
export async function saveAndPublishReturnRules(
  shop: string,
  graphql: AdminGraphql,
  rules: ReturnRules,
  now = new Date(),
): Promise<ReturnPublishOutcome> {
  const [timeZone, finalSaleProducts] = await Promise.all([getShopTimeZone(graphql), resolveFinalSaleProducts(graphql, rules)]);
  await saveReturnSettings(shop, { rules, timeZone, finalSaleProducts }, now);
  return publishAndRecordReturns(shop, graphql, { rules, timeZone }, now);
}

/**
 * Re-reads the shop facts saved with the rules (time zone, final-sale products), so products tagged or
 * added to a final-sale collection since the last save are known to the order check. Republishes when
 * the time zone changed (the storefront copy is in shop-local days). Run it daily for every shop with
 * return settings; false when the shop has none.
 */
export async function refreshReturnFacts(shop: string, graphql: AdminGraphql, now = new Date()): Promise<boolean> {
  const settings = await getReturnSettings(shop);
  if (!settings) return false;
  const [timeZone, finalSaleProducts] = await Promise.all([getShopTimeZone(graphql), resolveFinalSaleProducts(graphql, settings.rules)]);
  await prisma.returnSettings.update({
    where: { shop },
    data: { timeZone, finalSaleJson: JSON.stringify(finalSaleProducts) },
  });
  if (timeZone !== settings.timeZone) await publishAndRecordReturns(shop, graphql, { rules: settings.rules, timeZone }, now);
  return true;
}
