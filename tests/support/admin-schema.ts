import { createHash } from "node:crypto";
import { readFileSync } from "node:fs";
import path from "node:path";
import { gunzipSync } from "node:zlib";
import { buildClientSchema, type GraphQLSchema, type IntrospectionQuery } from "graphql";

/** The Admin API version the app and the offline schema agree on. */
export const ADMIN_API_VERSION = "2026-07";

export const ADMIN_SCHEMA_PATH = path.resolve(
  import.meta.dirname,
  "shopify-admin-schema",
  `admin_${ADMIN_API_VERSION}.json.gz`,
);

/** Checksum of the file exactly as Shopify publishes it (see shopify-admin-schema/SOURCE.md). */
export const ADMIN_SCHEMA_SHA256 = "5bcde995c89c59acdb2ee494378d96f45ce7378a16ec829a74b71d696a08ef19";

/** What Shopify's introspection says about a field holding protected customer data. */
export interface ProtectedField {
  readonly subject: string;
  /** "name" | "email" | "phone" | "address" in the 2026-07 schema. */
  readonly content: string;
}

interface ShopifyIntrospectionField {
  name: string;
  isProtected?: boolean;
  protectedSubject?: string | null;
  protectedContent?: string | null;
}

interface LoadedSchema {
  schema: GraphQLSchema;
  protectedFields: ReadonlyMap<string, ProtectedField>;
}

let loaded: LoadedSchema | undefined;

/** Throws a clear error when the schema file is not the one recorded in SOURCE.md. */
export function assertSchemaChecksum(bytes: Uint8Array, expected = ADMIN_SCHEMA_SHA256): void {
  const actual = createHash("sha256").update(bytes).digest("hex");
  if (actual !== expected) {
    throw new Error(
      `Admin schema checksum mismatch for ${ADMIN_SCHEMA_PATH}: expected sha256 ${expected}, got ${actual}. ` +
        `Restore the file as described in shopify-admin-schema/SOURCE.md.`,
    );
  }
}

function load(): LoadedSchema {
  if (loaded) return loaded;
  const compressed = readFileSync(ADMIN_SCHEMA_PATH);
  assertSchemaChecksum(compressed);
  const parsed = JSON.parse(gunzipSync(compressed).toString("utf8")) as { data: IntrospectionQuery };
  loaded = {
    schema: buildClientSchema(parsed.data),
    protectedFields: collectProtectedFields(parsed.data),
  };
  return loaded;
}

function collectProtectedFields(introspection: IntrospectionQuery): ReadonlyMap<string, ProtectedField> {
  const fields = new Map<string, ProtectedField>();
  for (const type of introspection.__schema.types) {
    if (!("fields" in type) || !type.fields) continue;
    for (const field of type.fields as readonly ShopifyIntrospectionField[]) {
      if (field.isProtected && field.protectedContent) {
        fields.set(`${type.name}.${field.name}`, {
          subject: field.protectedSubject ?? "customer",
          content: field.protectedContent,
        });
      }
    }
  }
  return fields;
}

/** The real Admin GraphQL schema (2026-07), verified against its checksum and built once per process. */
export function loadAdminSchema(): GraphQLSchema {
  return load().schema;
}

/**
 * Fields Shopify marks as protected customer data, keyed `Type.field` (e.g. `Order.email`).
 * This metadata is part of Shopify's introspection file but not of a graphql-js schema.
 */
export function loadProtectedFields(): ReadonlyMap<string, ProtectedField> {
  return load().protectedFields;
}
