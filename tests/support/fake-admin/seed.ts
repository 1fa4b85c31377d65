import { createHash } from "node:crypto";
import { variantLineItem } from "./line-items";
import { createRandom, type Random } from "./prng";
import {
  CATALOG,
  COUNTRIES,
  CONTACT_INFORMATION_HTML,
  PRIVACY_POLICY_HTML,
  REFUND_POLICY_HTML,
  SHIPPING_POLICY_HTML,
  TERMS_OF_SERVICE_HTML,
  type CountryProfile,
} from "./seed-catalog";
import type {
  FulfillmentDisplayStatus,
  FulfillmentEventStatus,
  MoneyBag,
  SeedCustomer,
  SeedFulfillment,
  SeedFulfillmentEvent,
  SeedLineItem,
  SeedMailingAddress,
  SeedOptions,
  SeedOrder,
  SeedProduct,
  SeedShop,
  SeedShopPolicy,
  SeedShopRecord,
  ShopPolicyType,
} from "./types";

export const DEFAULT_SEED_NOW = new Date("2026-11-23T09:00:00Z");
export const DEFAULT_ORDER_COUNT = 540;
export const DEFAULT_SHOP_DOMAIN = "aftercare-demo.myshopify.com";
export const SHOP_CURRENCY = "USD";
/** How far back the seed's order history reaches. */
export const HISTORY_DAYS = 120;
const DEFAULT_SEED = 20261123;

const HOUR = 3_600_000;
const DAY = 24 * HOUR;

/** Legacy ids are kept apart from order numbers so code mixing them up fails. */
const ORDER_ID_BASE = 5_810_000_000;

const iso = (ms: number) => new Date(ms).toISOString();

function money(amount: number): MoneyBag {
  const value = { amount: amount.toFixed(2), currencyCode: SHOP_CURRENCY };
  return { shopMoney: value, presentmentMoney: { ...value } };
}

interface IdCounters {
  next(kind: string, start: number): number;
}

function createCounters(): IdCounters {
  const counters = new Map<string, number>();
  return {
    next(kind, start) {
      const value = counters.get(kind) ?? start;
      counters.set(kind, value + 1);
      return value;
    },
  };
}

function buildShop(domain: string, now: number): SeedShopRecord {
  const shopCreated = iso(now - 3 * 365 * DAY);
  const policy = (type: ShopPolicyType, index: number, title: string, body: string, slug: string): SeedShopPolicy => ({
    __typename: "ShopPolicy",
    id: `gid://shopify/ShopPolicy/${41_000 + index}`,
    type,
    title,
    body,
    url: `https://${domain}/policies/${slug}`,
    createdAt: shopCreated,
    updatedAt: iso(now - 45 * DAY),
  });
  return {
    __typename: "Shop",
    id: "gid://shopify/Shop/70000001",
    name: "Aftercare Demo Store",
    email: "owner@aftercare-demo.example",
    contactEmail: "care@aftercare-demo.example",
    description: "Small-batch Indonesian coffee, ceramics and batik, shipped worldwide from Yogyakarta.",
    shopOwnerName: "Sekar Wulandari",
    myshopifyDomain: domain,
    url: `https://${domain}`,
    primaryDomain: { __typename: "Domain", id: "gid://shopify/Domain/90000001", host: domain, url: `https://${domain}`, sslEnabled: true },
    currencyCode: SHOP_CURRENCY,
    enabledPresentmentCurrencies: [SHOP_CURRENCY],
    ianaTimezone: "Asia/Jakarta",
    timezoneAbbreviation: "WIB",
    timezoneOffset: "+0700",
    timezoneOffsetMinutes: 420,
    weightUnit: "KILOGRAMS",
    unitSystem: "METRIC_SYSTEM",
    taxesIncluded: true,
    taxShipping: false,
    orderNumberFormatPrefix: "#",
    orderNumberFormatSuffix: "",
    shipsToCountries: COUNTRIES.map((country) => country.code),
    plan: { publicDisplayName: "Basic", partnerDevelopment: false, shopifyPlus: false },
    shopAddress: {
      __typename: "ShopAddress",
      id: "gid://shopify/ShopAddress/70000001",
      address1: "Jl. Prawirotaman 12",
      address2: null,
      city: "Yogyakarta",
      province: "Daerah Istimewa Yogyakarta",
      provinceCode: "YO",
      country: "Indonesia",
      countryCodeV2: "ID",
      zip: "55153",
      phone: "+62 274 555 0142",
      company: "Aftercare Demo Store",
      coordinatesValidated: true,
    },
    shopPolicies: [
      policy("REFUND_POLICY", 1, "Refund policy", REFUND_POLICY_HTML, "refund-policy"),
      policy("SHIPPING_POLICY", 2, "Shipping policy", SHIPPING_POLICY_HTML, "shipping-policy"),
      policy("PRIVACY_POLICY", 3, "Privacy policy", PRIVACY_POLICY_HTML, "privacy-policy"),
      policy("TERMS_OF_SERVICE", 4, "Terms of service", TERMS_OF_SERVICE_HTML, "terms-of-service"),
      policy("CONTACT_INFORMATION", 5, "Contact information", CONTACT_INFORMATION_HTML, "contact-information"),
    ],
    createdAt: shopCreated,
    updatedAt: iso(now - 10 * DAY),
  };
}

function buildProducts(domain: string, now: number): SeedProduct[] {
  return CATALOG.map((item, index) => {
    const productNumber = 8_100_000_001 + index;
    const id = `gid://shopify/Product/${productNumber}`;
    const createdAt = iso(now - (400 - index * 17) * DAY);
    const variants = item.variants.map((variant, position) => {
      const title = variant.value;
      return {
        __typename: "ProductVariant" as const,
        id: `gid://shopify/ProductVariant/${46_000_000_000 + index * 10 + position}`,
        productId: id,
        title,
        displayName: title === "Default Title" ? `${item.title} - Default Title` : `${item.title} - ${title}`,
        sku: `AC-${String(index + 1).padStart(2, "0")}-${position + 1}`,
        price: variant.price,
        compareAtPrice: variant.compareAtPrice ?? null,
        position: position + 1,
        inventoryQuantity: 12 + ((index * 7 + position * 5) % 40),
        availableForSale: true,
        taxable: true,
        selectedOptions: [{ name: item.option, value: title }],
        createdAt,
        updatedAt: iso(now - (20 + index) * DAY),
      };
    });
    return {
      __typename: "Product",
      id,
      title: item.title,
      handle: item.handle,
      vendor: "Aftercare Demo Store",
      productType: item.productType,
      status: "ACTIVE",
      tags: [...item.tags],
      descriptionHtml: `<p>${item.description}</p>`,
      onlineStoreUrl: `https://${domain}/products/${item.handle}`,
      createdAt,
      updatedAt: iso(now - (20 + index) * DAY),
      publishedAt: createdAt,
      images: [1, 2].map((n) => ({
        __typename: "Image" as const,
        id: `gid://shopify/ProductImage/${39_000_000_000 + index * 10 + n}`,
        url: `https://cdn.shopify.com/s/files/1/0700/0000/0001/files/${item.handle}-${n}.jpg?v=1730000000`,
        altText: n === 1 ? item.title : `${item.title}, detail`,
        width: 2048,
        height: 2048,
      })),
      variants,
      totalInventory: variants.reduce((sum, variant) => sum + variant.inventoryQuantity, 0),
      hasOnlyDefaultVariant: variants.length === 1 && variants[0].title === "Default Title",
    };
  });
}

function buildAddress(random: Random, country: CountryProfile, firstName: string, lastName: string, id: number): SeedMailingAddress {
  const city = random.pick(country.cities);
  return {
    __typename: "MailingAddress",
    id: `gid://shopify/MailingAddress/${id}`,
    firstName,
    lastName,
    name: `${firstName} ${lastName}`,
    company: null,
    address1: `${city.street} ${random.int(2, 180)}`,
    address2: random.chance(0.2) ? `Unit ${random.int(1, 40)}` : null,
    city: city.city,
    province: city.province,
    provinceCode: city.provinceCode,
    country: country.name,
    countryCodeV2: country.code,
    zip: city.zip,
    phone: `${country.phonePrefix} ${random.digits(3)} ${random.digits(4)}`,
    coordinatesValidated: true,
  };
}

const emailPart = (value: string) =>
  value.normalize("NFD").replace(/[\u0300-\u036f]/g, "").toLowerCase().replace(/[^a-z]+/g, "");

function buildCustomers(random: Random, now: number): SeedCustomer[] {
  const customers: SeedCustomer[] = [];
  for (const country of COUNTRIES) {
    for (let k = 0; k < country.customers; k += 1) {
      const number = 7_400_000_001 + customers.length;
      const firstName = country.firstNames[k];
      const lastName = random.pick(country.lastNames);
      const createdAt = iso(now - random.int(130, 900) * DAY);
      customers.push({
        __typename: "Customer",
        id: `gid://shopify/Customer/${number}`,
        firstName,
        lastName,
        displayName: `${firstName} ${lastName}`,
        email: `${emailPart(firstName)}.${emailPart(lastName)}@example.${country.code.toLowerCase()}`,
        phone: random.chance(0.6) ? `${country.phonePrefix} ${random.digits(3)} ${random.digits(4)}` : null,
        locale: country.locale,
        state: random.chance(0.7) ? "ENABLED" : "DISABLED",
        verifiedEmail: true,
        taxExempt: false,
        tags: random.chance(0.25) ? ["repeat-buyer"] : [],
        note: null,
        createdAt,
        updatedAt: createdAt,
        defaultAddress: buildAddress(random, country, firstName, lastName, 11_000_000_001 + customers.length),
      });
    }
  }
  return customers;
}

/** How one parcel's journey goes, decided up front; the clock then shows how far it got. */
type Journey = "on-time" | "late" | "very-late" | "attempted" | "failed";

function pickJourney(random: Random): Journey {
  const r = random.next();
  if (r < 0.72) return "on-time";
  if (r < 0.86) return "late";
  if (r < 0.93) return "very-late";
  if (r < 0.96) return "attempted";
  return "failed";
}

interface PlannedEvent {
  status: FulfillmentEventStatus;
  at: number;
  message: string;
}

const EVENT_MESSAGES: Record<FulfillmentEventStatus, string> = {
  LABEL_PRINTED: "Shipping label created",
  CONFIRMED: "Shipment information received by the carrier",
  CARRIER_PICKED_UP: "Picked up by the carrier",
  IN_TRANSIT: "In transit",
  OUT_FOR_DELIVERY: "Out for delivery",
  ATTEMPTED_DELIVERY: "Delivery attempted: recipient not available",
  DELAYED: "Delayed in the carrier network",
  DELIVERED: "Delivered",
  FAILURE: "Delivery failed: returned to sender",
};

function planJourney(random: Random, journey: Journey, shippedAt: number, estimate: number): PlannedEvent[] {
  const pickedUp = shippedAt + random.between(3, 10) * HOUR;
  const events: PlannedEvent[] = [
    { status: "LABEL_PRINTED", at: shippedAt, message: EVENT_MESSAGES.LABEL_PRINTED },
    { status: "CONFIRMED", at: shippedAt + 20 * 60_000, message: EVENT_MESSAGES.CONFIRMED },
    { status: "IN_TRANSIT", at: pickedUp, message: EVENT_MESSAGES.IN_TRANSIT },
  ];
  const deliver = (at: number) => {
    events.push({ status: "OUT_FOR_DELIVERY", at: at - random.between(3, 6) * HOUR, message: EVENT_MESSAGES.OUT_FOR_DELIVERY });
    events.push({ status: "DELIVERED", at, message: EVENT_MESSAGES.DELIVERED });
  };
  switch (journey) {
    case "on-time":
      deliver(Math.max(pickedUp + 20 * HOUR, estimate - random.between(0, 1.5) * DAY));
      break;
    case "late":
    case "very-late": {
      const delay = journey === "late" ? random.between(0.5, 6) : random.between(8, 20);
      events.push({ status: "DELAYED", at: estimate - random.between(4, 12) * HOUR, message: EVENT_MESSAGES.DELAYED });
      deliver(estimate + delay * DAY);
      break;
    }
    case "attempted": {
      const attempt = estimate - random.between(0, 0.5) * DAY;
      events.push({ status: "OUT_FOR_DELIVERY", at: attempt - 4 * HOUR, message: EVENT_MESSAGES.OUT_FOR_DELIVERY });
      events.push({ status: "ATTEMPTED_DELIVERY", at: attempt, message: EVENT_MESSAGES.ATTEMPTED_DELIVERY });
      deliver(attempt + random.between(1, 2) * DAY);
      break;
    }
    case "failed":
      events.push({ status: "FAILURE", at: estimate + random.between(1, 3) * DAY, message: EVENT_MESSAGES.FAILURE });
      break;
  }
  return events.sort((a, b) => a.at - b.at);
}

const DISPLAY_STATUS: Record<FulfillmentEventStatus, FulfillmentDisplayStatus> = {
  LABEL_PRINTED: "LABEL_PRINTED",
  CONFIRMED: "CONFIRMED",
  CARRIER_PICKED_UP: "IN_TRANSIT",
  IN_TRANSIT: "IN_TRANSIT",
  OUT_FOR_DELIVERY: "OUT_FOR_DELIVERY",
  ATTEMPTED_DELIVERY: "ATTEMPTED_DELIVERY",
  DELAYED: "DELAYED",
  DELIVERED: "DELIVERED",
  FAILURE: "FAILURE",
};

interface OrderContext {
  random: Random;
  ids: IdCounters;
  now: number;
  domain: string;
  products: SeedProduct[];
}

function buildLineItems(context: OrderContext): SeedLineItem[] {
  const { random, ids, products } = context;
  const count = random.pick([1, 1, 1, 2, 2, 3]);
  return random.sample(products, count).map((product) => {
    const variant = random.pick(product.variants);
    const quantity = random.chance(0.8) ? 1 : 2;
    return variantLineItem(`gid://shopify/LineItem/${ids.next("lineItem", 15_200_000_001)}`, product, variant, quantity, SHOP_CURRENCY);
  });
}

function buildFulfillment(
  context: OrderContext,
  order: { id: string; name: string; country: CountryProfile; shippingAddress: SeedMailingAddress },
  index: number,
  lineItems: SeedLineItem[],
  shippedAt: number,
  journey: Journey,
): SeedFulfillment {
  const { random, ids, now } = context;
  const carrier = random.pick(order.country.carriers);
  const trackingNumber = carrier.trackingNumber(random.digits);
  const transit = random.int(order.country.transitDays[0], order.country.transitDays[1]);
  const estimate = Math.round((shippedAt + transit * DAY) / HOUR) * HOUR;
  const happened = planJourney(random, journey, shippedAt, estimate).filter((event) => event.at <= now);
  const last = happened[happened.length - 1];
  const deliveredEvent = happened.find((event) => event.status === "DELIVERED");
  const inTransitEvent = happened.find((event) => event.status === "IN_TRANSIT");
  const address = order.shippingAddress;
  const events: SeedFulfillmentEvent[] = happened.map((event) => {
    const atDestination = ["OUT_FOR_DELIVERY", "ATTEMPTED_DELIVERY", "DELIVERED"].includes(event.status);
    return {
      __typename: "FulfillmentEvent",
      id: `gid://shopify/FulfillmentEvent/${ids.next("event", 9_300_000_001)}`,
      status: event.status,
      happenedAt: iso(event.at),
      createdAt: iso(event.at + 5 * 60_000 > now ? event.at : event.at + 5 * 60_000),
      message: event.message,
      city: atDestination ? address.city : event.status === "LABEL_PRINTED" ? "Yogyakarta" : null,
      province: atDestination ? address.province : null,
      country: atDestination ? address.country : event.status === "LABEL_PRINTED" ? "Indonesia" : null,
      zip: atDestination ? address.zip : null,
      address1: null,
      latitude: null,
      longitude: null,
      estimatedDeliveryAt: event.status === "IN_TRANSIT" ? iso(estimate) : null,
    };
  });
  return {
    __typename: "Fulfillment",
    id: `gid://shopify/Fulfillment/${ids.next("fulfillment", 5_600_000_001)}`,
    orderId: order.id,
    name: `${order.name}-F${index + 1}`,
    status: "SUCCESS",
    displayStatus: DISPLAY_STATUS[last.status],
    requiresShipping: true,
    totalQuantity: lineItems.reduce((sum, item) => sum + item.quantity, 0),
    createdAt: iso(shippedAt),
    updatedAt: iso(last.at),
    inTransitAt: inTransitEvent ? iso(inTransitEvent.at) : null,
    deliveredAt: deliveredEvent ? iso(deliveredEvent.at) : null,
    estimatedDeliveryAt: inTransitEvent ? iso(estimate) : null,
    trackingInfo: [{ company: carrier.company, number: trackingNumber, url: carrier.trackingUrl(trackingNumber) }],
    events,
    fulfillmentLineItems: lineItems.map((lineItem) => ({
      __typename: "FulfillmentLineItem",
      id: `gid://shopify/FulfillmentLineItem/${ids.next("fulfillmentLineItem", 12_800_000_001)}`,
      quantity: lineItem.quantity,
      lineItem,
      originalTotalSet: lineItem.originalTotalSet,
      discountedTotalSet: lineItem.originalTotalSet,
    })),
  };
}

const CONFIRMATION_ALPHABET = "ABCDEFGHJKLMNPQRSTUVWXYZ23456789";

/**
 * Shopify's confirmation number is nine random letters and digits. Here it comes from the order id, so
 * adding it drew nothing from the seed's random stream and every other seeded value stayed as it was.
 */
export function confirmationNumberOf(orderId: string): string {
  const digest = createHash("sha256").update(orderId).digest();
  return Array.from(digest.subarray(0, 9), (byte) => CONFIRMATION_ALPHABET[byte % CONFIRMATION_ALPHABET.length]).join("");
}

function buildOrder(context: OrderContext, number: number, createdAt: number, customer: SeedCustomer): SeedOrder {
  const { random, ids, now, domain } = context;
  const country = COUNTRIES.find((profile) => profile.code === customer.defaultAddress.countryCodeV2)!;
  const id = `gid://shopify/Order/${ORDER_ID_BASE + number}`;
  const name = `#${number}`;
  const shippingAddress: SeedMailingAddress = {
    ...customer.defaultAddress,
    id: `gid://shopify/MailingAddress/${ids.next("orderAddress", 12_000_000_001)}`,
  };
  const lineItems = buildLineItems(context);
  const subtotal = lineItems.reduce((sum, item) => sum + Number(item.originalTotalSet.shopMoney.amount), 0);
  const domestic = country.code === "ID";
  const shipping = domestic ? (subtotal >= 50 ? 0 : 4) : subtotal >= 100 ? 0 : 12;
  const total = subtotal + shipping;
  const timestamps = [createdAt];

  let cancelledAt: number | null = null;
  const fulfillments: SeedFulfillment[] = [];
  if (random.chance(0.04)) {
    cancelledAt = Math.min(now, createdAt + random.between(2, 20) * HOUR);
    timestamps.push(cancelledAt);
  } else {
    const slowToShip = random.chance(0.1);
    const firstShip = createdAt + (slowToShip ? random.between(3.5, 20) * DAY : random.between(0.4, 2.5) * DAY);
    const journey = pickJourney(random);
    const split = lineItems.length >= 2 && random.chance(0.15);
    const groups = split ? [lineItems.slice(0, 1), lineItems.slice(1)] : [lineItems];
    groups.forEach((group, index) => {
      const shippedAt = firstShip + index * random.between(1, 3) * DAY;
      if (shippedAt > now) return;
      const fulfillment = buildFulfillment(context, { id, name, country, shippingAddress }, index, group, shippedAt, journey);
      for (const item of group) item.unfulfilledQuantity = 0;
      fulfillments.push(fulfillment);
      timestamps.push(Date.parse(fulfillment.updatedAt));
    });
  }

  const fulfilledAll = lineItems.every((item) => item.unfulfilledQuantity === 0);
  const displayFulfillmentStatus = fulfilledAll ? "FULFILLED" : fulfillments.length > 0 ? "PARTIALLY_FULFILLED" : "UNFULFILLED";

  let refunded = 0;
  let returnStatus: SeedOrder["returnStatus"] = "NO_RETURN";
  const lastDelivery = fulfillments.map((f) => (f.deliveredAt ? Date.parse(f.deliveredAt) : 0)).reduce((a, b) => Math.max(a, b), 0);
  if (cancelledAt !== null) {
    refunded = total;
  } else if (fulfilledAll && lastDelivery > 0 && random.chance(0.06)) {
    const refundAt = lastDelivery + random.between(4, 14) * DAY;
    if (refundAt <= now) {
      const whole = lineItems.length === 1 || random.chance(0.4);
      refunded = whole ? total : Number(lineItems[0].originalTotalSet.shopMoney.amount);
      returnStatus = "RETURNED";
      timestamps.push(refundAt);
    }
  }
  const financialStatus = refunded === 0 ? "PAID" : refunded >= total ? "REFUNDED" : "PARTIALLY_REFUNDED";
  const closedAt = cancelledAt ?? (fulfilledAll ? Date.parse(fulfillments[fulfillments.length - 1].createdAt) : null);

  return {
    __typename: "Order",
    id,
    name,
    number,
    confirmationNumber: confirmationNumberOf(id),
    email: customer.email,
    phone: customer.phone,
    customerId: customer.id,
    customerLocale: customer.locale,
    createdAt: iso(createdAt),
    processedAt: iso(createdAt),
    updatedAt: iso(Math.max(...timestamps)),
    cancelledAt: cancelledAt === null ? null : iso(cancelledAt),
    cancelReason: cancelledAt === null ? null : random.pick(["CUSTOMER", "CUSTOMER", "INVENTORY"] as const),
    closed: closedAt !== null,
    closedAt: closedAt === null ? null : iso(closedAt),
    confirmed: true,
    test: false,
    tags: customer.tags.includes("repeat-buyer") ? ["repeat-buyer"] : [],
    note: random.chance(0.08) ? "Please gift wrap, it is a present." : null,
    sourceName: "web",
    currencyCode: SHOP_CURRENCY,
    presentmentCurrencyCode: SHOP_CURRENCY,
    displayFinancialStatus: financialStatus,
    displayFulfillmentStatus,
    returnStatus,
    fullyPaid: true,
    unpaid: false,
    requiresShipping: true,
    subtotalLineItemsQuantity: lineItems.reduce((sum, item) => sum + item.quantity, 0),
    subtotalPriceSet: money(subtotal),
    totalShippingPriceSet: money(shipping),
    totalTaxSet: money(Math.round((total - total / 1.11) * 100) / 100),
    totalPriceSet: money(total),
    currentTotalPriceSet: money(total - refunded),
    totalRefundedSet: money(refunded),
    shippingAddress,
    billingAddress: { ...shippingAddress, id: `gid://shopify/MailingAddress/${ids.next("orderAddress", 12_000_000_001)}` },
    statusPageUrl: `https://${domain}/70000001/orders/${random.hex(32)}/authenticate?key=${random.hex(32)}`,
    lineItems,
    fulfillments,
  };
}

/**
 * A deterministic demo shop: the same options always give the same data. Orders are spread over the
 * last 120 days before `now`, oldest first, with every delivery outcome the app cares about.
 */
export function createSeedShop(options: SeedOptions = {}): SeedShop {
  const now = (options.now ?? DEFAULT_SEED_NOW).getTime();
  const domain = options.domain ?? DEFAULT_SHOP_DOMAIN;
  const orderCount = options.orderCount ?? DEFAULT_ORDER_COUNT;
  const random = createRandom(options.seed ?? DEFAULT_SEED);
  const context: OrderContext = { random, ids: createCounters(), now, domain, products: buildProducts(domain, now) };
  const customers = buildCustomers(random, now);

  const start = now - HISTORY_DAYS * DAY;
  const createdTimes = Array.from({ length: orderCount }, () => Math.round(start + random.next() * (now - start - HOUR)))
    .sort((a, b) => a - b);
  const orders = createdTimes.map((createdAt, index) => buildOrder(context, 1001 + index, createdAt, random.pick(customers)));

  return { now: iso(now), shop: buildShop(domain, now), customers, products: context.products, orders };
}
