import { GraphqlQueryError } from "@shopify/shopify-api";
import { AdminApiError, queryAdmin, type AdminGraphql, type GraphqlErrorDetail } from "../../shopify/admin-graphql";

/** Scopes that let an app read `shopLocales` (Shopify's documentation of the query). */
export const LOCALE_SCOPES = ["read_locales", "write_locales", "read_markets_home", "write_markets_home"];

const PUBLISHED_SHOP_LOCALES_QUERY = `#graphql
  query AftercarePublishedShopLocales {
    shopLocales(published: true) {
      locale
      primary
      published
    }
  }
`;

export interface ShopLocale {
  locale: string;
  primary: boolean;
}

export function canReadShopLocales(grantedScopes: string | null | undefined): boolean {
  const granted = (grantedScopes ?? "").split(",").map((scope) => scope.trim());
  return granted.some((scope) => LOCALE_SCOPES.includes(scope));
}

/**
 * The languages the shop publishes on its storefront, primary first; null when the app may not read
 * them (no `read_locales`, or Shopify refuses the query).
 */
export async function getPublishedShopLocales(graphql: AdminGraphql, grantedScopes: string | null | undefined): Promise<ShopLocale[] | null> {
  if (!canReadShopLocales(grantedScopes)) return null;
  try {
    const { shopLocales } = await queryAdmin(
      graphql,
      PUBLISHED_SHOP_LOCALES_QUERY,
    );
    return shopLocales
      .filter((shopLocale) => shopLocale.published)
      .map(({ locale, primary }) => ({ locale, primary }))
      .sort((a, b) => Number(b.primary) - Number(a.primary));
  } catch (error) {
    if (errorDetails(error).some((detail) => detail.extensions?.code === "ACCESS_DENIED")) return null;
    throw error;
  }
}

/** Shopify's errors: `admin.graphql` in a request throws GraphqlQueryError, queryAdmin an AdminApiError for other clients. */
function errorDetails(error: unknown): GraphqlErrorDetail[] {
  if (error instanceof AdminApiError) return error.errors;
  if (error instanceof GraphqlQueryError) {
    const details = (error.body as { errors?: { graphQLErrors?: unknown } } | undefined)?.errors?.graphQLErrors;
    return Array.isArray(details) ? (details as GraphqlErrorDetail[]) : [];
  }
  return [];
}
