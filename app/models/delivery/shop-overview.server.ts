import { queryAdmin, type AdminGraphql } from "../../shopify/admin-graphql";

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

export interface ShopOverview {
  name: string;
  myshopifyDomain: string;
  currencyCode: string;
  ianaTimezone: string;
}

export async function getShopOverview(graphql: AdminGraphql): Promise<ShopOverview> {
  const data = await queryAdmin<{ shop: ShopOverview }>(graphql, SHOP_OVERVIEW_QUERY);
  return data.shop;
}
