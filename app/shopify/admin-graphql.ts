/**
 * The Admin GraphQL client shape Aftercare's models accept: `admin.graphql` from `authenticate.admin`
 * in a request, or a client bound to an offline session in a job. Tests hand in either, bound to the
 * fake Admin API.
 */
export type AdminGraphql = (
  query: string,
  options?: { variables?: Record<string, unknown> },
) => Promise<Response>;

export interface GraphqlErrorDetail {
  message: string;
  extensions?: { code?: string; [key: string]: unknown };
}

export class AdminApiError extends Error {
  constructor(
    message: string,
    public readonly errors: GraphqlErrorDetail[] = [],
  ) {
    super(message);
    this.name = "AdminApiError";
  }
}

/** Runs a query and returns its `data`, or throws an AdminApiError naming Shopify's errors. */
export async function queryAdmin<T>(graphql: AdminGraphql, query: string, variables?: Record<string, unknown>): Promise<T> {
  const response = await graphql(query, variables ? { variables } : undefined);
  const body = (await response.json()) as { data?: T; errors?: GraphqlErrorDetail[] };
  if (body.errors?.length || !body.data) {
    const errors = body.errors ?? [];
    throw new AdminApiError(errors.map((e) => e.message).join("; ") || "Admin API returned no data", errors);
  }
  return body.data;
}
