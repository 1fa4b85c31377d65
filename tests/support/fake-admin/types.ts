/**
 * Plain data behind the fake Admin API. Field names follow the Admin GraphQL schema (2026-07), so the
 * generic resolver can read them directly; relations between top-level records are kept as ids
 * (`customerId`, `productId`, ...) and joined by resolvers. Every record carries `__typename`, which is
 * how interfaces and unions (`Node`, `HasMetafields`) resolve.
 */

export type Gid = string;
/** ISO-8601 timestamp, as the DateTime scalar serializes. */
export type IsoDateTime = string;

export interface Money {
  /** Decimal as a string, like the Decimal scalar ("24.50"). */
  amount: string;
  currencyCode: string;
}

export interface MoneyBag {
  shopMoney: Money;
  presentmentMoney: Money;
}

export interface SeedMailingAddress {
  __typename: "MailingAddress";
  id: Gid;
  firstName: string;
  lastName: string;
  name: string;
  company: string | null;
  address1: string;
  address2: string | null;
  city: string;
  province: string | null;
  provinceCode: string | null;
  country: string;
  countryCodeV2: string;
  zip: string;
  phone: string | null;
  coordinatesValidated: boolean;
}

export interface SeedCustomer {
  __typename: "Customer";
  id: Gid;
  firstName: string;
  lastName: string;
  displayName: string;
  email: string;
  phone: string | null;
  locale: string;
  state: "ENABLED" | "DISABLED" | "INVITED" | "DECLINED";
  verifiedEmail: boolean;
  taxExempt: boolean;
  tags: string[];
  note: string | null;
  createdAt: IsoDateTime;
  updatedAt: IsoDateTime;
  defaultAddress: SeedMailingAddress;
}

export interface SeedImage {
  __typename: "Image";
  id: Gid;
  url: string;
  altText: string;
  width: number;
  height: number;
}

export interface SeedVariant {
  __typename: "ProductVariant";
  id: Gid;
  productId: Gid;
  title: string;
  displayName: string;
  sku: string;
  price: string;
  compareAtPrice: string | null;
  position: number;
  inventoryQuantity: number;
  availableForSale: boolean;
  taxable: boolean;
  selectedOptions: Array<{ name: string; value: string }>;
  createdAt: IsoDateTime;
  updatedAt: IsoDateTime;
}

export interface SeedProduct {
  __typename: "Product";
  id: Gid;
  title: string;
  handle: string;
  vendor: string;
  productType: string;
  status: "ACTIVE" | "ARCHIVED" | "DRAFT";
  tags: string[];
  descriptionHtml: string;
  onlineStoreUrl: string;
  createdAt: IsoDateTime;
  updatedAt: IsoDateTime;
  publishedAt: IsoDateTime;
  images: SeedImage[];
  variants: SeedVariant[];
  totalInventory: number;
  hasOnlyDefaultVariant: boolean;
}

export interface SeedLineItem {
  __typename: "LineItem";
  id: Gid;
  productId: Gid;
  variantId: Gid;
  title: string;
  name: string;
  variantTitle: string | null;
  vendor: string;
  sku: string;
  quantity: number;
  currentQuantity: number;
  unfulfilledQuantity: number;
  requiresShipping: boolean;
  isGiftCard: boolean;
  taxable: boolean;
  originalUnitPriceSet: MoneyBag;
  discountedUnitPriceSet: MoneyBag;
  originalTotalSet: MoneyBag;
}

export interface SeedTrackingInfo {
  company: string;
  number: string;
  url: string;
}

export type FulfillmentEventStatus =
  | "LABEL_PRINTED"
  | "CONFIRMED"
  | "CARRIER_PICKED_UP"
  | "IN_TRANSIT"
  | "OUT_FOR_DELIVERY"
  | "ATTEMPTED_DELIVERY"
  | "DELAYED"
  | "DELIVERED"
  | "FAILURE";

export type FulfillmentDisplayStatus =
  | "CONFIRMED"
  | "LABEL_PRINTED"
  | "IN_TRANSIT"
  | "OUT_FOR_DELIVERY"
  | "ATTEMPTED_DELIVERY"
  | "DELAYED"
  | "DELIVERED"
  | "FAILURE"
  | "CANCELED";

export interface SeedFulfillmentEvent {
  __typename: "FulfillmentEvent";
  id: Gid;
  status: FulfillmentEventStatus;
  happenedAt: IsoDateTime;
  createdAt: IsoDateTime;
  message: string | null;
  city: string | null;
  province: string | null;
  country: string | null;
  zip: string | null;
  address1: null;
  latitude: null;
  longitude: null;
  estimatedDeliveryAt: IsoDateTime | null;
}

export interface SeedFulfillmentLineItem {
  __typename: "FulfillmentLineItem";
  id: Gid;
  quantity: number;
  lineItem: SeedLineItem;
  originalTotalSet: MoneyBag;
  discountedTotalSet: MoneyBag;
}

export interface SeedFulfillment {
  __typename: "Fulfillment";
  id: Gid;
  orderId: Gid;
  name: string;
  status: "SUCCESS" | "CANCELLED" | "ERROR" | "FAILURE";
  displayStatus: FulfillmentDisplayStatus;
  requiresShipping: boolean;
  totalQuantity: number;
  createdAt: IsoDateTime;
  updatedAt: IsoDateTime;
  inTransitAt: IsoDateTime | null;
  deliveredAt: IsoDateTime | null;
  estimatedDeliveryAt: IsoDateTime | null;
  trackingInfo: SeedTrackingInfo[];
  events: SeedFulfillmentEvent[];
  fulfillmentLineItems: SeedFulfillmentLineItem[];
}

export type FinancialStatus = "PAID" | "PENDING" | "AUTHORIZED" | "REFUNDED" | "PARTIALLY_REFUNDED" | "VOIDED";
export type DisplayFulfillmentStatus = "UNFULFILLED" | "PARTIALLY_FULFILLED" | "FULFILLED";

export interface SeedOrder {
  __typename: "Order";
  id: Gid;
  name: string;
  number: number;
  /** The shopper-facing random identifier (`XPAV284CT`), as the Thank-you page's orderConfirmation.number has it. */
  confirmationNumber: string | null;
  email: string;
  phone: string | null;
  customerId: Gid;
  customerLocale: string;
  createdAt: IsoDateTime;
  processedAt: IsoDateTime;
  updatedAt: IsoDateTime;
  cancelledAt: IsoDateTime | null;
  cancelReason: "CUSTOMER" | "INVENTORY" | "DECLINED" | "FRAUD" | "OTHER" | "STAFF" | null;
  closed: boolean;
  closedAt: IsoDateTime | null;
  confirmed: boolean;
  test: boolean;
  tags: string[];
  note: string | null;
  sourceName: string;
  currencyCode: string;
  presentmentCurrencyCode: string;
  displayFinancialStatus: FinancialStatus;
  displayFulfillmentStatus: DisplayFulfillmentStatus;
  returnStatus: "NO_RETURN" | "RETURN_REQUESTED" | "IN_PROGRESS" | "RETURNED";
  fullyPaid: boolean;
  unpaid: boolean;
  requiresShipping: boolean;
  subtotalLineItemsQuantity: number;
  subtotalPriceSet: MoneyBag;
  totalShippingPriceSet: MoneyBag;
  totalTaxSet: MoneyBag;
  totalPriceSet: MoneyBag;
  currentTotalPriceSet: MoneyBag;
  totalRefundedSet: MoneyBag;
  shippingAddress: SeedMailingAddress;
  billingAddress: SeedMailingAddress;
  statusPageUrl: string;
  lineItems: SeedLineItem[];
  fulfillments: SeedFulfillment[];
}

export type ShopPolicyType =
  | "REFUND_POLICY"
  | "SHIPPING_POLICY"
  | "PRIVACY_POLICY"
  | "TERMS_OF_SERVICE"
  | "CONTACT_INFORMATION";

export interface SeedShopPolicy {
  __typename: "ShopPolicy";
  id: Gid;
  type: ShopPolicyType;
  title: string;
  body: string;
  url: string;
  createdAt: IsoDateTime;
  updatedAt: IsoDateTime;
}

export interface SeedShopRecord {
  __typename: "Shop";
  id: Gid;
  name: string;
  email: string;
  contactEmail: string;
  description: string;
  shopOwnerName: string;
  myshopifyDomain: string;
  url: string;
  primaryDomain: { __typename: "Domain"; id: Gid; host: string; url: string; sslEnabled: boolean };
  currencyCode: string;
  enabledPresentmentCurrencies: string[];
  ianaTimezone: string;
  timezoneAbbreviation: string;
  timezoneOffset: string;
  timezoneOffsetMinutes: number;
  weightUnit: "KILOGRAMS" | "GRAMS" | "POUNDS" | "OUNCES";
  unitSystem: "METRIC_SYSTEM" | "IMPERIAL_SYSTEM";
  taxesIncluded: boolean;
  taxShipping: boolean;
  orderNumberFormatPrefix: string;
  orderNumberFormatSuffix: string;
  shipsToCountries: string[];
  plan: { publicDisplayName: string; partnerDevelopment: boolean; shopifyPlus: boolean };
  shopAddress: {
    __typename: "ShopAddress";
    id: Gid;
    address1: string;
    address2: string | null;
    city: string;
    province: string;
    provinceCode: string;
    country: string;
    countryCodeV2: string;
    zip: string;
    phone: string;
    company: string;
    coordinatesValidated: boolean;
  };
  shopPolicies: SeedShopPolicy[];
  createdAt: IsoDateTime;
  updatedAt: IsoDateTime;
}

/** Everything one fake shop holds. `now` is the moment the data describes. */
export interface SeedShop {
  now: IsoDateTime;
  shop: SeedShopRecord;
  customers: SeedCustomer[];
  products: SeedProduct[];
  /** Oldest first; order numbers grow with time. */
  orders: SeedOrder[];
}

export interface SeedOptions {
  /** The moment the data describes; default 2026-11-23T09:00:00Z so tests are stable. */
  now?: Date;
  /** Default 540. */
  orderCount?: number;
  /** PRNG seed; the same seed and options give the same shop. Default 20261123. */
  seed?: number;
  /** Default "aftercare-demo.myshopify.com". */
  domain?: string;
}
