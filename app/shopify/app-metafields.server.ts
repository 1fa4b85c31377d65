import { GraphqlQueryError, HttpRequestError, HttpResponseError } from "@shopify/shopify-api";
import { AdminApiError, queryAdmin, type AdminGraphql } from "./admin-graphql";

/**
 * Publishing app-data metafields: values stored on the app's own installation, which only this app can
 * write and which Liquid reads as `app.metafields.<namespace>.<key>` with no request to the app.
 * Shipping rules, return rules and review summaries all go out this way. No access scope is needed.
 */

/** Shopify sets at most this many metafields per `metafieldsSet` call. */
export const METAFIELDS_PER_SET = 25;

/**
 * Largest value Shopify accepts per type, in bytes (UTF-8), for API 2026-04 and later:
 * json 128 KB, id and url 2 KB, every other type 64 KB.
 */
export const METAFIELD_VALUE_LIMITS = {
  json: 128 * 1024,
  id: 2 * 1024,
  url: 2 * 1024,
  default: 64 * 1024,
} as const;

/** The metafield types the app publishes (Shopify's type names). */
export type AppMetafieldType =
  | "json"
  | "single_line_text_field"
  | "multi_line_text_field"
  | "number_integer"
  | "number_decimal"
  | "boolean"
  | "date"
  | "date_time"
  | "url";

export interface AppMetafieldEntry {
  namespace: string;
  key: string;
  type: AppMetafieldType;
  /** The value as Shopify stores it: JSON text for `json`, the plain string otherwise. */
  value: string;
  /** Another owner than the app installation (the shop, for what checkout UI extensions read). */
  ownerId?: string;
}

export interface MetafieldsSetUserError {
  field: string[] | null;
  message: string;
  code: string | null;
  /** Index into the whole list given to `publishAppMetafields` (not into one chunk). */
  elementIndex: number | null;
}

export interface PublishedMetafield {
  id: string;
  namespace: string;
  key: string;
}

/** A value Shopify would refuse, found before anything was sent. */
export class AppMetafieldValueError extends Error {
  constructor(
    message: string,
    public readonly entry: Pick<AppMetafieldEntry, "namespace" | "key" | "type">,
  ) {
    super(message);
    this.name = "AppMetafieldValueError";
  }
}

/** Shopify refused a `metafieldsSet` call. Earlier chunks may already be live: see `published`. */
export class AppMetafieldsSetError extends Error {
  constructor(
    public readonly userErrors: MetafieldsSetUserError[],
    public readonly published: PublishedMetafield[],
  ) {
    super(`Shopify refused the metafields: ${userErrors.map((error) => error.message).join("; ")}`);
    this.name = "AppMetafieldsSetError";
  }
}

const APP_INSTALLATION_QUERY = `#graphql
  query AppInstallationId {
    currentAppInstallation {
      id
    }
  }
`;

const METAFIELDS_SET_MUTATION = `#graphql
  mutation AppMetafieldsSet($metafields: [MetafieldsSetInput!]!) {
    metafieldsSet(metafields: $metafields) {
      metafields {
        id
        namespace
        key
      }
      userErrors {
        field
        message
        code
        elementIndex
      }
    }
  }
`;

/** The id (`gid://shopify/AppInstallation/...`) that owns the app's app-data metafields in this shop. */
export async function getAppInstallationId(graphql: AdminGraphql): Promise<string> {
  const data = await queryAdmin(graphql, APP_INSTALLATION_QUERY);
  const id = data.currentAppInstallation?.id;
  if (!id) throw new Error("Shopify returned no app installation for this shop");
  return id;
}

export function byteLength(value: string): number {
  return new TextEncoder().encode(value).length;
}

export function valueLimitFor(type: AppMetafieldType): number {
  return type === "json" || type === "url" ? METAFIELD_VALUE_LIMITS[type] : METAFIELD_VALUE_LIMITS.default;
}

// `$app` and `$app:<name>` are the app-reserved namespaces (Shopify stores them as `app--<id>[--<name>]`).
const NAMESPACE = /^(?:\$app(?::[A-Za-z0-9_-]{1,200})?|[A-Za-z0-9_-]{3,255})$/;
const KEY = /^[A-Za-z0-9_-]{2,64}$/;

/** Throws an AppMetafieldValueError naming the metafield if Shopify would refuse the entry. */
export function assertPublishable(entry: AppMetafieldEntry): void {
  const name = `${entry.namespace}.${entry.key}`;
  if (!NAMESPACE.test(entry.namespace)) {
    throw new AppMetafieldValueError(`${name}: a namespace is 3 to 255 letters, digits, "-" or "_"`, entry);
  }
  if (!KEY.test(entry.key)) {
    throw new AppMetafieldValueError(`${name}: a key is 2 to 64 letters, digits, "-" or "_"`, entry);
  }
  const size = byteLength(entry.value);
  const limit = valueLimitFor(entry.type);
  if (size > limit) {
    throw new AppMetafieldValueError(
      `${name} is ${size.toLocaleString("en")} bytes, over Shopify's limit of ${limit.toLocaleString("en")} bytes ` +
        `(${limit / 1024} KB) for ${entry.type} metafields`,
      entry,
    );
  }
  if (entry.type === "json") {
    try {
      JSON.parse(entry.value);
    } catch {
      throw new AppMetafieldValueError(`${name} is not valid JSON`, entry);
    }
  }
}

export function chunk<T>(items: readonly T[], size: number): T[][] {
  const chunks: T[][] = [];
  for (let start = 0; start < items.length; start += size) chunks.push(items.slice(start, start + size));
  return chunks;
}

/**
 * Sets app-data metafields on the app installation, at most 25 per call. Every entry is checked first,
 * so an oversized value stops the whole publication before any request. Each call is atomic on
 * Shopify's side; if a later call is refused, the AppMetafieldsSetError lists what is already live.
 */
export async function publishAppMetafields(
  graphql: AdminGraphql,
  entries: readonly AppMetafieldEntry[],
  options: { ownerId?: string } = {},
): Promise<PublishedMetafield[]> {
  if (entries.length === 0) return [];
  entries.forEach(assertPublishable);
  const ownerId = options.ownerId ?? (await getAppInstallationId(graphql));
  const published: PublishedMetafield[] = [];
  for (const [chunkIndex, batch] of chunk(entries, METAFIELDS_PER_SET).entries()) {
    const offset = chunkIndex * METAFIELDS_PER_SET;
    const data = await queryAdmin(graphql, METAFIELDS_SET_MUTATION, {
      metafields: batch.map((entry) => ({ ownerId: entry.ownerId ?? ownerId, namespace: entry.namespace, key: entry.key, type: entry.type, value: entry.value })),
    });
    const payload = data.metafieldsSet;
    const userErrors = (payload?.userErrors ?? []).map((error) => ({
      ...error,
      elementIndex: error.elementIndex === null ? null : error.elementIndex + offset,
    }));
    if (userErrors.length > 0) throw new AppMetafieldsSetError(userErrors, published);
    if (!payload?.metafields) {
      throw new AppMetafieldsSetError([{ field: null, message: "Shopify returned no metafields", code: null, elementIndex: null }], published);
    }
    published.push(...payload.metafields);
  }
  return published;
}

/**
 * A merchant-readable reason when publishing failed in a way worth retrying later (Shopify down or
 * throttling, a refused value), or null for an error to let through: an authentication response
 * (401/403, a redirect) that the embedded auth flow must handle, or a bug.
 */
export function publishFailureReason(error: unknown): string | null {
  if (error instanceof Response) {
    if (error.status === 401 || error.status === 403 || (error.status >= 300 && error.status < 400)) return null;
    return `Shopify answered ${error.status}${error.statusText ? ` ${error.statusText}` : ""}`;
  }
  if (error instanceof AppMetafieldsSetError || error instanceof AppMetafieldValueError) return error.message;
  if (error instanceof AdminApiError || error instanceof GraphqlQueryError) return error.message;
  if (error instanceof HttpResponseError) {
    const { code, statusText } = error.response;
    return `Shopify answered ${code}${statusText ? ` ${statusText}` : ""}`;
  }
  if (error instanceof HttpRequestError) return `Shopify could not be reached: ${error.message}`;
  return null;
}
