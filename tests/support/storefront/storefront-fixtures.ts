import { SHIPPING_METAFIELD, serializeShippingCalendar, type ShippingCalendar } from "~/models/shipping/calendar";

/** Shopify objects for storefront renders, built from plain fixture data. */

export type StorefrontLocale = "en" | "id";

interface CountryFixture {
  name: Record<StorefrontLocale, string>;
  currency: string;
}

/** What `localization.country` holds for the countries the fixtures use. */
export const COUNTRIES: Record<string, CountryFixture> = {
  ID: { name: { en: "Indonesia", id: "Indonesia" }, currency: "IDR" },
  DE: { name: { en: "Germany", id: "Jerman" }, currency: "EUR" },
  FR: { name: { en: "France", id: "Prancis" }, currency: "EUR" },
  US: { name: { en: "United States", id: "Amerika Serikat" }, currency: "USD" },
  BR: { name: { en: "Brazil", id: "Brasil" }, currency: "BRL" },
};

/** The shop's money format per presentment currency. */
export const MONEY_FORMATS: Record<string, string> = {
  IDR: "Rp {{amount_no_decimals_with_comma_separator}}",
  EUR: "€{{amount_with_comma_separator}}",
  USD: "${{amount}}",
  BRL: "R$ {{amount_with_comma_separator}}",
};

export interface PreviewProduct {
  id: number;
  title: string;
  handle: string;
  tags: string[];
  /** Price in cents per presentment currency. */
  prices: Record<string, number>;
  description: string;
  /** The product's own metafields, as Shopify stores them: `product.metafields.<namespace>.<key>`. */
  metafields?: ProductMetafields;
}

export type ProductMetafields = Record<string, Record<string, { type: string; value: string }>>;

/** A metafield's `value` as Liquid reads it: a rating becomes an object, numbers become numbers. */
export function liquidMetafieldValue(type: string, value: string): unknown {
  if (type === "json") return JSON.parse(value);
  if (type === "number_integer" || type === "number_decimal") return Number(value);
  if (type === "rating") {
    const rating = JSON.parse(value) as { value: string; scale_min: string; scale_max: string };
    return { rating: Number(rating.value), scale_min: Number(rating.scale_min), scale_max: Number(rating.scale_max) };
  }
  return value;
}

/** The review summary the app publishes for a product (`reviews.rating`, `reviews.rating_count`). */
export function reviewMetafields(average: number, count: number): ProductMetafields {
  return {
    reviews: {
      rating_count: { type: "number_integer", value: String(count) },
      rating: { type: "rating", value: JSON.stringify({ value: average.toFixed(1), scale_min: "1.0", scale_max: "5.0" }) },
    },
  };
}

export const SAMPLE_PRODUCT: PreviewProduct = {
  id: 7001,
  title: "Batik Tote Bag",
  handle: "batik-tote-bag",
  tags: ["bags", "batik"],
  prices: { IDR: 25_000_000, EUR: 1_500, USD: 1_600, BRL: 8_900 },
  description: "Hand-stamped cotton batik from Pekalongan, lined and finished in Jakarta.",
};

/** App-owned metafields as Shopify hands them to Liquid: `app.metafields.<namespace>.<key>`. */
export type AppMetafields = Record<string, Record<string, { type: string; value: string }>>;

/** The metafield the app publishes for a calendar, exactly as it would be sent. */
export function shippingMetafields(calendar: ShippingCalendar): AppMetafields {
  return {
    [SHIPPING_METAFIELD.namespace]: {
      [SHIPPING_METAFIELD.key]: { type: SHIPPING_METAFIELD.type, value: serializeShippingCalendar(calendar) },
    },
  };
}

export function countryFixture(code: string): CountryFixture {
  const country = COUNTRIES[code];
  if (!country) throw new Error(`No storefront fixture for country ${code}: add it to COUNTRIES`);
  return country;
}

export interface StorefrontObjectsInput {
  country: string;
  locale: StorefrontLocale;
  appMetafields: AppMetafields;
  product?: PreviewProduct | null;
  /** A logged-in customer's default address province ("JK"), in the shopper's country. */
  customerProvince?: string | null;
  /** Liquid's whole `customer` object for a logged-in shopper; wins over customerProvince. */
  customer?: Record<string, unknown> | null;
  pageType: "product" | "index" | "page";
  shopName?: string;
}

/** The Liquid objects a storefront page exposes to app blocks. */
export function storefrontObjects(input: StorefrontObjectsInput): Record<string, unknown> {
  const country = countryFixture(input.country);
  const metafields = Object.fromEntries(
    Object.entries(input.appMetafields).map(([namespace, entries]) => [
      namespace,
      Object.fromEntries(
        Object.entries(entries).map(([key, metafield]) => [
          key,
          { type: metafield.type, value: metafield.type === "json" ? JSON.parse(metafield.value) : metafield.value },
        ]),
      ),
    ]),
  );
  const product = input.product
    ? {
        id: input.product.id,
        title: input.product.title,
        handle: input.product.handle,
        tags: input.product.tags,
        price: input.product.prices[country.currency],
        description: input.product.description,
        metafields: Object.fromEntries(
          Object.entries(input.product.metafields ?? {}).map(([namespace, entries]) => [
            namespace,
            Object.fromEntries(
              Object.entries(entries).map(([key, metafield]) => [key, { type: metafield.type, value: liquidMetafieldValue(metafield.type, metafield.value) }]),
            ),
          ]),
        ),
      }
    : undefined;
  return {
    app: { metafields },
    localization: {
      country: {
        iso_code: input.country,
        name: country.name[input.locale],
        currency: { iso_code: country.currency },
      },
      language: { iso_code: input.locale },
    },
    request: { locale: { iso_code: input.locale }, page_type: input.pageType },
    routes: { account_login_url: "/account/login", account_url: "/account" },
    shop: { name: input.shopName ?? "Toko Rapi", money_format: MONEY_FORMATS[country.currency] },
    customer: input.customer ?? (input.customerProvince
      ? { default_address: { country_code: input.country, province_code: input.customerProvince } }
      : undefined),
    product,
  };
}
