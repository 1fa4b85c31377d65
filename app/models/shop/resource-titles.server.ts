import { GraphqlQueryError } from "@shopify/shopify-api";
import { AdminApiError, queryAdmin, type AdminGraphql } from "../../shopify/admin-graphql";

/**
 * Titles of the products and collections a settings page lists, read with one `nodes(ids:)` query, so
 * the page names what the merchant chose (and sees a title changed in Shopify since).
 */

const RESOURCE_TITLES_QUERY = `#graphql
  query AftercareResourceTitles($ids: [ID!]!) {
    nodes(ids: $ids) {
      id
      ... on Product {
        title
      }
      ... on Collection {
        title
      }
    }
  }
`;

/** Shopify answers at most 250 ids per `nodes` query. */
const MAX_IDS_PER_QUERY = 250;

/**
 * GID → title for the ids Shopify knows; a deleted resource is left out. When Shopify refuses the
 * query the page still loads, without titles (it then shows the ids).
 */
export async function getResourceTitles(graphql: AdminGraphql, gids: readonly string[]): Promise<Record<string, string>> {
  const titles: Record<string, string> = {};
  const unique = [...new Set(gids)];
  for (let start = 0; start < unique.length; start += MAX_IDS_PER_QUERY) {
    const ids = unique.slice(start, start + MAX_IDS_PER_QUERY);
    try {
      const { nodes } = await queryAdmin(graphql, RESOURCE_TITLES_QUERY, { ids });
      for (const node of nodes) if (node && "title" in node && node.title) titles[node.id] = node.title;
    } catch (error) {
      if (error instanceof AdminApiError || error instanceof GraphqlQueryError) return titles;
      throw error;
    }
  }
  return titles;
}
