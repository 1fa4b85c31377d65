import { queryAdmin, type AdminGraphql, type ResultOf } from "../../shopify/admin-graphql";

const SHOP_OVERVIEW_QUERY = `#graphql
  query ShopOverview {
    shop {
      name
      myshopifyDomain
      currencyCode
      ianaTimezone
    }
  }
`;

export type ShopOverview = ResultOf<typeof SHOP_OVERVIEW_QUERY>["shop"];

export async function getShopOverview(graphql: AdminGraphql): Promise<ShopOverview> {
  const data = await queryAdmin(graphql, SHOP_OVERVIEW_QUERY);
  return data.shop;
}
