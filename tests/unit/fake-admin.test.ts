import { getJwt } from "@shopify/shopify-api/test-helpers";
import { beforeAll, describe, expect, it } from "vitest";
import { createFakeAdmin, type FakeAdmin, type GraphQLAnswer } from "../support/fake-admin";
import { createSeedShop } from "../support/fake-admin/seed";
import { lateOrders, recentOrders } from "../support/fake-admin/seed-truth";
import { TEST_API_KEY, TEST_API_SECRET } from "../support/test-env";

const seed = createSeedShop();
const SHOP = seed.shop.myshopifyDomain;
/** getJwt takes the store name and appends .myshopify.com itself. */
const STORE = SHOP.replace(".myshopify.com", "");
const GRAPHQL_URL = `https://${SHOP}/admin/api/2026-07/graphql.json`;

interface OrderPage {
  orders: {
    pageInfo: { hasNextPage: boolean; endCursor: string | null };
    nodes: Array<{ id: string; name: string; createdAt: string }>;
  };
}

const ORDERS_PAGE = `#graphql
  query OrdersPage($after: String, $query: String, $reverse: Boolean) {
    orders(first: 100, after: $after, query: $query, reverse: $reverse) {
      pageInfo { hasNextPage endCursor }
      nodes { id name createdAt }
    }
  }`;

async function allOrders(fake: FakeAdmin, variables: { query?: string; reverse?: boolean } = {}) {
  const seen: OrderPage["orders"]["nodes"] = [];
  let after: string | null = null;
  for (let page = 0; page < 20; page += 1) {
    const answer = await fake.query(ORDERS_PAGE, { ...variables, after });
    expect(answer.errors).toBeUndefined();
    const { orders } = answer.data as unknown as OrderPage;
    seen.push(...orders.nodes);
    if (!orders.pageInfo.hasNextPage) return seen;
    after = orders.pageInfo.endCursor;
  }
  throw new Error("pagination did not end");
}

function post(fake: FakeAdmin, body: unknown, headers: Record<string, string> = {}, url = GRAPHQL_URL) {
  return fake.handle(
    new Request(url, {
      method: "POST",
      headers: { "Content-Type": "application/json", "X-Shopify-Access-Token": fake.accessToken, ...headers },
      body: JSON.stringify(body),
    }),
  );
}

let fake: FakeAdmin;
beforeAll(() => {
  fake = createFakeAdmin({ shop: seed, throttle: { maximumAvailable: 1_000_000, restoreRate: 1_000_000 } });
});

describe("fake Admin API: orders", () => {
  it("pages through all 540 orders exactly once, oldest first by default", async () => {
    const orders = await allOrders(fake);
    expect(orders).toHaveLength(540);
    expect(new Set(orders.map((order) => order.id)).size).toBe(540);
    expect(orders.map((order) => order.id)).toEqual(seed.orders.map((order) => order.id));
    const reversed = await allOrders(fake, { reverse: true });
    expect(reversed.map((order) => order.name)).toEqual(orders.map((order) => order.name).reverse());
  });

  it("pages backwards with last/before", async () => {
    const answer = await fake.query(`#graphql
      query Tail { orders(last: 3) { pageInfo { hasNextPage hasPreviousPage startCursor } edges { cursor node { name } } } }`);
    const tail = (answer.data as { orders: { pageInfo: Record<string, unknown>; edges: Array<{ cursor: string; node: { name: string } }> } }).orders;
    expect(tail.edges.map((edge) => edge.node.name)).toEqual(seed.orders.slice(-3).map((order) => order.name));
    expect(tail.pageInfo).toMatchObject({ hasNextPage: false, hasPreviousPage: true, startCursor: tail.edges[0].cursor });

    const before = await fake.query(`#graphql
      query Before($before: String) { orders(last: 2, before: $before) { nodes { name } } }`, { before: tail.edges[0].cursor });
    expect((before.data as { orders: { nodes: Array<{ name: string }> } }).orders.nodes.map((node) => node.name)).toEqual(
      seed.orders.slice(-5, -3).map((order) => order.name),
    );
  });

  it("filters with created_at / updated_at / status terms like Shopify's search syntax", async () => {
    const since = new Date(Date.parse(seed.now) - 7 * 86_400_000).toISOString();
    const created = await allOrders(fake, { query: `created_at:>='${since}'` });
    expect(created.map((order) => order.id)).toEqual(
      seed.orders.filter((order) => order.createdAt >= since).map((order) => order.id),
    );
    expect(created.length).toBeGreaterThan(10);

    const updated = await allOrders(fake, { query: `updated_at:>=${since} status:any` });
    expect(updated).toHaveLength(seed.orders.filter((order) => order.updatedAt >= since).length);
    expect(updated.length).toBeGreaterThan(created.length);

    const cancelled = await allOrders(fake, { query: "status:cancelled" });
    expect(cancelled.length).toBe(seed.orders.filter((order) => order.cancelledAt !== null).length);
  });

  it("ignores a search term it does not know and says so in extensions.search", async () => {
    const answer = await fake.query(ORDERS_PAGE, { query: "colour:blue" });
    expect((answer.data as unknown as OrderPage).orders.nodes).toHaveLength(100);
    expect(answer.extensions.search).toEqual([
      { path: ["orders"], query: "colour:blue", warnings: [{ field: "colour", message: "Invalid search field for this query." }] },
    ]);
  });

  it("answers order, node and nodes by global id, with nested fulfillments and tracking", async () => {
    const order = seed.orders.find((candidate) => candidate.fulfillments.length > 0)!;
    const answer = await fake.query(
      `#graphql
      query One($id: ID!, $ids: [ID!]!) {
        order(id: $id) {
          name legacyResourceId
          fulfillments { displayStatus trackingInfo { company number url } events(first: 10) { nodes { status happenedAt } } }
        }
        node(id: $id) { __typename ... on Order { name } }
        nodes(ids: $ids) { id }
      }`,
      { id: order.id, ids: [order.id, "gid://shopify/Order/1"] },
    );
    expect(answer.errors).toBeUndefined();
    const data = answer.data as Record<string, Record<string, unknown> | unknown[]>;
    expect(data.order).toMatchObject({
      name: order.name,
      legacyResourceId: order.id.split("/").pop(),
      fulfillments: order.fulfillments.map((fulfillment) => ({
        displayStatus: fulfillment.displayStatus,
        trackingInfo: fulfillment.trackingInfo,
        events: { nodes: fulfillment.events.map(({ status, happenedAt }) => ({ status, happenedAt })) },
      })),
    });
    expect(data.node).toEqual({ __typename: "Order", name: order.name });
    expect(data.nodes).toEqual([{ id: order.id }, null]);
  });

  it("lets a test find the late orders through the API exactly as the seed's truth says", async () => {
    const late: string[] = [];
    let after: string | null = null;
    const now = Date.parse(seed.now);
    do {
      const answer = await fake.query(
        `#graphql
        query Deliveries($after: String) {
          orders(first: 100, after: $after, query: "status:any") {
            pageInfo { hasNextPage endCursor }
            nodes { id cancelledAt fulfillments { estimatedDeliveryAt deliveredAt } }
          }
        }`,
        { after },
      );
      const page = (answer.data as { orders: { pageInfo: { hasNextPage: boolean; endCursor: string }; nodes: Array<{ id: string; cancelledAt: string | null; fulfillments: Array<{ estimatedDeliveryAt: string | null; deliveredAt: string | null }> }> } }).orders;
      for (const node of page.nodes) {
        const isLate = node.fulfillments.some((f) => f.deliveredAt === null && f.estimatedDeliveryAt !== null && Date.parse(f.estimatedDeliveryAt) < now);
        if (isLate && node.cancelledAt === null) late.push(node.id);
      }
      after = page.pageInfo.hasNextPage ? page.pageInfo.endCursor : null;
    } while (after);
    expect(late).toEqual(lateOrders(seed).map((order) => order.id));
    expect(late.length).toBeGreaterThan(5);
  });
});

describe("fake Admin API: validation like Shopify", () => {
  it("rejects a field the schema does not have, with no data", async () => {
    const answer = await fake.query("query Shop { shop { name refundPolicy { body } } }");
    expect(answer.data).toBeUndefined();
    expect(answer.errors?.[0].message).toMatch(/Cannot query field "refundPolicy" on type "Shop"/);
  });

  it("rejects a connection without first or last, and a page size above 250 given by variable", async () => {
    const missing = await fake.query("query Orders { orders { nodes { id } } }");
    expect(missing.errors?.[0].message).toMatch(/"orders".*"first" or "last"/);

    const tooMany = await fake.query("query Orders($n: Int!) { orders(first: $n) { nodes { id } } }", { n: 251 });
    expect(tooMany.errors?.[0].message).toMatch(/at most 250/);
    expect(tooMany.errors?.[0].path).toEqual(["orders"]);
  });

  it("answers the shop's policies (there is no Shop.refundPolicy)", async () => {
    const answer = await fake.query("query Policies { shop { name ianaTimezone shopPolicies { type body } } }");
    const shop = (answer.data as { shop: { name: string; shopPolicies: Array<{ type: string; body: string }> } }).shop;
    expect(shop.name).toBe("Aftercare Demo Store");
    expect(shop.shopPolicies.find((policy) => policy.type === "REFUND_POLICY")?.body).toMatch(/30 days/);
  });
});

describe("fake Admin API: HTTP surface", () => {
  it("refuses a wrong access token with Shopify's 401 body", async () => {
    const response = await post(fake, { query: "{ shop { name } }" }, { "X-Shopify-Access-Token": "shpat_wrong" });
    expect(response.status).toBe(401);
    expect(await response.json()).toEqual({
      errors: "[API] Invalid API key or access token (unrecognized login or wrong password)",
    });
  });

  it("answers 404 for another API version or path, and for another shop", async () => {
    expect((await post(fake, { query: "{ shop { name } }" }, {}, `https://${SHOP}/admin/api/2024-01/graphql.json`)).status).toBe(404);
    expect((await post(fake, {}, {}, `https://${SHOP}/admin/api/2026-07/orders.json`)).status).toBe(404);
    expect((await post(fake, { query: "{ shop { name } }" }, {}, "https://elsewhere.myshopify.com/admin/api/2026-07/graphql.json")).status).toBe(404);
  });

  it("logs each request with its operation name, variables and cost", async () => {
    const local = createFakeAdmin({ shop: seed });
    await local.query("query ShopName { shop { name } }");
    await local.query(ORDERS_PAGE, { query: "status:any" });
    expect(local.requests.map(({ kind, operationName, status }) => ({ kind, operationName, status }))).toEqual([
      { kind: "graphql", operationName: "ShopName", status: 200 },
      { kind: "graphql", operationName: "OrdersPage", status: 200 },
    ]);
    expect(local.requests[1].variables).toEqual({ query: "status:any" });
    expect(local.requests[1].cost?.requestedQueryCost).toBe(102);
  });

  it("injects faults: a 500, a throttled answer, then normal service", async () => {
    const local = createFakeAdmin({ shop: seed });
    local.failNext(1, "500");
    local.failNext(1, "throttled");
    expect((await post(local, { query: "query ShopName { shop { name } }" })).status).toBe(500);
    const throttled = await post(local, { query: "query ShopName { shop { name } }" });
    expect(throttled.status).toBe(200);
    expect(((await throttled.json()) as GraphQLAnswer).errors?.[0].extensions?.code).toBe("THROTTLED");
    expect((await local.query("query ShopName { shop { name } }")).data).toEqual({ shop: { name: "Aftercare Demo Store" } });
    expect(local.requests.map((request) => request.fault)).toEqual(["500", "throttled", null]);
  });

  it("injects a timeout: the request hangs until the client gives up", async () => {
    const local = createFakeAdmin({ shop: seed, timeoutFaultMs: 5_000 });
    local.failNext(1, "timeout");
    const started = Date.now();
    const request = new Request(GRAPHQL_URL, {
      method: "POST",
      headers: { "Content-Type": "application/json", "X-Shopify-Access-Token": local.accessToken },
      body: JSON.stringify({ query: "{ shop { name } }" }),
      signal: AbortSignal.timeout(50),
    });
    await expect(local.handle(request)).rejects.toThrow(/abort|timeout/i);
    expect(Date.now() - started).toBeLessThan(2_000);
  });

  it("serves the same API over node:http", async () => {
    const server = await fake.listen(0);
    try {
      const response = await fetch(`${server.url}/admin/api/2026-07/graphql.json`, {
        method: "POST",
        headers: { "Content-Type": "application/json", "X-Shopify-Access-Token": fake.accessToken },
        body: JSON.stringify({ query: "query ShopName { shop { name myshopifyDomain } }" }),
      });
      expect(response.status).toBe(200);
      expect(((await response.json()) as GraphQLAnswer).data).toEqual({ shop: { name: "Aftercare Demo Store", myshopifyDomain: SHOP } });
    } finally {
      await server.close();
    }
  });
});

describe("fake Admin API: token exchange", () => {
  const exchange = (body: Record<string, string>) =>
    fake.handle(
      new Request(`https://${SHOP}/admin/oauth/access_token`, {
        method: "POST",
        headers: { "Content-Type": "application/json", Accept: "application/json" },
        body: JSON.stringify(body),
      }),
    );
  const params = (subjectToken: string, extra: Record<string, string> = {}) => ({
    client_id: TEST_API_KEY,
    client_secret: TEST_API_SECRET,
    grant_type: "urn:ietf:params:oauth:grant-type:token-exchange",
    subject_token: subjectToken,
    subject_token_type: "urn:ietf:params:oauth:token-type:id_token",
    requested_token_type: "urn:shopify:params:oauth:token-type:offline-access-token",
    ...extra,
  });

  it("trades a valid session token for the offline access token, which then works", async () => {
    const { token } = await getJwt(STORE, TEST_API_KEY, TEST_API_SECRET);
    const response = await exchange(params(token));
    expect(response.status).toBe(200);
    const body = (await response.json()) as { access_token: string; scope: string };
    expect(body).toEqual({ access_token: fake.accessToken, scope: "read_orders,read_all_orders,read_products,read_customers" });
    const answer = await post(fake, { query: "{ shop { name } }" }, { "X-Shopify-Access-Token": body.access_token });
    expect(answer.status).toBe(200);
  });

  it("issues a working online token with the associated user", async () => {
    const { token } = await getJwt(STORE, TEST_API_KEY, TEST_API_SECRET, { sub: "42" });
    const response = await exchange(params(token, { requested_token_type: "urn:shopify:params:oauth:token-type:online-access-token" }));
    const body = (await response.json()) as { access_token: string; associated_user: { id: number }; expires_in: number };
    expect(body.associated_user.id).toBe(42);
    expect(body.expires_in).toBeGreaterThan(0);
    expect((await post(fake, { query: "{ shop { name } }" }, { "X-Shopify-Access-Token": body.access_token })).status).toBe(200);
  });

  it("refuses a token signed with another secret, for another shop, or a wrong client secret", async () => {
    const forged = await getJwt(STORE, TEST_API_KEY, "not-the-secret");
    expect((await exchange(params(forged.token))).status).toBe(400);
    expect(await (await exchange(params(forged.token))).json()).toMatchObject({ error: "invalid_subject_token" });

    const otherShop = await getJwt("someone-else", TEST_API_KEY, TEST_API_SECRET);
    expect((await exchange(params(otherShop.token))).status).toBe(400);

    const expired = await getJwt(STORE, TEST_API_KEY, TEST_API_SECRET, { exp: Math.floor(Date.now() / 1000) - 120 });
    expect((await exchange(params(expired.token))).status).toBe(400);

    const valid = await getJwt(STORE, TEST_API_KEY, TEST_API_SECRET);
    expect((await exchange(params(valid.token, { client_secret: "wrong" }))).status).toBe(401);
  });
});

describe("fake Admin API: protected customer data and scopes", () => {
  const ORDER_WITH_CUSTOMER = `#graphql
    query OrderContact($id: ID!) {
      order(id: $id) { name email customer { displayName } shippingAddress { city countryCodeV2 zip } }
    }`;
  const orderId = seed.orders[seed.orders.length - 1].id;

  it("refuses personal fields with ACCESS_DENIED when the app is not approved, and serves the rest", async () => {
    const locked = createFakeAdmin({ shop: seed, protectedCustomerData: false });
    const answer = await locked.query(ORDER_WITH_CUSTOMER, { id: orderId });
    expect(answer.data).toEqual({ order: { name: seed.orders[seed.orders.length - 1].name, email: null, customer: null, shippingAddress: null } });
    const denied = (answer.errors ?? []).map((error) => ({ path: error.path, code: error.extensions?.code }));
    expect(denied).toEqual(
      expect.arrayContaining([
        { path: ["order", "email"], code: "ACCESS_DENIED" },
        { path: ["order", "customer"], code: "ACCESS_DENIED" },
        { path: ["order", "shippingAddress"], code: "ACCESS_DENIED" },
      ]),
    );
    expect(answer.errors?.find((error) => error.path?.[1] === "customer")?.message).toMatch(
      /^This app is not approved to access the Customer object/,
    );
  });

  it("with level 1 approval, serves only the protected fields granted", async () => {
    const partial = createFakeAdmin({ shop: seed, protectedCustomerData: { fields: ["address"] } });
    const answer = await partial.query(ORDER_WITH_CUSTOMER, { id: orderId });
    const order = (answer.data as { order: Record<string, unknown> }).order;
    const expected = seed.orders[seed.orders.length - 1];
    expect(order.shippingAddress).toEqual({
      city: expected.shippingAddress.city,
      countryCodeV2: expected.shippingAddress.countryCodeV2,
      zip: expected.shippingAddress.zip,
    });
    expect(order.email).toBeNull();
    expect(order.customer).toBeNull(); // displayName is a protected name field, and non-null
    expect(answer.errors?.map((error) => error.message).join("\n")).toMatch(/not approved to use the email field/);
  });

  it("without read_all_orders, hides orders older than 60 days everywhere", async () => {
    const limited = createFakeAdmin({ shop: seed, readAllOrders: false });
    const visible = await allOrders(limited);
    const expected = recentOrders(seed);
    expect(visible.map((order) => order.id)).toEqual(expected.map((order) => order.id));
    expect(expected.length).toBeLessThan(seed.orders.length);

    const oldest = seed.orders[0];
    const answer = await limited.query("query Old($id: ID!) { order(id: $id) { id } node(id: $id) { id } }", { id: oldest.id });
    expect(answer.data).toEqual({ order: null, node: null });
  });
});

describe("fake Admin API: speed", () => {
  it("answers 250 orders with nested fulfillments in well under 100 ms", async () => {
    const query = `#graphql
      query Deliveries($after: String) {
        orders(first: 250, after: $after) {
          pageInfo { hasNextPage endCursor }
          nodes { id name createdAt displayFulfillmentStatus
            fulfillments { displayStatus estimatedDeliveryAt deliveredAt trackingInfo { company number url } } }
        }
      }`;
    // The first runs pay for validation (cached per document) and JIT warm-up; then take the best of three.
    await fake.query(query);
    await fake.query(query);
    const timings: number[] = [];
    for (let run = 0; run < 3; run += 1) {
      const started = performance.now();
      const answer = await fake.query(query);
      timings.push(performance.now() - started);
      expect((answer.data as { orders: { nodes: unknown[] } }).orders.nodes).toHaveLength(250);
    }
    expect(Math.min(...timings)).toBeLessThan(100);
  });
});
