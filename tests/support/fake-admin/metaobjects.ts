/**
 * Metaobjects in the fake Admin API: Shopify's standard definitions enabled with
 * `standardMetaobjectDefinitionEnable`, entries written with `metaobjectUpsert` / `metaobjectDelete`, and
 * read back with `metaobjects(type:)`, `metaobjectByHandle` and `metaobjectDefinitionByType`. Like
 * Shopify, an upsert is checked whole against the definition (unknown keys, missing required fields,
 * values that do not fit the field's type) and writes nothing when any userError is returned.
 */
import type { GraphQLResolveInfo } from "graphql";
import { buildConnection, type ConnectionArgs } from "./connection";

export interface MetaobjectFieldTemplate {
  key: string;
  name: string;
  type: string;
  required: boolean;
}

interface StandardTemplate {
  name: string;
  displayNameKey: string | null;
  fields: readonly MetaobjectFieldTemplate[];
}

const field = (key: string, name: string, type: string, required = false): MetaobjectFieldTemplate => ({ key, name, type, required });

/**
 * Shopify's standard product review definition (shopify.dev, "Standard metaobject definitions",
 * Product Review, id 2), with its field names as documented and keys in Shopify's snake_case form.
 */
export const STANDARD_METAOBJECT_TEMPLATES: Readonly<Record<string, StandardTemplate>> = {
  product_review: {
    name: "Product Review",
    displayNameKey: "title",
    fields: [
      field("rating", "Rating", "rating", true),
      field("title", "Title", "single_line_text_field"),
      field("body", "Body", "multi_line_text_field"),
      field("submitted_at", "Submitted At", "date_time", true),
      field("edited_at", "Edited At", "date_time"),
      field("published_at", "Published At", "date_time"),
      field("source", "Source", "single_line_text_field", true),
      field("author", "Author", "customer_reference"),
      field("author_display_name", "Author display name", "single_line_text_field"),
      field("order", "Order", "order_reference"),
      field("product", "Product", "product_reference"),
      field("product_variant", "Product Variant", "variant_reference"),
      field("merchant_reply", "Merchant Reply", "multi_line_text_field"),
      field("merchant_replied_at", "Merchant Replied At", "date_time"),
      field("media_urls", "Media URLs", "list.url"),
      field("language", "Language", "single_line_text_field"),
    ],
  },
};

export interface StoredMetaobjectField {
  key: string;
  type: string;
  value: string | null;
  jsonValue: unknown;
  definition: ReturnType<typeof fieldDefinition>;
}

export interface StoredMetaobject {
  __typename: "Metaobject";
  id: string;
  type: string;
  handle: string;
  displayName: string;
  fields: StoredMetaobjectField[];
  capabilities: { publishable: null; onlineStore: null };
  createdAt: string;
  updatedAt: string;
}

export interface MetaobjectUserError {
  field: string[] | null;
  message: string;
  code: string;
  elementKey: string | null;
  elementIndex: number | null;
}

interface FieldInput {
  key: string;
  value: string;
}

const REFERENCE_PREFIXES: Record<string, string> = {
  product_reference: "gid://shopify/Product/",
  variant_reference: "gid://shopify/ProductVariant/",
  order_reference: "gid://shopify/Order/",
  customer_reference: "gid://shopify/Customer/",
};

function fieldDefinition(template: MetaobjectFieldTemplate) {
  return {
    key: template.key,
    name: template.name,
    required: template.required,
    type: { name: template.type, category: template.type.startsWith("list.") ? "LIST" : "TEXT", supportsDefinitionMigrations: false },
    validations: [],
    capabilities: { adminFilterable: { enabled: false, eligible: false, status: "NOT_FILTERABLE" } },
  };
}

function jsonOf(value: string): unknown {
  try {
    return JSON.parse(value);
  } catch {
    return undefined;
  }
}

const isUrl = (value: unknown) => typeof value === "string" && /^https?:\/\/[^\s]+$/.test(value);

/** Why `value` does not fit a field of `type`, or null when it does. */
function invalidValue(type: string, value: string, exists: (id: string) => boolean): string | null {
  switch (type) {
    case "single_line_text_field":
      return /[\r\n]/.test(value) ? "Value must be a single line of text." : null;
    case "multi_line_text_field":
      return null;
    case "date_time":
      return /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}(:\d{2}(\.\d+)?)?(Z|[+-]\d{2}:\d{2})?$/.test(value) && !Number.isNaN(Date.parse(value))
        ? null
        : "Value must be in “YYYY-MM-DDTHH:MM:SS” format.";
    case "rating": {
      const rating = jsonOf(value) as { value?: unknown; scale_min?: unknown; scale_max?: unknown } | undefined;
      const [n, min, max] = [rating?.value, rating?.scale_min, rating?.scale_max].map((part) => (typeof part === "string" ? Number(part) : NaN));
      if (![n, min, max].every(Number.isFinite)) return "Value must be a rating with value, scale_min and scale_max.";
      return n < min || n > max ? `Value must be between ${min} and ${max}.` : null;
    }
    case "list.url": {
      const list = jsonOf(value);
      return Array.isArray(list) && list.every(isUrl) ? null : "Value must be a list of URLs with the http or https scheme.";
    }
    default: {
      const prefix = REFERENCE_PREFIXES[type];
      if (!prefix) return null;
      if (!value.startsWith(prefix)) return `Value must be a ${prefix.slice("gid://shopify/".length, -1)} reference.`;
      return exists(value) ? null : "Value references a resource that doesn't exist.";
    }
  }
}

export interface MetaobjectStore {
  enableStandard(type: string): { definition: ReturnType<MetaobjectStore["definition"]>; userErrors: MetaobjectUserError[] };
  definition(type: string): {
    __typename: "MetaobjectDefinition";
    id: string;
    type: string;
    name: string;
    displayNameKey: string | null;
    fieldDefinitions: ReturnType<typeof fieldDefinition>[];
    metaobjectsCount: number;
    createdAt: string;
    updatedAt: string;
  } | null;
  upsert(handle: { type: string; handle: string }, fields: readonly FieldInput[]): { metaobject: StoredMetaobject | null; userErrors: MetaobjectUserError[] };
  delete(id: string): { deletedId: string | null; userErrors: MetaobjectUserError[] };
  list(type: string): StoredMetaobject[];
  byHandle(type: string, handle: string): StoredMetaobject | null;
  byId(id: string): StoredMetaobject | null;
  /** One entry's values by key (null for a field with no value): handy in tests. */
  valuesOf(metaobject: StoredMetaobject): Record<string, string | null>;
}

const HANDLE = /^[a-z0-9][a-z0-9_-]*$/;

export function createMetaobjectStore(options: { now: () => number; exists: (id: string) => boolean }): MetaobjectStore {
  const enabled = new Map<string, { id: string; template: StandardTemplate; at: string }>();
  const objects = new Map<string, StoredMetaobject>();
  let nextId = 78_000_000_001;
  const stamp = () => new Date(options.now()).toISOString();
  const userError = (code: string, message: string, path: string[] | null, elementKey: string | null = null): MetaobjectUserError => ({
    code,
    message,
    field: path,
    elementKey,
    elementIndex: null,
  });

  const store: MetaobjectStore = {
    enableStandard(type) {
      const template = STANDARD_METAOBJECT_TEMPLATES[type];
      if (!template) return { definition: null, userErrors: [userError("RECORD_NOT_FOUND", "A standard definition wasn't found for the specified type.", ["type"])] };
      if (enabled.has(type)) return { definition: store.definition(type), userErrors: [userError("TAKEN", "Type has already been taken", ["type"])] };
      enabled.set(type, { id: `gid://shopify/MetaobjectDefinition/${nextId++}`, template, at: stamp() });
      return { definition: store.definition(type), userErrors: [] };
    },
    definition(type) {
      const entry = enabled.get(type);
      if (!entry) return null;
      return {
        __typename: "MetaobjectDefinition",
        id: entry.id,
        type,
        name: entry.template.name,
        displayNameKey: entry.template.displayNameKey,
        fieldDefinitions: entry.template.fields.map(fieldDefinition),
        metaobjectsCount: store.list(type).length,
        createdAt: entry.at,
        updatedAt: entry.at,
      };
    },
    upsert(handle, inputs) {
      const definition = enabled.get(handle.type);
      if (!definition) {
        return { metaobject: null, userErrors: [userError("UNDEFINED_OBJECT_TYPE", `No metaobject definition exists for type "${handle.type}"`, ["handle", "type"])] };
      }
      if (!HANDLE.test(handle.handle)) return { metaobject: null, userErrors: [userError("INVALID", "Handle is invalid", ["handle", "handle"])] };
      const key = `${handle.type}/${handle.handle}`;
      const existing = objects.get(key);
      const templates = new Map(definition.template.fields.map((template) => [template.key, template]));
      const errors: MetaobjectUserError[] = [];
      const seen = new Set<string>();
      const values = new Map<string, string | null>(existing?.fields.map((stored) => [stored.key, stored.value]) ?? []);
      for (const input of inputs) {
        const template = templates.get(input.key);
        if (!template) {
          errors.push(userError("UNDEFINED_OBJECT_FIELD", `Field definition "${input.key}" does not exist`, ["metaobject", "fields"], input.key));
          continue;
        }
        if (seen.has(input.key)) {
          errors.push(userError("DUPLICATE_FIELD_INPUT", `Field "${input.key}" duplicates other inputs`, ["metaobject", "fields"], input.key));
          continue;
        }
        seen.add(input.key);
        // A blank value clears the field.
        const problem = input.value === "" ? null : invalidValue(template.type, input.value, options.exists);
        if (problem) errors.push(userError("INVALID_VALUE", problem, ["metaobject", "fields"], input.key));
        else values.set(input.key, input.value === "" ? null : input.value);
      }
      for (const template of definition.template.fields) {
        if (template.required && !values.get(template.key)) {
          errors.push(userError("OBJECT_FIELD_REQUIRED", `${template.name} can't be blank`, ["metaobject", "fields"], template.key));
        }
      }
      if (errors.length > 0) return { metaobject: null, userErrors: errors };

      const now = stamp();
      const fields = definition.template.fields.map((template) => {
        const value = values.get(template.key) ?? null;
        return { key: template.key, type: template.type, value, jsonValue: value === null ? null : (jsonOf(value) ?? value), definition: fieldDefinition(template) };
      });
      const displayKey = definition.template.displayNameKey;
      const displayName = (displayKey && values.get(displayKey)) || `${definition.template.name} #${handle.handle}`;
      const metaobject: StoredMetaobject = existing
        ? { ...existing, fields, displayName, updatedAt: now }
        : {
            __typename: "Metaobject",
            id: `gid://shopify/Metaobject/${nextId++}`,
            type: handle.type,
            handle: handle.handle,
            displayName,
            fields,
            capabilities: { publishable: null, onlineStore: null },
            createdAt: now,
            updatedAt: now,
          };
      objects.set(key, metaobject);
      return { metaobject, userErrors: [] };
    },
    delete(id) {
      for (const [key, metaobject] of objects) {
        if (metaobject.id === id) {
          objects.delete(key);
          return { deletedId: id, userErrors: [] };
        }
      }
      return { deletedId: null, userErrors: [userError("RECORD_NOT_FOUND", "Record not found", ["id"])] };
    },
    list: (type) => [...objects.values()].filter((metaobject) => metaobject.type === type),
    byHandle: (type, handle) => objects.get(`${type}/${handle}`) ?? null,
    byId: (id) => [...objects.values()].find((metaobject) => metaobject.id === id) ?? null,
    valuesOf: (metaobject) => Object.fromEntries(metaobject.fields.map((stored) => [stored.key, stored.value])),
  };
  return store;
}

type Args = Record<string, unknown>;
type MetaobjectResolver = (source: never, args: Args, context: { state: { metaobjects: MetaobjectStore } }, info: GraphQLResolveInfo) => unknown;
const byId = (item: { id: string }) => item.id;

/** Resolvers merged into resolvers.ts, keyed by schema type and field. */
export const METAOBJECT_RESOLVERS: Record<string, Record<string, MetaobjectResolver>> = {
  QueryRoot: {
    metaobjects: (_, args, context) => {
      const list = context.state.metaobjects.list(String(args.type));
      return buildConnection(args.reverse ? list.reverse() : list, args as ConnectionArgs, byId);
    },
    metaobjectByHandle: (_, args, context) => {
      const handle = args.handle as { type: string; handle: string };
      return context.state.metaobjects.byHandle(handle.type, handle.handle);
    },
    metaobject: (_, args, context) => context.state.metaobjects.byId(String(args.id)),
    metaobjectDefinitionByType: (_, args, context) => context.state.metaobjects.definition(String(args.type)),
  },
  Mutation: {
    standardMetaobjectDefinitionEnable: (_, args, context) => {
      const result = context.state.metaobjects.enableStandard(String(args.type));
      return { metaobjectDefinition: result.definition, userErrors: result.userErrors };
    },
    metaobjectUpsert: (_, args, context) => {
      const input = (args.metaobject ?? {}) as { fields?: FieldInput[] | null };
      return context.state.metaobjects.upsert(args.handle as { type: string; handle: string }, input.fields ?? []);
    },
    metaobjectDelete: (_, args, context) => context.state.metaobjects.delete(String(args.id)),
  },
  Metaobject: {
    field: (metaobject: StoredMetaobject, args) => metaobject.fields.find((stored) => stored.key === args.key) ?? null,
    values: (metaobject: StoredMetaobject) => Object.fromEntries(metaobject.fields.filter((stored) => stored.value !== null).map((stored) => [stored.key, stored.value])),
  },
};
