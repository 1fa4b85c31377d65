import { createHash } from "node:crypto";

/**
 * Metafields written through `metafieldsSet` and read back through `metafield` / `metafields` on their
 * owner. Values are checked against their type the way Shopify does for the common types; a call with
 * any invalid input writes nothing (metafieldsSet is atomic).
 */

export type MetafieldOwnerType = "API_PERMISSION" | "SHOP" | "PRODUCT" | "PRODUCTVARIANT" | "ORDER" | "CUSTOMER";

export interface StoredMetafield {
  __typename: "Metafield";
  id: string;
  ownerId: string;
  ownerType: MetafieldOwnerType;
  namespace: string;
  key: string;
  type: string;
  value: string;
  compareDigest: string;
  createdAt: string;
  updatedAt: string;
}

export interface MetafieldsSetInput {
  ownerId: string;
  namespace?: string | null;
  key: string;
  type?: string | null;
  value: string;
  compareDigest?: string | null;
}

export interface MetafieldIdentifierInput {
  ownerId: string;
  namespace: string;
  key: string;
}

export interface MetafieldsSetUserError {
  field: string[];
  message: string;
  code: string;
  elementIndex: number;
}

/** Shopify's limit on inputs per metafieldsSet call. */
export const METAFIELDS_SET_LIMIT = 25;

const INTEGER = /^-?\d+$/;
const DECIMAL = /^-?\d+(\.\d+)?$/;
const DATE = /^\d{4}-\d{2}-\d{2}$/;
const COLOR = /^#[0-9a-fA-F]{6}$/;

function parseJson(value: string): { ok: true; value: unknown } | { ok: false } {
  try {
    return { ok: true, value: JSON.parse(value) };
  } catch {
    return { ok: false };
  }
}

const isHttpUrl = (value: string) => {
  try {
    return ["http:", "https:"].includes(new URL(value).protocol);
  } catch {
    return false;
  }
};

type ScalarCheck = (value: string) => string | null;

const SCALAR_TYPES: Record<string, ScalarCheck> = {
  single_line_text_field: (value) => (/[\r\n]/.test(value) ? "Value must be a single line text string." : null),
  multi_line_text_field: () => null,
  number_integer: (value) =>
    INTEGER.test(value) && Number.isSafeInteger(Number(value)) ? null : "Value must be an integer.",
  number_decimal: (value) => (DECIMAL.test(value) ? null : "Value must be a decimal number."),
  boolean: (value) => (value === "true" || value === "false" ? null : "Value must be true or false."),
  date: (value) => (DATE.test(value) && !Number.isNaN(Date.parse(value)) ? null : "Value must be in YYYY-MM-DD format."),
  date_time: (value) => (!Number.isNaN(Date.parse(value)) && value.includes("T") ? null : "Value must be an ISO 8601 date and time."),
  url: (value) => (isHttpUrl(value) ? null : "Value must be a valid URL."),
  color: (value) => (COLOR.test(value) ? null : "Value must be a hex color code (#RRGGBB)."),
  json: (value) => (parseJson(value).ok ? null : "Value must be valid JSON."),
  rating: (value) => {
    const parsed = parseJson(value);
    if (!parsed.ok || typeof parsed.value !== "object" || parsed.value === null) {
      return 'Value must be a JSON object with "value", "scale_min" and "scale_max".';
    }
    const rating = parsed.value as Record<string, unknown>;
    const numbers = ["value", "scale_min", "scale_max"].map((name) => Number(rating[name]));
    if (numbers.some((n) => !Number.isFinite(n))) {
      return 'Value must be a JSON object with "value", "scale_min" and "scale_max".';
    }
    const [current, min, max] = numbers;
    if (min >= max) return "Rating scale_min must be less than scale_max.";
    return current < min || current > max ? `Rating value must be between ${min} and ${max}.` : null;
  },
};

/** The message Shopify would give for `value` under `type`, or null when the value is fine. */
export function checkMetafieldValue(type: string, value: string): { code: string; message: string } | null {
  if (type.startsWith("list.")) {
    const itemCheck = SCALAR_TYPES[type.slice("list.".length)];
    if (!itemCheck) return { code: "INVALID_TYPE", message: `Type '${type}' is not a valid metafield type.` };
    const parsed = parseJson(value);
    if (!parsed.ok || !Array.isArray(parsed.value)) return { code: "INVALID_VALUE", message: "Value must be a JSON array." };
    for (const item of parsed.value) {
      const text = typeof item === "string" ? item : JSON.stringify(item);
      const problem = itemCheck(text);
      if (problem) return { code: "INVALID_VALUE", message: `Each list item is checked: ${problem}` };
    }
    return null;
  }
  const check = SCALAR_TYPES[type];
  if (!check) return { code: "INVALID_TYPE", message: `Type '${type}' is not a valid metafield type.` };
  if (value === "" && type !== "multi_line_text_field") return { code: "BLANK", message: "Value can't be blank." };
  const problem = check(value);
  return problem ? { code: "INVALID_VALUE", message: problem } : null;
}

/** The typed value behind `Metafield.jsonValue`. */
export function metafieldJsonValue(metafield: Pick<StoredMetafield, "type" | "value">): unknown {
  const { type, value } = metafield;
  if (type === "json" || type === "rating" || type.startsWith("list.")) return JSON.parse(value);
  if (type === "number_integer" || type === "number_decimal") return Number(value);
  if (type === "boolean") return value === "true";
  return value;
}

const digestOf = (metafield: Pick<StoredMetafield, "id" | "value" | "type" | "updatedAt">) =>
  createHash("sha256").update(`${metafield.id}|${metafield.type}|${metafield.value}|${metafield.updatedAt}`).digest("hex");

export interface MetafieldStoreOptions {
  /** The app's API client id: `$app` namespaces resolve to `app--<id>`. */
  apiClientId: string;
  now: () => number;
  /** Which kind of owner an id names, or null when no such owner exists. */
  ownerTypeOf: (ownerId: string) => MetafieldOwnerType | null;
}

export interface MetafieldStore {
  /** `$app` → `app--<id>`, `$app:reviews` → `app--<id>--reviews`, anything else unchanged. */
  resolveNamespace(namespace: string | null | undefined): string;
  get(ownerId: string, namespace: string | null | undefined, key: string): StoredMetafield | null;
  list(ownerId: string, filter?: { namespace?: string | null; keys?: readonly string[] | null }): StoredMetafield[];
  byId(id: string): StoredMetafield | null;
  set(inputs: readonly MetafieldsSetInput[]): { metafields: StoredMetafield[]; userErrors: MetafieldsSetUserError[] };
  delete(identifiers: readonly MetafieldIdentifierInput[]): Array<MetafieldIdentifierInput | null>;
}

export function createMetafieldStore(options: MetafieldStoreOptions): MetafieldStore {
  const byOwner = new Map<string, Map<string, StoredMetafield>>();
  let nextId = 30_100_000_001;
  const slot = (namespace: string, key: string) => `${namespace}.${key}`;

  const resolveNamespace = (namespace: string | null | undefined): string => {
    const value = namespace ?? "$app";
    if (value === "$app") return `app--${options.apiClientId}`;
    if (value.startsWith("$app:")) return `app--${options.apiClientId}--${value.slice("$app:".length)}`;
    return value;
  };

  const get = (ownerId: string, namespace: string | null | undefined, key: string) =>
    byOwner.get(ownerId)?.get(slot(resolveNamespace(namespace), key)) ?? null;

  const validate = (input: MetafieldsSetInput, index: number): MetafieldsSetUserError[] => {
    const errors: MetafieldsSetUserError[] = [];
    const fail = (field: string, code: string, message: string) =>
      errors.push({ field: ["metafields", String(index), field], code, message, elementIndex: index });
    if (!options.ownerTypeOf(input.ownerId)) fail("ownerId", "INVALID", "Owner does not exist.");
    if (input.key.length < 2) fail("key", "TOO_SHORT", "Key is too short (minimum is 2 characters).");
    if (input.key.length > 64) fail("key", "TOO_LONG", "Key is too long (maximum is 64 characters).");
    if (!/^[A-Za-z0-9_-]+$/.test(input.key)) {
      fail("key", "INVALID", "Key contains one or more invalid characters.");
    }
    const namespace = resolveNamespace(input.namespace);
    if (namespace.length < 2) fail("namespace", "TOO_SHORT", "Namespace is too short (minimum is 2 characters).");
    const existing = get(input.ownerId, input.namespace, input.key);
    const type = input.type ?? existing?.type;
    if (!type) {
      fail("type", "BLANK", "Type can't be blank.");
    } else {
      const problem = checkMetafieldValue(type, input.value);
      if (problem) fail(problem.code === "INVALID_TYPE" ? "type" : "value", problem.code, problem.message);
    }
    if (input.compareDigest != null && existing && input.compareDigest !== existing.compareDigest) {
      fail(
        "compareDigest",
        "STALE_OBJECT",
        "The resource has been updated since it was loaded. Try again with an updated `compareDigest` value.",
      );
    }
    return errors;
  };

  return {
    resolveNamespace,
    get,
    list(ownerId, filter = {}) {
      const all = [...(byOwner.get(ownerId)?.values() ?? [])];
      const namespace = filter.namespace == null ? null : resolveNamespace(filter.namespace);
      const keys = filter.keys?.map((full) => {
        const dot = full.lastIndexOf(".");
        return slot(resolveNamespace(full.slice(0, dot)), full.slice(dot + 1));
      });
      return all.filter(
        (metafield) =>
          (namespace === null || metafield.namespace === namespace) &&
          (!keys || keys.includes(slot(metafield.namespace, metafield.key))),
      );
    },
    byId(id) {
      for (const owned of byOwner.values()) {
        for (const metafield of owned.values()) if (metafield.id === id) return metafield;
      }
      return null;
    },
    set(inputs) {
      if (inputs.length > METAFIELDS_SET_LIMIT) {
        return {
          metafields: [],
          userErrors: [
            {
              field: ["metafields"],
              code: "LESS_THAN_OR_EQUAL_TO",
              message: `Exceeded the maximum metafields input limit of ${METAFIELDS_SET_LIMIT}.`,
              elementIndex: 0,
            },
          ],
        };
      }
      const userErrors = inputs.flatMap(validate);
      if (userErrors.length > 0) return { metafields: [], userErrors };

      const now = new Date(options.now()).toISOString();
      const metafields = inputs.map((input) => {
        const namespace = resolveNamespace(input.namespace);
        const owned = byOwner.get(input.ownerId) ?? new Map<string, StoredMetafield>();
        byOwner.set(input.ownerId, owned);
        const existing = owned.get(slot(namespace, input.key));
        const metafield: StoredMetafield = {
          __typename: "Metafield",
          id: existing?.id ?? `gid://shopify/Metafield/${nextId++}`,
          ownerId: input.ownerId,
          ownerType: options.ownerTypeOf(input.ownerId)!,
          namespace,
          key: input.key,
          type: input.type ?? existing!.type,
          value: input.value,
          compareDigest: "",
          createdAt: existing?.createdAt ?? now,
          updatedAt: now,
        };
        metafield.compareDigest = digestOf(metafield);
        owned.set(slot(namespace, input.key), metafield);
        return metafield;
      });
      return { metafields, userErrors: [] };
    },
    delete(identifiers) {
      return identifiers.map((identifier) => {
        const owned = byOwner.get(identifier.ownerId);
        const key = slot(resolveNamespace(identifier.namespace), identifier.key);
        if (!owned?.delete(key)) return null;
        return identifier;
      });
    },
  };
}
