import { legacyIdOf } from "./ids";
import type { SeedCustomer, SeedOrder, SeedProduct } from "./types";

/**
 * A subset of Shopify's search syntax for the `query` argument: space-separated `field:value` terms,
 * all of which must match, with `>`, `>=`, `<`, `<=` before a value and `-` to negate a term.
 * Terms the fake does not understand are ignored and reported the way Shopify reports them, as a
 * warning under `extensions.search`; `OR` and parentheses are not supported (also warned about).
 */

export type Comparator = "=" | ">" | ">=" | "<" | "<=";

export interface SearchTerm {
  field: string | null;
  comparator: Comparator;
  value: string;
  negated: boolean;
}

export interface SearchWarning {
  field: string;
  message: string;
}

type Predicate<T> = (item: T) => boolean;
/** Builds a predicate for one term, or returns a warning message when the value is not understood. */
type FieldFilter<T> = (term: SearchTerm) => Predicate<T> | string;

const TOKEN = /(-?)(?:([A-Za-z_]+):)?(?:"([^"]*)"|'([^']*)'|(\S+))/g;

export function parseSearchQuery(query: string): { terms: SearchTerm[]; warnings: SearchWarning[] } {
  const terms: SearchTerm[] = [];
  const warnings: SearchWarning[] = [];
  for (const match of query.matchAll(TOKEN)) {
    const [, minus, field, doubleQuoted, singleQuoted, bare] = match;
    let value = doubleQuoted ?? singleQuoted ?? bare ?? "";
    if (!field && (value === "AND" || value === "")) continue;
    if (!field && (value === "OR" || value.startsWith("(") || value.endsWith(")"))) {
      warnings.push({ field: value, message: "The fake Admin API does not support OR or grouping; the term was ignored." });
      continue;
    }
    let comparator: Comparator = "=";
    const operator = /^(>=|<=|>|<)/.exec(value);
    if (field && operator) {
      comparator = operator[1] as Comparator;
      value = value.slice(operator[1].length).replace(/^['"]|['"]$/g, "");
    }
    terms.push({ field: field ? field.toLowerCase() : null, comparator, value, negated: minus === "-" });
  }
  return { terms, warnings };
}

function compare(actual: number, term: SearchTerm, expected: number): boolean {
  switch (term.comparator) {
    case ">":
      return actual > expected;
    case ">=":
      return actual >= expected;
    case "<":
      return actual < expected;
    case "<=":
      return actual <= expected;
    default:
      return actual === expected;
  }
}

const DATE_ONLY = /^\d{4}-\d{2}-\d{2}$/;

function dateFilter<T>(read: (item: T) => string | null): FieldFilter<T> {
  return (term) => {
    const expected = Date.parse(DATE_ONLY.test(term.value) ? `${term.value}T00:00:00Z` : term.value);
    if (Number.isNaN(expected)) return `Invalid date: ${term.value}`;
    if (term.comparator === "=" && DATE_ONLY.test(term.value)) {
      return (item) => read(item)?.slice(0, 10) === term.value;
    }
    return (item) => {
      const value = read(item);
      return value !== null && compare(Date.parse(value), term, expected);
    };
  };
}

function idFilter<T extends { id: string }>(): FieldFilter<T> {
  return (term) => {
    const expected = Number(legacyIdOf(term.value) ?? term.value);
    if (!Number.isFinite(expected)) return `Invalid id: ${term.value}`;
    return (item) => compare(Number(legacyIdOf(item.id)), term, expected);
  };
}

function oneOf<T>(read: (item: T) => string, values: Record<string, readonly string[] | "any">): FieldFilter<T> {
  return (term) => {
    const accepted = values[term.value.toLowerCase()];
    if (!accepted) return `Unsupported value: ${term.value}`;
    if (accepted === "any") return () => true;
    return (item) => accepted.includes(read(item));
  };
}

const equalsIgnoringCase = <T>(read: (item: T) => string | null): FieldFilter<T> => (term) => (item) =>
  read(item)?.toLowerCase() === term.value.toLowerCase();

const hasTag = <T extends { tags: string[] }>(): FieldFilter<T> => (term) => (item) =>
  item.tags.some((tag) => tag.toLowerCase() === term.value.toLowerCase());

function orderStatus(order: SeedOrder): string {
  if (order.cancelledAt !== null) return "cancelled";
  return order.closed ? "closed" : "open";
}

export const ORDER_FILTERS: Record<string, FieldFilter<SeedOrder>> = {
  created_at: dateFilter((order) => order.createdAt),
  updated_at: dateFilter((order) => order.updatedAt),
  processed_at: dateFilter((order) => order.processedAt),
  id: idFilter(),
  name: (term) => (order) => order.name === (term.value.startsWith("#") ? term.value : `#${term.value}`),
  email: equalsIgnoringCase((order) => order.email),
  tag: hasTag(),
  customer_id: (term) => (order) => legacyIdOf(order.customerId) === term.value,
  status: oneOf(orderStatus, { open: ["open"], closed: ["closed"], cancelled: ["cancelled"], any: "any" }),
  fulfillment_status: oneOf((order) => order.displayFulfillmentStatus, {
    shipped: ["FULFILLED"],
    fulfilled: ["FULFILLED"],
    partial: ["PARTIALLY_FULFILLED"],
    unshipped: ["UNFULFILLED"],
    unfulfilled: ["UNFULFILLED", "PARTIALLY_FULFILLED"],
    any: "any",
  }),
  financial_status: oneOf((order) => order.displayFinancialStatus, {
    paid: ["PAID"],
    pending: ["PENDING"],
    authorized: ["AUTHORIZED"],
    refunded: ["REFUNDED"],
    partially_refunded: ["PARTIALLY_REFUNDED"],
    voided: ["VOIDED"],
    any: "any",
  }),
};

export const PRODUCT_FILTERS: Record<string, FieldFilter<SeedProduct>> = {
  id: idFilter(),
  handle: equalsIgnoringCase((product) => product.handle),
  title: (term) => (product) => product.title.toLowerCase().includes(term.value.toLowerCase()),
  product_type: equalsIgnoringCase((product) => product.productType),
  vendor: equalsIgnoringCase((product) => product.vendor),
  status: equalsIgnoringCase((product) => product.status),
  tag: hasTag(),
  created_at: dateFilter((product) => product.createdAt),
  updated_at: dateFilter((product) => product.updatedAt),
};

export const CUSTOMER_FILTERS: Record<string, FieldFilter<SeedCustomer>> = {
  id: idFilter(),
  email: equalsIgnoringCase((customer) => customer.email),
  country: (term) => (customer) =>
    [customer.defaultAddress.countryCodeV2, customer.defaultAddress.country].some(
      (value) => value.toLowerCase() === term.value.toLowerCase(),
    ),
  tag: hasTag(),
  created_at: dateFilter((customer) => customer.createdAt),
  updated_at: dateFilter((customer) => customer.updatedAt),
};

/** Filters `items` by `query`; unknown fields and values are skipped and come back as warnings. */
export function applySearch<T>(
  items: readonly T[],
  query: string | null | undefined,
  filters: Record<string, FieldFilter<T>>,
): { items: readonly T[]; warnings: SearchWarning[] } {
  if (!query || !query.trim()) return { items, warnings: [] };
  const { terms, warnings } = parseSearchQuery(query);
  const predicates: Predicate<T>[] = [];
  for (const term of terms) {
    const filter = term.field ? filters[term.field] : undefined;
    if (!filter) {
      warnings.push({
        field: term.field ?? term.value,
        message: term.field ? "Invalid search field for this query." : "Free-text search is not supported by the fake Admin API.",
      });
      continue;
    }
    const predicate = filter(term);
    if (typeof predicate === "string") {
      warnings.push({ field: term.field!, message: predicate });
      continue;
    }
    predicates.push(term.negated ? (item) => !predicate(item) : predicate);
  }
  return { items: items.filter((item) => predicates.every((predicate) => predicate(item))), warnings };
}
