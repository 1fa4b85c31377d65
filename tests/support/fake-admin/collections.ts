/**
 * Collections and storefront languages for the fake Admin API. Collections are built from the seed's
 * products by tag (fixed ids, so tests and the demo can name them) behind `collection(id:)`,
 * `collections`, `node(s)` and `Collection.products`. `shopLocales` answers the shop's languages and,
 * as Shopify does, needs `read_locales` (or another scope that reads them): without it, ACCESS_DENIED.
 */
import { buildConnection, type ConnectionArgs } from "./connection";
import { accessDenied } from "./protected-data";
import type { ResolverContext } from "./resolvers";
import type { FakeAdminState } from "./state";
import type { SeedProduct } from "./types";

export interface FakeCollection {
  readonly __typename: "Collection";
  readonly id: string;
  readonly title: string;
  readonly handle: string;
  readonly productIds: readonly string[];
}

/** The shop's collections: which seeded products each holds is decided by a product tag. */
export const SEED_COLLECTIONS: ReadonlyArray<{ legacyId: string; title: string; handle: string; tag: string }> = [
  { legacyId: "470000001", title: "Coffee", handle: "coffee", tag: "coffee" },
  { legacyId: "470000002", title: "Brewing gear", handle: "brewing-gear", tag: "brewing" },
  { legacyId: "470000003", title: "Sample sale", handle: "sample-sale", tag: "final-sale" },
];

/** The storefront languages: English (primary) and Indonesian published, German still a draft. */
export const SEED_SHOP_LOCALES: ReadonlyArray<{ locale: string; name: string; primary: boolean; published: boolean }> = [
  { locale: "en", name: "English", primary: true, published: true },
  { locale: "id", name: "Indonesian", primary: false, published: true },
  { locale: "de", name: "German", primary: false, published: false },
];

const collectionsByState = new WeakMap<FakeAdminState, FakeCollection[]>();

export function shopCollections(state: FakeAdminState): FakeCollection[] {
  let collections = collectionsByState.get(state);
  if (!collections) {
    collections = SEED_COLLECTIONS.map((definition) => ({
      __typename: "Collection" as const,
      id: `gid://shopify/Collection/${definition.legacyId}`,
      title: definition.title,
      handle: definition.handle,
      productIds: state.seed.products.filter((product) => product.tags.includes(definition.tag)).map((product) => product.id),
    }));
    collectionsByState.set(state, collections);
  }
  return collections;
}

export function findCollection(state: FakeAdminState, id: string): FakeCollection | null {
  return shopCollections(state).find((collection) => collection.id === id) ?? null;
}

type Args = Record<string, unknown>;
const byKey = (item: { id: string }) => item.id;

function shopLocales(args: Args, context: ResolverContext) {
  const granted = context.state.appInstallation.accessScopes.map((scope) => scope.handle);
  if (!["read_locales", "write_locales", "read_markets_home", "write_markets_home"].some((scope) => granted.includes(scope))) {
    throw accessDenied("Access denied for shopLocales field. Required access: `read_locales` access scope.");
  }
  const locales = SEED_SHOP_LOCALES.map((shopLocale) => ({ __typename: "ShopLocale", ...shopLocale, marketWebPresences: [] }));
  return typeof args.published === "boolean" ? locales.filter((shopLocale) => shopLocale.published === args.published) : locales;
}

export const COLLECTION_RESOLVERS = {
  QueryRoot: {
    collection: (_: unknown, args: Args, context: ResolverContext) => findCollection(context.state, String(args.id)),
    collections: (_: unknown, args: Args, context: ResolverContext) =>
      buildConnection(shopCollections(context.state), args as ConnectionArgs, byKey),
    shopLocales: (_: unknown, args: Args, context: ResolverContext) => shopLocales(args, context),
  },
  Collection: {
    products: (collection: FakeCollection, args: Args, context: ResolverContext) =>
      buildConnection(
        collection.productIds.map((id) => context.state.products.get(id)).filter((product): product is SeedProduct => Boolean(product)),
        args as ConnectionArgs,
        byKey,
      ),
    productsCount: (collection: FakeCollection) => ({ count: collection.productIds.length, precision: "EXACT" }),
  },
};
