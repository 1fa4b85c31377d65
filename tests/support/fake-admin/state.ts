import { createMetafieldStore, type MetafieldOwnerType, type MetafieldStore, type StoredMetafield } from "./metafields";
import { createMetaobjectStore, type MetaobjectStore } from "./metaobjects";
import type { SeedCustomer, SeedFulfillment, SeedLineItem, SeedOrder, SeedProduct, SeedShop, SeedVariant } from "./types";

export interface AppInstallationRecord {
  __typename: "AppInstallation";
  id: string;
  launchUrl: string;
  uninstallUrl: null;
  accessScopes: Array<{ handle: string; description: string }>;
  app: {
    __typename: "App";
    id: string;
    title: string;
    handle: string;
    apiKey: string;
    embedded: boolean;
    developerName: string;
  };
}

/** The fake shop's data plus what the app wrote into it, with lookups by id. */
export interface FakeAdminState {
  readonly seed: SeedShop;
  readonly appInstallation: AppInstallationRecord;
  readonly metafields: MetafieldStore;
  /** Metaobject definitions the app enabled and the entries it wrote. */
  readonly metaobjects: MetaobjectStore;
  readonly orders: ReadonlyMap<string, SeedOrder>;
  readonly customers: ReadonlyMap<string, SeedCustomer>;
  readonly products: ReadonlyMap<string, SeedProduct>;
  readonly variants: ReadonlyMap<string, SeedVariant>;
  readonly ordersByCustomer: ReadonlyMap<string, readonly SeedOrder[]>;
  /** Any record with a global id that `node(id:)` can return, metafields aside. */
  findNode(id: string): { __typename: string; id: string } | null;
  /** Metafields the app stored on its own installation (what `currentAppInstallation` reads). */
  readonly appInstallationMetafields: StoredMetafield[];
  /** Metafields stored on the shop (what Liquid reads as `shop.metafields`). */
  readonly shopMetafields: StoredMetafield[];
}

export interface StateOptions {
  apiKey: string;
  apiClientId: string;
  scopes: readonly string[];
  now: () => number;
}

export function createFakeAdminState(seed: SeedShop, options: StateOptions): FakeAdminState {
  const byId = new Map<string, { __typename: string; id: string }>();
  const add = <T extends { __typename: string; id: string }>(map: Map<string, T>, record: T) => {
    map.set(record.id, record);
    byId.set(record.id, record);
  };

  const orders = new Map<string, SeedOrder>();
  const customers = new Map<string, SeedCustomer>();
  const products = new Map<string, SeedProduct>();
  const variants = new Map<string, SeedVariant>();
  const fulfillments = new Map<string, SeedFulfillment>();
  const lineItems = new Map<string, SeedLineItem>();
  const ordersByCustomer = new Map<string, SeedOrder[]>();

  for (const customer of seed.customers) add(customers, customer);
  for (const product of seed.products) {
    add(products, product);
    for (const variant of product.variants) add(variants, variant);
  }
  for (const order of seed.orders) {
    add(orders, order);
    for (const item of order.lineItems) add(lineItems, item);
    for (const fulfillment of order.fulfillments) add(fulfillments, fulfillment);
    const list = ordersByCustomer.get(order.customerId) ?? [];
    list.push(order);
    ordersByCustomer.set(order.customerId, list);
  }
  byId.set(seed.shop.id, seed.shop);

  const appInstallation: AppInstallationRecord = {
    __typename: "AppInstallation",
    id: "gid://shopify/AppInstallation/61000000001",
    launchUrl: `https://admin.shopify.com/store/${seed.shop.myshopifyDomain.replace(".myshopify.com", "")}/apps/aftercare`,
    uninstallUrl: null,
    accessScopes: options.scopes.map((handle) => ({ handle, description: `Access scope ${handle}` })),
    app: {
      __typename: "App",
      id: `gid://shopify/App/${options.apiClientId}`,
      title: "Aftercare",
      handle: "aftercare",
      apiKey: options.apiKey,
      embedded: true,
      developerName: "Aftercare",
    },
  };
  byId.set(appInstallation.id, appInstallation);

  const OWNER_TYPES: Record<string, MetafieldOwnerType> = {
    AppInstallation: "API_PERMISSION",
    Shop: "SHOP",
    Product: "PRODUCT",
    ProductVariant: "PRODUCTVARIANT",
    Order: "ORDER",
    Customer: "CUSTOMER",
  };
  const metafields = createMetafieldStore({
    apiClientId: options.apiClientId,
    now: options.now,
    ownerTypeOf: (ownerId) => {
      const owner = byId.get(ownerId);
      return owner ? (OWNER_TYPES[owner.__typename] ?? null) : null;
    },
  });

  const metaobjects = createMetaobjectStore({ now: options.now, exists: (id) => byId.has(id) });

  return {
    seed,
    appInstallation,
    metafields,
    metaobjects,
    orders,
    customers,
    products,
    variants,
    ordersByCustomer,
    findNode: (id) => byId.get(id) ?? metafields.byId(id),
    get appInstallationMetafields() {
      return metafields.list(appInstallation.id);
    },
    get shopMetafields() {
      return metafields.list(seed.shop.id);
    },
  };
}
