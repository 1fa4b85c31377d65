import {
  GraphQLError,
  Kind,
  execute,
  parse,
  validate,
  type DocumentNode,
  type GraphQLFormattedError,
  type GraphQLSchema,
} from "graphql";
import { calculateQueryCost, type CostBucket, type ThrottleOptions, type ThrottleStatus } from "./cost";
import { fieldResolver, typeResolver, type ResolverContext } from "./resolvers";
import { adminValidationRules } from "./validation";

export const RATE_LIMITS_DOCS = "https://shopify.dev/api/usage/rate-limits";

/** `extensions.cost`, exactly as Shopify shapes it. */
export interface CostExtension {
  requestedQueryCost: number;
  actualQueryCost: number | null;
  throttleStatus: ThrottleStatus;
}

export interface GraphQLAnswer {
  data?: Record<string, unknown> | null;
  errors?: GraphQLFormattedError[];
  extensions: { cost: CostExtension; search?: ResolverContext["searchReports"] };
}

export interface GraphQLRequestBody {
  query: string;
  variables?: Record<string, unknown> | null;
  operationName?: string | null;
}

interface PreparedDocument {
  document: DocumentNode | null;
  errors: readonly GraphQLError[];
}

/** Parsing and validating against the big schema takes milliseconds: do it once per distinct document. */
export function createDocumentCache(schema: GraphQLSchema, limit = 500) {
  const cache = new Map<string, PreparedDocument>();
  return (source: string): PreparedDocument => {
    const hit = cache.get(source);
    if (hit) return hit;
    let prepared: PreparedDocument;
    try {
      const document = parse(source);
      const errors = validate(schema, document, adminValidationRules);
      prepared = { document: errors.length === 0 ? document : null, errors };
    } catch (error) {
      prepared = { document: null, errors: [error instanceof GraphQLError ? error : new GraphQLError(String(error))] };
    }
    if (cache.size >= limit) cache.delete(cache.keys().next().value!);
    cache.set(source, prepared);
    return prepared;
  };
}

export function operationNameOf(document: DocumentNode | null, requested: string | null | undefined): string | null {
  if (requested) return requested;
  const operation = document?.definitions.find((def) => def.kind === Kind.OPERATION_DEFINITION);
  return operation?.kind === Kind.OPERATION_DEFINITION ? (operation.name?.value ?? null) : null;
}

export function throttledAnswer(requestedQueryCost: number, throttleStatus: ThrottleStatus): GraphQLAnswer {
  return {
    errors: [{ message: "Throttled", extensions: { code: "THROTTLED", documentation: RATE_LIMITS_DOCS } }],
    extensions: { cost: { requestedQueryCost, actualQueryCost: null, throttleStatus } },
  };
}

export interface EndpointDeps {
  schema: GraphQLSchema;
  prepare: (source: string) => PreparedDocument;
  bucket: CostBucket;
  throttle: ThrottleOptions;
  context: () => ResolverContext;
}

/** Runs one request the way Shopify does: validate, price, throttle, execute, refund the unused cost. */
export async function answerGraphQL(body: GraphQLRequestBody, deps: EndpointDeps): Promise<GraphQLAnswer> {
  const { document, errors } = deps.prepare(body.query);
  if (!document) {
    return {
      errors: errors.map((error) => error.toJSON()),
      extensions: { cost: { requestedQueryCost: 0, actualQueryCost: 0, throttleStatus: deps.bucket.status() } },
    };
  }
  const variables = body.variables ?? {};
  const operationName = body.operationName ?? null;
  const requested = calculateQueryCost(deps.schema, document, { operationName, variables });

  if (requested > deps.throttle.maxQueryCost) {
    return {
      errors: [
        {
          message: `Query cost is ${requested}, which exceeds the single query max cost limit (${deps.throttle.maxQueryCost}).`,
          extensions: { code: "MAX_COST_EXCEEDED", cost: requested, maxCost: deps.throttle.maxQueryCost, documentation: RATE_LIMITS_DOCS },
        },
      ],
      extensions: { cost: { requestedQueryCost: requested, actualQueryCost: null, throttleStatus: deps.bucket.status() } },
    };
  }
  if (!deps.bucket.tryTake(requested)) return throttledAnswer(requested, deps.bucket.status());

  const context = deps.context();
  const result = await execute({
    schema: deps.schema,
    document,
    rootValue: {},
    contextValue: context,
    variableValues: variables,
    operationName,
    fieldResolver,
    typeResolver,
  });
  // Shopify never charges more than it asked for (lists without a size are requested as one item).
  const actual = Math.min(requested, calculateQueryCost(deps.schema, document, { operationName, variables, data: result.data ?? null }));
  deps.bucket.refund(requested - actual);

  const cost = { requestedQueryCost: requested, actualQueryCost: actual, throttleStatus: deps.bucket.status() };
  return {
    ...(result.data !== undefined && { data: result.data as Record<string, unknown> | null }),
    ...(result.errors?.length && { errors: result.errors.map((error) => error.toJSON()) }),
    extensions: context.searchReports.length > 0 ? { cost, search: context.searchReports } : { cost },
  };
}
