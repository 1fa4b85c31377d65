import { parse } from "graphql";
import { describe, expect, it } from "vitest";
import { loadAdminSchema } from "../support/admin-schema";
import { calculateQueryCost, createCostBucket } from "../support/fake-admin/cost";
import { createFakeAdmin, type GraphQLAnswer } from "../support/fake-admin";
import { createSeedShop } from "../support/fake-admin/seed";

const schema = loadAdminSchema();
const requested = (source: string, variables?: Record<string, unknown>) =>
  calculateQueryCost(schema, parse(source), { variables });

describe("calculated query cost (requested)", () => {
  it("charges 1 per object and nothing for scalars and enums", () => {
    expect(requested("{ shop { name currencyCode ianaTimezone } }")).toBe(1);
    expect(requested("{ shop { name primaryDomain { host } shopAddress { city } } }")).toBe(3);
  });

  it("charges a connection 2 plus its page size times one item, nesting multiplies", () => {
    expect(requested("{ orders(first: 10) { edges { node { id } } pageInfo { hasNextPage } } }")).toBe(12);
    expect(requested("{ orders(first: 10) { nodes { id } } }")).toBe(12);
    // Shopify's documented example: 2 + 10 × (1 + 2 + 5 × 1)
    expect(requested("{ products(first: 10) { nodes { title variants(first: 5) { nodes { price } } } } }")).toBe(82);
    expect(requested("query Page($n: Int) { orders(last: $n) { nodes { id } } }", { n: 40 })).toBe(42);
  });

  it("charges an interface the most expensive of its possible selections", () => {
    const source = `{ node(id: "gid://shopify/Order/1") {
      id
      ... on Order { customer { id } }
      ... on Product { variants(first: 3) { nodes { id } } }
    } }`;
    expect(requested(source)).toBe(1 + (2 + 3));
  });

  it("charges a mutation field 10", () => {
    const source = `mutation Save($metafields: [MetafieldsSetInput!]!) {
      metafieldsSet(metafields: $metafields) { metafields { id } userErrors { message } }
    }`;
    expect(requested(source)).toBe(10);
  });
});

describe("calculated query cost (actual)", () => {
  it("counts the items that came back, not the page size asked for", async () => {
    const fake = createFakeAdmin({ shop: createSeedShop() });
    const answer = await fake.query(`query Few {
      orders(first: 50, query: "name:#1001") { nodes { id customer { id } } }
    }`);
    expect(answer.extensions.cost).toMatchObject({ requestedQueryCost: 2 + 50 * 2, actualQueryCost: 2 + 1 * 2 });
  });
});

describe("leaky bucket", () => {
  it("refills at the restore rate up to the maximum", () => {
    let now = 0;
    const bucket = createCostBucket({ maximumAvailable: 100, restoreRate: 10 }, () => now);
    expect(bucket.tryTake(80)).toBe(true);
    expect(bucket.tryTake(30)).toBe(false);
    now += 1_000;
    expect(bucket.status()).toEqual({ maximumAvailable: 100, currentlyAvailable: 30, restoreRate: 10 });
    expect(bucket.tryTake(30)).toBe(true);
    now += 60_000;
    expect(bucket.status().currentlyAvailable).toBe(100);
  });
});

describe("throttling through the API", () => {
  const PAGE = "query Page { orders(first: 50) { nodes { id } } }"; // requests 52

  it("spends the cost, answers THROTTLED like Shopify when the bucket is short, and recovers with time", async () => {
    let now = Date.parse("2026-11-23T09:00:00Z");
    const fake = createFakeAdmin({ shop: createSeedShop(), clock: () => now, throttle: { maximumAvailable: 100, restoreRate: 10 } });

    const first = await fake.query(PAGE);
    expect(Object.keys(first)).toEqual(["data", "extensions"]);
    expect(first.extensions).toEqual({
      cost: {
        requestedQueryCost: 52,
        actualQueryCost: 52,
        throttleStatus: { maximumAvailable: 100, currentlyAvailable: 48, restoreRate: 10 },
      },
    });

    const response = await fake.handle(
      new Request(fake.graphqlUrl, {
        method: "POST",
        headers: { "Content-Type": "application/json", "X-Shopify-Access-Token": fake.accessToken },
        body: JSON.stringify({ query: PAGE }),
      }),
    );
    expect(response.status).toBe(200);
    const throttled = (await response.json()) as GraphQLAnswer;
    expect(throttled).toEqual({
      errors: [{ message: "Throttled", extensions: { code: "THROTTLED", documentation: expect.stringContaining("shopify.dev") } }],
      extensions: {
        cost: {
          requestedQueryCost: 52,
          actualQueryCost: null,
          throttleStatus: { maximumAvailable: 100, currentlyAvailable: 48, restoreRate: 10 },
        },
      },
    });
    expect(fake.requests.map((request) => request.errorCodes)).toEqual([[], ["THROTTLED"]]);

    now += 1_000;
    const recovered = await fake.query(PAGE);
    expect(recovered.errors).toBeUndefined();
    expect(recovered.extensions.cost.throttleStatus.currentlyAvailable).toBe(48 + 10 - 52);
  });

  it("refunds what a query did not use", async () => {
    const now = 0;
    const fake = createFakeAdmin({ shop: createSeedShop(), clock: () => now, throttle: { maximumAvailable: 1000, restoreRate: 50 } });
    const answer = await fake.query('query One { orders(first: 100, query: "name:#1002") { nodes { id } } }');
    expect(answer.extensions.cost).toMatchObject({ requestedQueryCost: 102, actualQueryCost: 3 });
    expect(fake.throttleStatus().currentlyAvailable).toBe(1000 - 3);
  });

  it("refuses a single query above the maximum cost before running it", async () => {
    const fake = createFakeAdmin({ shop: createSeedShop() });
    const answer = await fake.query(
      "query Huge { orders(first: 250) { nodes { id lineItems(first: 10) { nodes { title } } } } }",
    );
    expect(answer.data).toBeUndefined();
    expect(answer.errors?.[0]).toMatchObject({
      message: expect.stringMatching(/Query cost is 3252, which exceeds the single query max cost limit \(1000\)/),
      extensions: { code: "MAX_COST_EXCEEDED" },
    });
    expect(fake.throttleStatus().currentlyAvailable).toBe(2000);
  });
});
