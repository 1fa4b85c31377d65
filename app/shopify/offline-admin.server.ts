/**
 * An Admin GraphQL transport for work that runs outside a request (the order sync job), bound to the
 * shop's offline access token, on graphql-request.
 */
import { ClientError, GraphQLClient } from "graphql-request";
import type { GraphqlErrorDetail } from "./admin-graphql";
import { AdminTransportError, resultFromBody, type AdminTransport } from "./admin-transport";
import type { QueryCost } from "./throttle";

/** A query that has not answered in this long is abandoned (and retried by the caller). */
export const ADMIN_REQUEST_TIMEOUT_MS = 30_000;

export interface OfflineAdminOptions {
  shop: string;
  accessToken: string;
  apiVersion: string;
  timeoutMs?: number;
}

export function adminGraphqlUrl(shop: string, apiVersion: string): string {
  return `https://${shop}/admin/api/${apiVersion}/graphql.json`;
}

export function createOfflineTransport(options: OfflineAdminOptions): AdminTransport {
  const client = new GraphQLClient(adminGraphqlUrl(options.shop, options.apiVersion), {
    headers: { "X-Shopify-Access-Token": options.accessToken },
    errorPolicy: "all",
    // Resolved per request, so an interceptor installed later (tests, the demo) is honoured.
    fetch: (input, init) => globalThis.fetch(input, init),
  });
  const timeoutMs = options.timeoutMs ?? ADMIN_REQUEST_TIMEOUT_MS;

  return async <T>(query: string, variables?: Record<string, unknown>) => {
    try {
      const response = await client.rawRequest<T>({ query, variables, signal: AbortSignal.timeout(timeoutMs) });
      return resultFromBody<T>({
        data: response.data,
        errors: (response.errors ?? []) as GraphqlErrorDetail[],
        extensions: response.extensions as { cost?: QueryCost } | undefined,
      });
    } catch (error) {
      if (error instanceof ClientError) {
        const { status, errors, data, extensions } = error.response;
        // A GraphQL answer carried by an HTTP error status (a THROTTLED answer may come as 429).
        if (status < 500 && errors?.length) {
          return resultFromBody<T>({ data: data as T | undefined, errors: errors as GraphqlErrorDetail[], extensions: extensions as { cost?: QueryCost } });
        }
        throw new AdminTransportError(`Admin API answered HTTP ${status}`, status);
      }
      const message = error instanceof Error ? error.message : String(error);
      throw new AdminTransportError(`Admin API request failed: ${message}`, null);
    }
  };
}
