import type { AdminMutations, AdminQueries } from "@shopify/admin-api-client";

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

/**
 * Every `#graphql` document in app/ with its result and variables, keyed by the document's text, as
 * generated from the pinned schema into app/types/admin.generated.d.ts (`npm run graphql-codegen`).
 */
export type AdminOperations = Generated<AdminQueries> & Generated<AdminMutations>;

/** The generated entries only, without the catch-all index signature the client library declares. */
type Generated<Operations> = {
  [Document in keyof Operations as string extends Document ? never : Document extends string ? Document : never]: Operations[Document];
};

/** A document codegen has seen. A document edited since the last generation is no longer one. */
export type AdminDocument = keyof AdminOperations;

/** What `data` holds when Shopify answers the document. */
export type ResultOf<D extends AdminDocument> = AdminOperations[D]["return"];

export type VariablesOf<D extends AdminDocument> = AdminOperations[D]["variables"];

/** The variables argument: optional when the document requires none. */
type VariablesArgument<D extends AdminDocument> = {} extends VariablesOf<D> ? [variables?: VariablesOf<D>] : [variables: VariablesOf<D>];

/** Runs a document and returns its `data`, typed from the schema, or throws an AdminApiError naming Shopify's errors. */
export async function queryAdmin<D extends AdminDocument>(
  graphql: AdminGraphql,
  query: D,
  ...[variables]: VariablesArgument<D>
): Promise<ResultOf<D>> {
  const response = await graphql(query, variables ? { variables } : undefined);
  const body = (await response.json()) as { data?: ResultOf<D>; errors?: GraphqlErrorDetail[] };
  if (body.errors?.length || !body.data) {
    const errors = body.errors ?? [];
    throw new AdminApiError(errors.map((e) => e.message).join("; ") || "Admin API returned no data", errors);
  }
  return body.data;
}
