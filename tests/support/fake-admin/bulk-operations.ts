/**
 * Bulk operations for the fake Admin API, as Shopify runs them: `bulkOperationRunQuery` takes a query
 * with no page sizes, the operation goes CREATED -> RUNNING -> COMPLETED over a few polls of
 * `bulkOperation(id:)`, and the result is a JSONL file (one object a line; nodes of nested connections
 * as their own lines with `__parentId`, after their parent) downloaded from the operation's `url`.
 * Also `ordersCount`, which a sync asks before choosing pages or bulk.
 *
 * It wraps a fake built by `createFakeAdmin`: these operations are answered here (priced with the
 * fake's cost rules, not taken from its bucket, and logged in `bulkRequests`); everything else goes
 * to the fake. The result file is served from the shop's own domain, under /__bulk/.
 */
import {
  Kind,
  execute,
  parse,
  specifiedRules,
  validate,
  visit,
  type ArgumentNode,
  type DocumentNode,
  type OperationDefinitionNode,
  type ValueNode,
} from "graphql";
import { loadAdminSchema, loadProtectedFields } from "../admin-schema";
import { calculateQueryCost } from "./cost";
import { createProtectedDataPolicy, type ProtectedCustomerDataAccess } from "./protected-data";
import { fieldResolver, typeResolver, type ResolverContext } from "./resolvers";
import { RECENT_ORDERS_DAYS } from "./seed-truth";
import { createFakeAdmin, type FakeAdmin, type FakeAdminOptions } from "./server";
import type { SeedOrder } from "./types";

export type FakeBulkStatus = "CREATED" | "RUNNING" | "COMPLETED" | "FAILED";

export interface FakeBulkOperation {
  id: string;
  query: string;
  status: FakeBulkStatus;
  createdAt: string;
  completedAt: string | null;
  objectCount: number;
  rootObjectCount: number;
  /** The JSONL result, computed when the operation starts. */
  jsonl: string;
  pollsLeft: number;
  errorCode: string | null;
}

export interface BulkRequest {
  operation: "bulkOperationRunQuery" | "bulkOperation" | "ordersCount" | "download";
  requestedQueryCost: number;
  actualQueryCost: number;
}

export interface FakeAdminWithBulk extends FakeAdmin {
  readonly bulkOperations: FakeBulkOperation[];
  readonly bulkRequests: BulkRequest[];
  /** The next operation ends FAILED with this error code. */
  failNextBulkOperation(errorCode: "ACCESS_DENIED" | "INTERNAL_SERVER_ERROR" | "TIMEOUT"): void;
}

export interface BulkOptions {
  /** Polls answered RUNNING before an operation completes; default 2. */
  pollsUntilDone?: number;
  /** The result is streamed in chunks of this many bytes; default 64 KiB. */
  chunkSize?: number;
}

const PAGE = 250;
const DAY = 86_400_000;
const json = (body: unknown) => new Response(JSON.stringify(body), { headers: { "Content-Type": "application/json" } });
const HANDLED = new Set(["bulkOperationRunQuery", "bulkOperation", "ordersCount"]);

const PAGE_INFO = (parse("{ pageInfo { hasNextPage endCursor } }").definitions[0] as OperationDefinitionNode).selectionSet.selections[0];

const argument = (name: string, value: ValueNode): ArgumentNode => ({ kind: Kind.ARGUMENT, name: { kind: Kind.NAME, value: name }, value });

/** Adds page sizes to every connection, and the cursor and pageInfo to the root connection. */
function pagedDocument(document: DocumentNode, after: string | null): DocumentNode {
  let depth = 0;
  return visit(document, {
    Field: {
      enter(node) {
        depth += 1;
        const isConnection = node.selectionSet?.selections.some(
          (selection) => selection.kind === Kind.FIELD && (selection.name.value === "edges" || selection.name.value === "nodes"),
        );
        if (!isConnection || !node.selectionSet) return undefined;
        const isRoot = depth === 1;
        const args = (node.arguments ?? []).filter((arg) => arg.name.value !== "first" && arg.name.value !== "after");
        args.push(argument("first", { kind: Kind.INT, value: String(PAGE) }));
        if (isRoot && after) args.push(argument("after", { kind: Kind.STRING, value: after }));
        const selections = isRoot ? [...node.selectionSet.selections, PAGE_INFO] : node.selectionSet.selections;
        return { ...node, arguments: args, selectionSet: { ...node.selectionSet, selections } };
      },
      leave() {
        depth -= 1;
      },
    },
  });
}

type Row = Record<string, unknown>;
const isConnectionValue = (value: unknown): value is { edges?: Array<{ node: Row }>; nodes?: Row[] } =>
  typeof value === "object" && value !== null && !Array.isArray(value) && ("edges" in value || "nodes" in value);
const nodesOf = (connection: { edges?: Array<{ node: Row }>; nodes?: Row[] }) =>
  connection.nodes ?? (connection.edges ?? []).map((edge) => edge.node);

/** One node and its nested connections' nodes, flattened into JSONL lines. */
function flatten(node: Row, parentId: string | null, lines: string[]): void {
  const own: Row = {};
  const children: Row[] = [];
  for (const [key, value] of Object.entries(node)) {
    if (isConnectionValue(value)) children.push(...nodesOf(value));
    else own[key] = value;
  }
  if (parentId) own.__parentId = parentId;
  lines.push(JSON.stringify(own));
  for (const child of children) flatten(child, String(node.id), lines);
}

export function createFakeAdminWithBulk(options: FakeAdminOptions = {}, bulk: BulkOptions = {}): FakeAdminWithBulk {
  const fake = createFakeAdmin(options);
  const schema = loadAdminSchema();
  const clock = options.clock ?? (() => Date.now());
  const policy = createProtectedDataPolicy(options.protectedCustomerData ?? true, loadProtectedFields());
  const cutoff = Date.parse(fake.seed.now) - RECENT_ORDERS_DAYS * DAY;
  const isOrderVisible = (options.readAllOrders ?? true) ? () => true : (order: SeedOrder) => Date.parse(order.createdAt) >= cutoff;
  const context = (): ResolverContext => ({ state: fake.state, policy, isOrderVisible, searchReports: [] });
  const operations: FakeBulkOperation[] = [];
  const bulkRequests: BulkRequest[] = [];
  const failures: string[] = [];
  const resultPath = (id: string) => `/__bulk/${encodeURIComponent(id.split("/").pop()!)}.jsonl`;

  async function runBulkQuery(source: string): Promise<{ jsonl: string; objects: number; roots: number }> {
    const document = parse(source);
    const lines: string[] = [];
    let roots = 0;
    let after: string | null = null;
    for (;;) {
      const result = await execute({ schema, document: pagedDocument(document, after), rootValue: {}, contextValue: context(), fieldResolver, typeResolver });
      if (result.errors?.length) throw new Error(result.errors.map((error) => error.message).join("; "));
      const [root] = Object.values(result.data ?? {}) as Array<{ pageInfo: { hasNextPage: boolean; endCursor: string | null } } & Row>;
      for (const node of nodesOf(root as { edges?: Array<{ node: Row }> })) {
        roots += 1;
        flatten(node, null, lines);
      }
      if (!root.pageInfo.hasNextPage) break;
      after = root.pageInfo.endCursor;
    }
    return { jsonl: lines.map((line) => `${line}\n`).join(""), objects: lines.length, roots };
  }

  async function countOrders(query: string | null): Promise<number> {
    const source = `{ orders${query ? `(query: ${JSON.stringify(query)})` : ""} { edges { node { id } } } }`;
    return (await runBulkQuery(source)).roots;
  }

  function view(operation: FakeBulkOperation) {
    const completed = operation.status === "COMPLETED";
    return {
      __typename: "BulkOperation",
      id: operation.id,
      status: operation.status,
      type: "QUERY",
      query: operation.query,
      createdAt: operation.createdAt,
      completedAt: operation.completedAt,
      errorCode: operation.errorCode,
      objectCount: String(completed ? operation.objectCount : 0),
      rootObjectCount: String(completed ? operation.rootObjectCount : 0),
      fileSize: completed ? String(Buffer.byteLength(operation.jsonl)) : null,
      url: completed && operation.objectCount > 0 ? `https://${fake.shopDomain}${resultPath(operation.id)}` : null,
      partialDataUrl: null,
    };
  }

  const rootValue = {
    ordersCount: async ({ query }: { query?: string | null }) => ({ count: await countOrders(query ?? null), precision: "EXACT" }),
    bulkOperation: ({ id }: { id: string }) => {
      const operation = operations.find((candidate) => candidate.id === id);
      if (!operation) return null;
      if (operation.status === "CREATED" || operation.status === "RUNNING") {
        operation.pollsLeft -= 1;
        if (operation.pollsLeft > 0) {
          operation.status = "RUNNING";
        } else {
          operation.errorCode = failures.shift() ?? null;
          operation.status = operation.errorCode ? "FAILED" : "COMPLETED";
          operation.completedAt = new Date(clock()).toISOString();
        }
      }
      return view(operation);
    },
    bulkOperationRunQuery: async ({ query }: { query: string }) => {
      const userError = (message: string, code: string) => ({ bulkOperation: null, userErrors: [{ field: ["query"], message, code }] });
      if (operations.some((operation) => operation.status === "CREATED" || operation.status === "RUNNING")) {
        return userError("A bulk query operation for this app and shop is already in progress.", "OPERATION_IN_PROGRESS");
      }
      let document: DocumentNode;
      try {
        document = parse(query);
      } catch (error) {
        return userError(`Invalid bulk query: ${(error as Error).message}`, "INVALID");
      }
      const problems = validate(schema, document, specifiedRules);
      if (problems.length > 0) return userError(`Invalid bulk query: ${problems[0].message}`, "INVALID");
      const result = await runBulkQuery(query);
      const operation: FakeBulkOperation = {
        id: `gid://shopify/BulkOperation/${720000000001 + operations.length}`,
        query,
        status: "CREATED",
        createdAt: new Date(clock()).toISOString(),
        completedAt: null,
        objectCount: result.objects,
        rootObjectCount: result.roots,
        jsonl: result.jsonl,
        pollsLeft: (bulk.pollsUntilDone ?? 2) + 1,
        errorCode: null,
      };
      operations.push(operation);
      return { bulkOperation: view(operation), userErrors: [] };
    },
  };

  function download(id: string): Response {
    const operation = operations.find((candidate) => resultPath(candidate.id) === id && candidate.status === "COMPLETED");
    if (!operation) return new Response("Not Found", { status: 404 });
    bulkRequests.push({ operation: "download", requestedQueryCost: 0, actualQueryCost: 0 });
    const bytes = Buffer.from(operation.jsonl, "utf8");
    const size = bulk.chunkSize ?? 65_536;
    let offset = 0;
    const body = new ReadableStream<Uint8Array>({
      pull(controller) {
        if (offset >= bytes.length) return controller.close();
        controller.enqueue(new Uint8Array(bytes.subarray(offset, offset + size)));
        offset += size;
      },
    });
    return new Response(body, { headers: { "Content-Type": "application/jsonl" } });
  }

  async function handle(request: Request): Promise<Response> {
    const url = new URL(request.url);
    if (url.pathname.startsWith("/__bulk/")) return download(url.pathname);
    if (request.method !== "POST" || !url.pathname.endsWith("/graphql.json")) return fake.handle(request);
    const text = await request.text();
    const replay = () => fake.handle(new Request(request.url, { method: "POST", headers: request.headers, body: text }));
    let body: { query: string; variables?: Record<string, unknown> };
    let document: DocumentNode;
    try {
      body = JSON.parse(text) as typeof body;
      document = parse(body.query);
    } catch {
      return replay();
    }
    const operation = document.definitions.find((def) => def.kind === Kind.OPERATION_DEFINITION);
    const rootFields =
      operation?.kind === Kind.OPERATION_DEFINITION
        ? operation.selectionSet.selections.flatMap((selection) => (selection.kind === Kind.FIELD ? [selection.name.value] : []))
        : [];
    if (rootFields.length === 0 || !rootFields.every((name) => HANDLED.has(name))) return replay();
    if (request.headers.get("x-shopify-access-token") !== fake.accessToken) return replay();

    const variables = body.variables ?? {};
    const requested = calculateQueryCost(schema, document, { variables });
    const result = await execute({ schema, document, rootValue, variableValues: variables });
    const actual = calculateQueryCost(schema, document, { variables, data: (result.data as Record<string, unknown>) ?? null });
    bulkRequests.push({ operation: rootFields[0] as BulkRequest["operation"], requestedQueryCost: requested, actualQueryCost: actual });
    return json({
      ...(result.data !== undefined && { data: result.data }),
      ...(result.errors?.length && { errors: result.errors.map((error) => error.toJSON()) }),
      extensions: { cost: { requestedQueryCost: requested, actualQueryCost: actual, throttleStatus: fake.throttleStatus() } },
    });
  }

  return {
    ...fake,
    handle,
    bulkOperations: operations,
    bulkRequests,
    failNextBulkOperation(errorCode) {
      failures.push(errorCode);
    },
  };
}
