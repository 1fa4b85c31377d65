import { createServer, type IncomingMessage, type ServerResponse } from "node:http";
import type { AddressInfo } from "node:net";
import { ADMIN_API_VERSION, loadAdminSchema, loadProtectedFields } from "../admin-schema";
import { TEST_API_KEY, TEST_API_SECRET } from "../test-env";
import { handleConfirmationRequest } from "./billing";
import { DEFAULT_THROTTLE, createCostBucket, type ThrottleOptions, type ThrottleStatus } from "./cost";
import {
  answerGraphQL,
  createDocumentCache,
  operationNameOf,
  throttledAnswer,
  type CostExtension,
  type GraphQLAnswer,
  type GraphQLRequestBody,
} from "./graphql-endpoint";
import { createProtectedDataPolicy, type ProtectedCustomerDataAccess } from "./protected-data";
import { createSeedShop } from "./seed";
import { RECENT_ORDERS_DAYS } from "./seed-truth";
import { createFakeAdminState, type FakeAdminState } from "./state";
import { exchangeToken } from "./token-exchange";
import type { SeedShop, SeedShopRecord } from "./types";

export type FaultKind = "500" | "timeout" | "throttled";

export interface FakeAdminOptions {
  /** The data to serve; default `createSeedShop()`. The shop's domain is the host the fake answers. */
  shop?: SeedShop;
  /** The offline token the API accepts (and token exchange hands out). */
  accessToken?: string;
  /** App credentials for token exchange; default SHOPIFY_API_KEY / SHOPIFY_API_SECRET, else the test ones. */
  apiKey?: string;
  apiSecret?: string;
  /** The app's numeric id: app-owned metafield namespaces (`$app`) become `app--<id>`. */
  apiClientId?: string;
  /** Granted scopes; default read_orders, read_products, read_customers, plus read_all_orders when allowed. */
  scopes?: readonly string[];
  /**
   * Milliseconds since the epoch; drives metafield timestamps and token expiry, and, when given, the
   * cost bucket too (a virtual clock for throttling tests). Without it: Date.now, and a monotonic bucket.
   */
  clock?: () => number;
  throttle?: Partial<ThrottleOptions>;
  /** Default true. See protected-data.ts for `false` and `{ fields: [...] }`. */
  protectedCustomerData?: ProtectedCustomerDataAccess;
  /** Default true. When false, orders created more than 60 days before the seed's `now` are hidden. */
  readAllOrders?: boolean;
  /** A "timeout" fault answers 504 after this long unless the client aborts first; default 1000 ms. */
  timeoutFaultMs?: number;
}

export interface RecordedRequest {
  kind: "graphql" | "token-exchange" | "other";
  method: string;
  url: string;
  status: number;
  operationName: string | null;
  query: string | null;
  variables: Record<string, unknown> | null;
  cost: CostExtension | null;
  /** `extensions.code` of every error in the answer (THROTTLED, ACCESS_DENIED, ...). */
  errorCodes: string[];
  fault: FaultKind | null;
  at: number;
}

export interface FakeAdmin {
  readonly shopDomain: string;
  /** The Shop record the API serves (name, domain, policies...). */
  readonly shop: SeedShopRecord;
  /** All the data the fake started from. */
  readonly seed: SeedShop;
  readonly accessToken: string;
  /** `https://<shop>/admin/api/2026-07/graphql.json` */
  readonly graphqlUrl: string;
  readonly state: FakeAdminState;
  /** Everything the fake answered, oldest first. */
  readonly requests: RecordedRequest[];
  /** The fetch-style handler: give it to `routeShop(shopDomain, fake.handle)`. */
  handle(request: Request): Promise<Response>;
  /**
   * The app's Admin GraphQL client shape (`AdminGraphql`), bound to this shop with its token, as a
   * background job's offline session has it. A plain function: pass `fake.graphql` as it is.
   */
  graphql(query: string, options?: { variables?: Record<string, unknown> }): Promise<Response>;
  /** Posts a document with the right token and returns the parsed answer (for tests of the fake itself). */
  query(query: string, variables?: Record<string, unknown>): Promise<GraphQLAnswer>;
  /** The next `count` GraphQL requests fail this way (after authentication). */
  failNext(count: number, kind: FaultKind): void;
  throttleStatus(): ThrottleStatus;
  /** Empties the cost bucket, as after a burst of expensive queries. */
  drainBucket(): void;
  /** Serves the same handler over HTTP (for the demo); requests are treated as sent to the shop's domain. */
  listen(port?: number, host?: string): Promise<{ url: string; close(): Promise<void> }>;
}

export const DEFAULT_ACCESS_TOKEN = "shpat_aftercare_fake_admin_0000000001";
export const DEFAULT_API_CLIENT_ID = "61000000001";
const INVALID_TOKEN_BODY = { errors: "[API] Invalid API key or access token (unrecognized login or wrong password)" };
const DAY = 86_400_000;

const json = (status: number, body: unknown) =>
  new Response(JSON.stringify(body), { status, headers: { "Content-Type": "application/json; charset=utf-8" } });

async function readParams(request: Request): Promise<Record<string, string>> {
  const text = await request.text();
  if ((request.headers.get("content-type") ?? "").includes("application/json")) {
    const parsed = JSON.parse(text) as Record<string, unknown>;
    return Object.fromEntries(Object.entries(parsed).map(([key, value]) => [key, String(value)]));
  }
  return Object.fromEntries(new URLSearchParams(text));
}

async function readGraphQLBody(request: Request): Promise<GraphQLRequestBody | null> {
  const text = await request.text();
  if ((request.headers.get("content-type") ?? "").includes("application/graphql")) return { query: text };
  try {
    const body = JSON.parse(text) as Partial<GraphQLRequestBody>;
    return typeof body.query === "string" ? { query: body.query, variables: body.variables, operationName: body.operationName } : null;
  } catch {
    return null;
  }
}

function waitForAbortOrTimeout(signal: AbortSignal, ms: number): Promise<Response> {
  return new Promise((resolve, reject) => {
    const timer = setTimeout(() => resolve(json(504, { errors: "Gateway Timeout" })), ms);
    signal.addEventListener("abort", () => {
      clearTimeout(timer);
      reject(signal.reason);
    }, { once: true });
  });
}

export function createFakeAdmin(options: FakeAdminOptions = {}): FakeAdmin {
  const seed = options.shop ?? createSeedShop();
  const shopDomain = seed.shop.myshopifyDomain;
  const clock = options.clock ?? (() => Date.now());
  const accessToken = options.accessToken ?? DEFAULT_ACCESS_TOKEN;
  const apiKey = options.apiKey ?? process.env.SHOPIFY_API_KEY ?? TEST_API_KEY;
  const apiSecret = options.apiSecret ?? process.env.SHOPIFY_API_SECRET ?? TEST_API_SECRET;
  const readAllOrders = options.readAllOrders ?? true;
  const scopes = options.scopes ?? ["read_orders", ...(readAllOrders ? ["read_all_orders"] : []), "read_products", "read_customers"];
  const throttle: ThrottleOptions = { ...DEFAULT_THROTTLE, ...options.throttle };
  const timeoutFaultMs = options.timeoutFaultMs ?? 1000;

  const schema = loadAdminSchema();
  const prepare = createDocumentCache(schema);
  // Shopify's bucket refills with elapsed time, so by default it reads a monotonic clock: a test that
  // moves the wall clock (fake timers, a shifted date) never freezes or drains it.
  const bucket = createCostBucket(throttle, options.clock ?? (() => performance.now()));
  const policy = createProtectedDataPolicy(options.protectedCustomerData ?? true, loadProtectedFields());
  const state = createFakeAdminState(seed, { apiKey, apiClientId: options.apiClientId ?? DEFAULT_API_CLIENT_ID, scopes, now: clock });
  const cutoff = Date.parse(seed.now) - RECENT_ORDERS_DAYS * DAY;
  const isOrderVisible = readAllOrders ? () => true : (order: { createdAt: string }) => Date.parse(order.createdAt) >= cutoff;

  const validTokens = new Set([accessToken]);
  const faults: FaultKind[] = [];
  const requests: RecordedRequest[] = [];
  const graphqlPath = `/admin/api/${ADMIN_API_VERSION}/graphql.json`;

  const record = (entry: Omit<RecordedRequest, "at">) => requests.push({ ...entry, at: clock() });
  const codesOf = (answer: GraphQLAnswer) =>
    (answer.errors ?? []).map((error) => String(error.extensions?.code ?? "")).filter(Boolean);

  async function handleGraphQL(request: Request, base: Omit<RecordedRequest, "at">): Promise<Response> {
    if (request.method !== "POST") {
      record({ ...base, status: 405 });
      return json(405, { errors: "Method Not Allowed" });
    }
    if (!validTokens.has(request.headers.get("x-shopify-access-token") ?? "")) {
      record({ ...base, status: 401 });
      return json(401, INVALID_TOKEN_BODY);
    }
    const body = await readGraphQLBody(request);
    if (!body) {
      record({ ...base, status: 400 });
      return json(400, { errors: { query: "Required parameter missing or invalid" } });
    }
    const prepared = prepare(body.query);
    const details = {
      ...base,
      operationName: operationNameOf(prepared.document, body.operationName),
      query: body.query,
      variables: body.variables ?? null,
    };

    const fault = faults.shift() ?? null;
    if (fault === "500") {
      record({ ...details, status: 500, fault });
      return json(500, { errors: "Internal Server Error" });
    }
    if (fault === "timeout") {
      record({ ...details, status: 504, fault });
      return waitForAbortOrTimeout(request.signal, timeoutFaultMs);
    }
    if (fault === "throttled") {
      const answer = throttledAnswer(0, bucket.status());
      record({ ...details, status: 200, fault, cost: answer.extensions.cost, errorCodes: codesOf(answer) });
      return json(200, answer);
    }

    const answer = await answerGraphQL(body, {
      schema,
      prepare,
      bucket,
      throttle,
      context: () => ({ state, policy, isOrderVisible, searchReports: [] }),
    });
    record({ ...details, status: 200, cost: answer.extensions.cost, errorCodes: codesOf(answer) });
    return json(200, answer);
  }

  async function handleTokenExchange(request: Request, base: Omit<RecordedRequest, "at">): Promise<Response> {
    let params: Record<string, string>;
    try {
      params = await readParams(request);
    } catch {
      record({ ...base, status: 400 });
      return json(400, { error: "invalid_request", error_description: "Malformed body." });
    }
    const answer = exchangeToken(params, {
      shopDomain,
      apiKey,
      apiSecret,
      scope: scopes.join(","),
      offlineToken: accessToken,
      issueOnlineToken: (userId) => {
        const token = `${accessToken}_online_${userId}`;
        validTokens.add(token);
        return token;
      },
      nowMs: clock(),
    });
    record({ ...base, status: answer.status });
    return json(answer.status, answer.body);
  }

  const handle = async (request: Request): Promise<Response> => {
    const url = new URL(request.url);
    const base: Omit<RecordedRequest, "at"> = {
      kind: "other",
      method: request.method,
      url: request.url,
      status: 404,
      operationName: null,
      query: null,
      variables: null,
      cost: null,
      errorCodes: [],
      fault: null,
    };
    if (url.hostname !== shopDomain) {
      record(base);
      return json(404, { errors: "Not Found" });
    }
    if (url.pathname === graphqlPath) return handleGraphQL(request, { ...base, kind: "graphql" });
    if (url.pathname === "/admin/oauth/access_token" && request.method === "POST") {
      return handleTokenExchange(request, { ...base, kind: "token-exchange" });
    }
    const confirmation = await handleConfirmationRequest(request, state);
    if (confirmation) {
      record({ ...base, status: confirmation.status });
      return confirmation;
    }
    record(base);
    return json(404, { errors: "Not Found" });
  };

  const graphqlUrl = `https://${shopDomain}${graphqlPath}`;
  const graphql = (query: string, options?: { variables?: Record<string, unknown> }) =>
    handle(
      new Request(graphqlUrl, {
        method: "POST",
        headers: { "Content-Type": "application/json", "X-Shopify-Access-Token": accessToken },
        body: JSON.stringify({ query, variables: options?.variables }),
      }),
    );

  return {
    shopDomain,
    shop: seed.shop,
    seed,
    accessToken,
    graphqlUrl,
    state,
    requests,
    handle,
    graphql,
    async query(query, variables) {
      return (await (await graphql(query, { variables })).json()) as GraphQLAnswer;
    },
    failNext(count, kind) {
      for (let i = 0; i < count; i += 1) faults.push(kind);
    },
    throttleStatus: () => bucket.status(),
    drainBucket: () => bucket.drain(),
    listen: (port = 0, host = "127.0.0.1") => serve(handle, shopDomain, port, host),
  };
}

async function toRequest(incoming: IncomingMessage, shopDomain: string): Promise<Request> {
  const chunks: Buffer[] = [];
  for await (const chunk of incoming) chunks.push(chunk as Buffer);
  const headers = new Headers();
  for (const [name, value] of Object.entries(incoming.headers)) {
    if (value === undefined) continue;
    for (const item of Array.isArray(value) ? value : [value]) headers.append(name, item);
  }
  const hasBody = !["GET", "HEAD"].includes(incoming.method ?? "GET");
  return new Request(`https://${shopDomain}${incoming.url ?? "/"}`, {
    method: incoming.method,
    headers,
    body: hasBody ? Buffer.concat(chunks) : undefined,
  });
}

async function writeResponse(response: Response, outgoing: ServerResponse): Promise<void> {
  outgoing.writeHead(response.status, Object.fromEntries(response.headers));
  outgoing.end(Buffer.from(await response.arrayBuffer()));
}

function serve(
  handle: (request: Request) => Promise<Response>,
  shopDomain: string,
  port: number,
  host: string,
): Promise<{ url: string; close(): Promise<void> }> {
  const server = createServer((incoming, outgoing) => {
    toRequest(incoming, shopDomain)
      .then(handle)
      .then((response) => writeResponse(response, outgoing))
      .catch(() => {
        if (!outgoing.headersSent) outgoing.writeHead(502);
        outgoing.end();
      });
  });
  return new Promise((resolve, reject) => {
    server.once("error", reject);
    server.listen(port, host, () => {
      const address = server.address() as AddressInfo;
      resolve({
        url: `http://${host}:${address.port}`,
        close: () =>
          new Promise<void>((done, fail) => {
            server.close((error) => (error ? fail(error) : done()));
            server.closeAllConnections(); // keep-alive sockets would hold close() open
          }),
      });
    });
  });
}
