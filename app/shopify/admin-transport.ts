/**
 * The raw Admin GraphQL exchange the order sync needs: data, errors and `extensions.cost` together
 * (queryAdmin throws on any error, but a sync must read THROTTLED answers and tolerate fields denied
 * for protected customer data). Two sources: `admin.graphql` inside a request, or an offline token
 * (offline-admin.server.ts) in a background job.
 */
import type { AdminGraphql, GraphqlErrorDetail } from "./admin-graphql";
import type { QueryCost } from "./throttle";

export interface AdminResult<T> {
  data: T | null;
  errors: GraphqlErrorDetail[];
  cost: QueryCost | null;
}

export type AdminTransport = <T>(query: string, variables?: Record<string, unknown>) => Promise<AdminResult<T>>;

/** A response that is not a GraphQL answer: HTTP 5xx, 429, a timeout or a dropped connection. */
export class AdminTransportError extends Error {
  constructor(
    message: string,
    public readonly status: number | null,
  ) {
    super(message);
    this.name = "AdminTransportError";
  }

  /** Worth retrying: the same request may well succeed a moment later. */
  get transient(): boolean {
    return this.status === null || this.status === 429 || this.status >= 500;
  }
}

interface GraphqlBody<T> {
  data?: T | null;
  errors?: GraphqlErrorDetail[];
  extensions?: { cost?: QueryCost };
}

export function resultFromBody<T>(body: GraphqlBody<T>): AdminResult<T> {
  return { data: body.data ?? null, errors: body.errors ?? [], cost: body.extensions?.cost ?? null };
}

/** Adapts `admin.graphql` (from authenticate.admin or unauthenticated.admin) to a transport. */
export function transportFromGraphql(graphql: AdminGraphql): AdminTransport {
  return async <T>(query: string, variables?: Record<string, unknown>) => {
    let response: Response;
    try {
      response = await graphql(query, variables ? { variables } : undefined);
    } catch (error) {
      throw new AdminTransportError(error instanceof Error ? error.message : String(error), null);
    }
    if (!response.ok) throw new AdminTransportError(`Admin API answered HTTP ${response.status}`, response.status);
    return resultFromBody<T>((await response.json()) as GraphqlBody<T>);
  };
}
