import {
  GraphQLError,
  getNamedType,
  isListType,
  isNonNullType,
  responsePathAsArray,
  type GraphQLFieldResolver,
  type GraphQLResolveInfo,
  type GraphQLTypeResolver,
} from "graphql";
import { resolveActiveSubscriptions, resolveAppSubscriptionCancel, resolveAppSubscriptionCreate } from "./billing";
import { COLLECTION_RESOLVERS, findCollection } from "./collections";
import { buildConnection, type ConnectionArgs } from "./connection";
import { resolveFlowTriggerReceive } from "./flow";
import { legacyIdOf } from "./ids";
import { METAOBJECT_RESOLVERS } from "./metaobjects";
import { metafieldJsonValue, type MetafieldIdentifierInput, type MetafieldsSetInput, type StoredMetafield } from "./metafields";
import { accessDenied, type ProtectedDataPolicy } from "./protected-data";
import { RETURN_RESOLVERS } from "./returns";
import { applySearch, CUSTOMER_FILTERS, ORDER_FILTERS, PRODUCT_FILTERS, type SearchWarning } from "./search";
import type { FakeAdminState } from "./state";
import { resolveThemeFiles, resolveThemes } from "./themes";
import type { SeedCustomer, SeedFulfillment, SeedLineItem, SeedOrder, SeedProduct, SeedVariant } from "./types";

/** Per-request context handed to every resolver. */
export interface ResolverContext {
  state: FakeAdminState;
  policy: ProtectedDataPolicy;
  /** False without the `read_all_orders` scope: only orders from the last 60 days are served. */
  isOrderVisible: (order: SeedOrder) => boolean;
  /** Collected into `extensions.search`, as Shopify reports search terms it could not use. */
  searchReports: Array<{ path: Array<string | number>; query: string; warnings: SearchWarning[] }>;
}

type Args = Record<string, unknown>;
type Resolver = (source: never, args: Args, context: ResolverContext, info: GraphQLResolveInfo) => unknown;
type Sortable = { id: string };

const byKey = (item: { id: string }) => item.id;
const compareIds = (a: Sortable, b: Sortable) => Number(legacyIdOf(a.id)) - Number(legacyIdOf(b.id));

function sortBy<T extends Sortable>(
  items: readonly T[],
  sortKey: unknown,
  reverse: unknown,
  keys: Record<string, (item: T) => string | number>,
  typeName: string,
): T[] {
  const read = keys[String(sortKey)];
  if (!read) throw new GraphQLError(`The fake Admin API cannot sort ${typeName} by ${String(sortKey)}.`);
  const sorted = [...items].sort((a, b) => {
    const left = read(a);
    const right = read(b);
    return left < right ? -1 : left > right ? 1 : compareIds(a, b);
  });
  return reverse ? sorted.reverse() : sorted;
}

function searched<T>(
  items: readonly T[],
  args: Args,
  filters: Parameters<typeof applySearch<T>>[2],
  context: ResolverContext,
  info: GraphQLResolveInfo,
): readonly T[] {
  const query = typeof args.query === "string" ? args.query : null;
  const result = applySearch(items, query, filters);
  if (query && result.warnings.length > 0) {
    context.searchReports.push({ path: responsePathAsArray(info.path), query, warnings: result.warnings });
  }
  return result.items;
}

const ORDER_SORT_KEYS: Record<string, (order: SeedOrder) => string | number> = {
  PROCESSED_AT: (order) => order.processedAt,
  CREATED_AT: (order) => order.createdAt,
  UPDATED_AT: (order) => order.updatedAt,
  ID: (order) => Number(legacyIdOf(order.id)),
  ORDER_NUMBER: (order) => order.number,
  TOTAL_PRICE: (order) => Number(order.totalPriceSet.shopMoney.amount),
};
const PRODUCT_SORT_KEYS: Record<string, (product: SeedProduct) => string | number> = {
  ID: (product) => Number(legacyIdOf(product.id)),
  TITLE: (product) => product.title,
  CREATED_AT: (product) => product.createdAt,
  UPDATED_AT: (product) => product.updatedAt,
  PRODUCT_TYPE: (product) => product.productType,
};
const CUSTOMER_SORT_KEYS: Record<string, (customer: SeedCustomer) => string | number> = {
  ID: (customer) => Number(legacyIdOf(customer.id)),
  CREATED_AT: (customer) => customer.createdAt,
  UPDATED_AT: (customer) => customer.updatedAt,
  NAME: (customer) => customer.displayName,
};

function visibleOrders(orders: readonly SeedOrder[], context: ResolverContext): SeedOrder[] {
  return orders.filter(context.isOrderVisible);
}

function ordersConnection(orders: readonly SeedOrder[], args: Args, context: ResolverContext, info: GraphQLResolveInfo) {
  const matching = searched(visibleOrders(orders, context), args, ORDER_FILTERS, context, info);
  return buildConnection(sortBy(matching, args.sortKey, args.reverse, ORDER_SORT_KEYS, "orders"), args, byKey);
}

/** A record by global id, as `node(id:)` sees it: hidden orders are null, refused customers an error. */
function findNode(id: string, context: ResolverContext): unknown {
  const record = context.state.findNode(id) ?? findCollection(context.state, id);
  if (!record) return null;
  if (record.__typename === "Order" && !context.isOrderVisible(record as SeedOrder)) return null;
  const denial = context.policy.objectDenial(record.__typename);
  return denial ? accessDenied(denial) : record;
}

function metafieldsSet(args: Args, context: ResolverContext) {
  const result = context.state.metafields.set(args.metafields as MetafieldsSetInput[]);
  return { metafields: result.metafields, userErrors: result.userErrors };
}

function metafieldsDelete(args: Args, context: ResolverContext) {
  const identifiers = args.metafields as MetafieldIdentifierInput[];
  return { deletedMetafields: context.state.metafields.delete(identifiers), userErrors: [] };
}

const money = (amount: number, currencyCode: string) => ({ amount: amount.toFixed(2), currencyCode });

const RESOLVERS: Record<string, Record<string, Resolver>> = {
  QueryRoot: {
    shop: (_, __, context) => context.state.seed.shop,
    currentAppInstallation: (_, __, context) => context.state.appInstallation,
    order: (_, args, context) => {
      const order = context.state.orders.get(String(args.id));
      return order && context.isOrderVisible(order) ? order : null;
    },
    orders: (_, args, context, info) => ordersConnection(context.state.seed.orders, args, context, info),
    customer: (_, args, context) => context.state.customers.get(String(args.id)) ?? null,
    customers: (_, args, context, info) => {
      const matching = searched(context.state.seed.customers, args, CUSTOMER_FILTERS, context, info);
      return buildConnection(sortBy(matching, args.sortKey, args.reverse, CUSTOMER_SORT_KEYS, "customers"), args, byKey);
    },
    product: (_, args, context) => context.state.products.get(String(args.id)) ?? null,
    products: (_, args, context, info) => {
      const matching = searched(context.state.seed.products, args, PRODUCT_FILTERS, context, info);
      return buildConnection(sortBy(matching, args.sortKey, args.reverse, PRODUCT_SORT_KEYS, "products"), args, byKey);
    },
    productVariant: (_, args, context) => context.state.variants.get(String(args.id)) ?? null,
    node: (_, args, context) => findNode(String(args.id), context),
    nodes: (_, args, context) => (args.ids as string[]).map((id) => findNode(id, context)),
    themes: resolveThemes,
    ...METAOBJECT_RESOLVERS.QueryRoot,
    ...COLLECTION_RESOLVERS.QueryRoot,
    ...RETURN_RESOLVERS.QueryRoot,
  },
  Collection: COLLECTION_RESOLVERS.Collection,
  OnlineStoreTheme: { files: resolveThemeFiles },
  AppInstallation: { activeSubscriptions: resolveActiveSubscriptions },
  Mutation: {
    metafieldsSet: (_, args, context) => metafieldsSet(args, context),
    metafieldsDelete: (_, args, context) => metafieldsDelete(args, context),
    appSubscriptionCreate: resolveAppSubscriptionCreate,
    appSubscriptionCancel: resolveAppSubscriptionCancel,
    flowTriggerReceive: resolveFlowTriggerReceive,
    ...METAOBJECT_RESOLVERS.Mutation,
    ...RETURN_RESOLVERS.Mutation,
  },
  Metaobject: METAOBJECT_RESOLVERS.Metaobject,
  Order: {
    customer: (order: SeedOrder, _, context) => context.state.customers.get(order.customerId) ?? null,
    displayAddress: (order: SeedOrder) => order.shippingAddress,
    fulfillments: (order: SeedOrder, args) =>
      typeof args.first === "number" ? order.fulfillments.slice(0, args.first) : order.fulfillments,
    lineItems: (order: SeedOrder, args) =>
      buildConnection(args.reverse ? [...order.lineItems].reverse() : order.lineItems, args, byKey),
    ...RETURN_RESOLVERS.Order,
  },
  OrderTransaction: RETURN_RESOLVERS.OrderTransaction,
  Return: RETURN_RESOLVERS.Return,
  ReturnLineItem: RETURN_RESOLVERS.ReturnLineItem,
  ExchangeLineItem: RETURN_RESOLVERS.ExchangeLineItem,
  ReverseFulfillmentOrder: RETURN_RESOLVERS.ReverseFulfillmentOrder,
  ReverseFulfillmentOrderLineItem: RETURN_RESOLVERS.ReverseFulfillmentOrderLineItem,
  ReverseDelivery: RETURN_RESOLVERS.ReverseDelivery,
  Refund: RETURN_RESOLVERS.Refund,
  Fulfillment: {
    order: (fulfillment: SeedFulfillment, _, context) => context.state.orders.get(fulfillment.orderId),
    trackingInfo: (fulfillment: SeedFulfillment, args) =>
      typeof args.first === "number" ? fulfillment.trackingInfo.slice(0, args.first) : fulfillment.trackingInfo,
    events: (fulfillment: SeedFulfillment, args) => {
      const keys = { HAPPENED_AT: (event: { happenedAt: string }) => event.happenedAt, ID: (event: Sortable) => Number(legacyIdOf(event.id)) };
      return buildConnection(sortBy(fulfillment.events, args.sortKey, args.reverse, keys, "fulfillment events"), args, byKey);
    },
    fulfillmentLineItems: (fulfillment: SeedFulfillment, args) => buildConnection(fulfillment.fulfillmentLineItems, args, byKey),
  },
  LineItem: {
    product: (item: SeedLineItem, _, context) => context.state.products.get(item.productId) ?? null,
    variant: (item: SeedLineItem, _, context) => context.state.variants.get(item.variantId) ?? null,
    image: (item: SeedLineItem, _, context) => context.state.products.get(item.productId)?.images[0] ?? null,
  },
  ProductVariant: {
    product: (variant: SeedVariant, _, context) => context.state.products.get(variant.productId),
    image: (variant: SeedVariant, _, context) => context.state.products.get(variant.productId)?.images[0] ?? null,
  },
  Product: {
    variants: (product: SeedProduct, args) => buildConnection(args.reverse ? [...product.variants].reverse() : product.variants, args, byKey),
    images: (product: SeedProduct, args) => buildConnection(args.reverse ? [...product.images].reverse() : product.images, args, byKey),
    featuredImage: (product: SeedProduct) => product.images[0] ?? null,
    featuredMedia: (product: SeedProduct) => {
      const image = product.images[0];
      if (!image) return null;
      const id = image.id.replace("ProductImage", "MediaImage");
      return { __typename: "MediaImage", id, alt: image.altText, mediaContentType: "IMAGE", status: "READY", image, preview: { image, status: "READY" } };
    },
    description: (product: SeedProduct, args) => {
      const text = product.descriptionHtml.replace(/<[^>]+>/g, "").trim();
      return typeof args.truncateAt === "number" ? text.slice(0, args.truncateAt) : text;
    },
    variantsCount: (product: SeedProduct) => ({ count: product.variants.length, precision: "EXACT" }),
    priceRangeV2: (product: SeedProduct, _, context) => {
      const prices = product.variants.map((variant) => Number(variant.price));
      const currency = context.state.seed.shop.currencyCode;
      return { minVariantPrice: money(Math.min(...prices), currency), maxVariantPrice: money(Math.max(...prices), currency) };
    },
  },
  Customer: {
    orders: (customer: SeedCustomer, args, context, info) =>
      ordersConnection(context.state.ordersByCustomer.get(customer.id) ?? [], args, context, info),
    numberOfOrders: (customer: SeedCustomer, _, context) => String(context.state.ordersByCustomer.get(customer.id)?.length ?? 0),
    amountSpent: (customer: SeedCustomer, _, context) => {
      const orders = context.state.ordersByCustomer.get(customer.id) ?? [];
      const total = orders.reduce((sum, order) => sum + Number(order.currentTotalPriceSet.shopMoney.amount), 0);
      return money(total, context.state.seed.shop.currencyCode);
    },
    lastOrder: (customer: SeedCustomer, _, context) => {
      const orders = visibleOrders(context.state.ordersByCustomer.get(customer.id) ?? [], context);
      return orders[orders.length - 1] ?? null;
    },
    addresses: (customer: SeedCustomer) => [customer.defaultAddress],
  },
  Metafield: {
    jsonValue: (metafield: StoredMetafield) => metafieldJsonValue(metafield),
    owner: (metafield: StoredMetafield, _, context) => context.state.findNode(metafield.ownerId),
    sizeInBytes: (metafield: StoredMetafield) => Buffer.byteLength(metafield.value, "utf8"),
  },
};

/** `metafield` / `metafields` on any HasMetafields owner, read from what the app stored. */
function resolveOwnedMetafields(owner: { id: string }, fieldName: string, args: Args, context: ResolverContext): unknown {
  const store = context.state.metafields;
  if (fieldName === "metafield") {
    return store.get(owner.id, args.namespace as string | null, String(args.key));
  }
  const list = store.list(owner.id, { namespace: args.namespace as string | null, keys: args.keys as string[] | null });
  return buildConnection(args.reverse ? list.reverse() : list, args as ConnectionArgs, byKey);
}

const isConnectionName = (name: string) => name.endsWith("Connection");
const EMPTY: never[] = [];

/**
 * Reads every field from the plain data (same name as in the schema), with the hand-written resolvers
 * above for relations and computed fields. A non-null field the data lacks fails loudly, naming itself,
 * so a query the seed cannot answer is obvious.
 */
export const fieldResolver: GraphQLFieldResolver<unknown, ResolverContext> = (source, args, context, info) => {
  const fieldDef = info.parentType.getFields()[info.fieldName];
  const denial = context.policy.denial(info.parentType, fieldDef);
  if (denial) throw accessDenied(denial);

  const custom = RESOLVERS[info.parentType.name]?.[info.fieldName];
  if (custom) return custom(source as never, args, context, info);

  const record = source as Record<string, unknown>;
  if ((info.fieldName === "metafield" || info.fieldName === "metafields") && typeof record.id === "string" &&
      info.parentType.getInterfaces().some((type) => type.name === "HasMetafields")) {
    return resolveOwnedMetafields(record as { id: string }, info.fieldName, args, context);
  }

  const value = record[info.fieldName];
  const namedType = getNamedType(info.returnType);
  if (value !== undefined) {
    return Array.isArray(value) && isConnectionName(namedType.name) ? buildConnection(value, args, byKey) : value;
  }
  if (info.fieldName === "legacyResourceId" && typeof record.id === "string") return legacyIdOf(record.id);
  if (!isNonNullType(info.returnType)) return null;
  if (isListType(info.returnType.ofType)) return EMPTY;
  if (isConnectionName(namedType.name)) return buildConnection(EMPTY, args, byKey);
  throw new GraphQLError(
    `The fake Admin API has no data for ${info.parentType.name}.${info.fieldName}: ` +
      "add it to tests/support/fake-admin/seed.ts or a resolver in resolvers.ts.",
  );
};

/** Interfaces and unions resolve through the `__typename` every data record carries. */
export const typeResolver: GraphQLTypeResolver<unknown, ResolverContext> = (value) =>
  (value as { __typename?: string }).__typename;
