import { afterAll, describe, expect, it } from "vitest";
import prisma from "../../app/db.server";
import { redactShop } from "../../app/models/shop/privacy.server";
import { configureDemoMerchant, syncDemoHistory } from "../../scripts/demo/merchant-settings";
import { demoAppScopes } from "../../scripts/demo/app-scopes";
import { createFakeAdmin } from "../support/fake-admin/server";
import { createSeedShop } from "../support/fake-admin/seed";
import { fakeReturns } from "../support/fake-admin";
import { TEST_API_SECRET } from "../support/test-env";

/**
 * The seeded demo (`npm run demo`) opens Admin -> Returns with one request to approve: a shopper asked,
 * through the app's own request path against the demo's fake Admin API, to return one unit of a
 * delivered order within the window, and that item is not a final sale.
 */

const shop = "aftercare-demo-returns.myshopify.com";
const DAY = 86_400_000;

afterAll(async () => {
  await prisma.$transaction((tx) => redactShop(tx, shop));
});

describe("the demo merchant's returns", () => {
  it("starts with one requested return of a delivered, returnable item in the queue", { timeout: 60_000 }, async () => {
    const now = new Date();
    const fake = createFakeAdmin({ shop: createSeedShop({ now, domain: shop }), apiSecret: TEST_API_SECRET, scopes: demoAppScopes() });
    await configureDemoMerchant(fake, now);
    await syncDemoHistory(fake, now);

    const copies = await prisma.returnRequest.findMany({ where: { shop }, include: { lines: true } });
    expect(copies).toHaveLength(1);
    const [copy] = copies;
    expect(copy).toMatchObject({ status: "requested", source: "storefront", lines: [{ quantity: 1, reason: "size-too-small" }] });

    // Shopify's side holds the same requested return (sent with returnRequest, once).
    expect(fake.requests.filter((request) => request.operationName === "ReturnRequest")).toHaveLength(1);
    expect(fakeReturns(fake.state).returns.map((entry) => ({ id: entry.id, status: entry.status }))).toEqual([{ id: copy.shopifyReturnId, status: "REQUESTED" }]);

    const order = fake.seed.orders.find((candidate) => candidate.id === copy.orderId)!;
    const line = order.lineItems.find((candidate) => candidate.id === copy.lines[0].lineItemId)!;
    const product = fake.seed.products.find((candidate) => candidate.id === line.productId);
    expect(product?.tags ?? []).not.toContain("final-sale");
    const delivered = Math.max(...order.fulfillments.map((fulfillment) => Date.parse(fulfillment.deliveredAt!)));
    expect(now.getTime() - delivered).toBeLessThan(30 * DAY);
  });
});
