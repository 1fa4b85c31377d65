import { describe, expect, it } from "vitest";
import { AdminTransportError, type AdminResult, type AdminTransport } from "../../app/shopify/admin-transport";
import { MAX_TRANSIENT_ATTEMPTS, createPacedAdmin, type Clock } from "../../app/shopify/paced-admin";
import { pageSizeWithinBudget, waitBeforeQuery, type QueryCost } from "../../app/shopify/throttle";

const status = (currentlyAvailable: number) => ({ maximumAvailable: 2000, currentlyAvailable, restoreRate: 100 });
const cost = (requested: number, actual: number | null, available: number): QueryCost => ({
  requestedQueryCost: requested,
  actualQueryCost: actual,
  throttleStatus: status(available),
});

function fakeClock(): Clock & { sleeps: number[] } {
  let now = 0;
  const sleeps: number[] = [];
  return { sleeps, now: () => now, sleep: async (ms) => void (sleeps.push(ms), (now += ms)) };
}

function scripted(answers: Array<AdminResult<unknown> | Error>): AdminTransport & { calls: number } {
  const transport = (async () => {
    transport.calls += 1;
    const next = answers.shift();
    if (!next) throw new Error("no more answers");
    if (next instanceof Error) throw next;
    return next;
  }) as unknown as AdminTransport & { calls: number };
  transport.calls = 0;
  return transport;
}

describe("cost pacing", () => {
  it("waits exactly long enough for the bucket to refill to the next query's cost", () => {
    expect(waitBeforeQuery(status(100), 0, 600)).toBe(5000);
    expect(waitBeforeQuery(status(100), 2000, 600)).toBe(3000);
    expect(waitBeforeQuery(status(900), 0, 600)).toBe(0);
  });

  it("sizes pages to fit one query's limit and the plan's bucket", () => {
    expect(pageSizeWithinBudget({ costPerItem: 35, fixedCost: 2, maximumAvailable: 2000 })).toBe(28);
    expect(pageSizeWithinBudget({ costPerItem: 35, fixedCost: 2, maximumAvailable: 500 })).toBe(14);
    expect(pageSizeWithinBudget({ costPerItem: 1, fixedCost: 2, maximumAvailable: 2000 })).toBe(250);
  });

  it("after THROTTLED, waits for the refill and sends the same query again", async () => {
    const clock = fakeClock();
    const transport = scripted([
      { data: null, errors: [{ message: "Throttled", extensions: { code: "THROTTLED" } }], cost: cost(800, null, 300) },
      { data: { ok: true }, errors: [], cost: cost(800, 400, 1100) },
    ]);
    const admin = createPacedAdmin(transport, clock);

    const result = await admin.query<{ ok: boolean }>("query Q { shop { id } }");

    expect(result.data).toEqual({ ok: true });
    expect(clock.sleeps).toEqual([5000]);
    expect(admin.stats).toMatchObject({ throttled: 1, requestedCost: 1600, actualCost: 400 });
  });

  it("retries a transient failure a bounded number of times, then gives up", async () => {
    const clock = fakeClock();
    const failures = Array.from({ length: 10 }, () => new AdminTransportError("Admin API answered HTTP 503", 503));
    const transport = scripted(failures);

    await expect(createPacedAdmin(transport, clock).query("query Q { shop { id } }")).rejects.toThrow(/503/);
    expect(transport.calls).toBe(MAX_TRANSIENT_ATTEMPTS);
  });

  it("never retries a query Shopify rejects", async () => {
    const transport = scripted([{ data: null, errors: [{ message: "Field 'nope' doesn't exist" }], cost: cost(1, 1, 1999) }]);
    await expect(createPacedAdmin(transport, fakeClock()).query("query Q { nope }")).rejects.toThrow(/nope/);
    expect(transport.calls).toBe(1);
  });

  it("returns the data Shopify could serve when only protected fields were refused", async () => {
    const denied = { message: "This app is not approved to access the Customer object.", extensions: { code: "ACCESS_DENIED" }, path: ["orders", "nodes", 0, "customer"] };
    const transport = scripted([{ data: { orders: { nodes: [{ customer: null }] } }, errors: [denied], cost: cost(5, 3, 1990) }]);
    const result = await createPacedAdmin(transport, fakeClock()).query("query Q { orders(first: 1) { nodes { customer { id } } } }");
    expect(result.deniedPaths).toEqual(["orders.nodes.customer"]);
    expect(result.data).toEqual({ orders: { nodes: [{ customer: null }] } });
  });
});
