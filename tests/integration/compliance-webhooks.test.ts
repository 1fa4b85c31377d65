import { describe, expect, it } from "vitest";
import { webhookRequest } from "../support/app-requests";
import { storeOfflineSession } from "../support/sessions";
import { TEST_SHOP } from "../support/test-env";

const prisma = (await import("../../app/db.server")).default;
const dataRequest = await import("../../app/routes/webhooks.customers.data_request");
const customerRedact = await import("../../app/routes/webhooks.customers.redact");
const shopRedact = await import("../../app/routes/webhooks.shop.redact");
const uninstalled = await import("../../app/routes/webhooks.app.uninstalled");
const scopesUpdate = await import("../../app/routes/webhooks.app.scopes_update");

const args = (request: Request) => ({ request, params: {}, context: {} });

async function status(action: (a: ReturnType<typeof args>) => Promise<Response>, request: Request): Promise<number> {
  try {
    return (await action(args(request))).status;
  } catch (thrown) {
    if (thrown instanceof Response) return thrown.status;
    throw thrown;
  }
}

const customer = { id: 207119551, email: "ana@example.com", phone: "+62811000111" };
const dataRequestPayload = {
  shop_id: 954889,
  shop_domain: TEST_SHOP,
  orders_requested: [299938, 280263],
  customer,
  data_request: { id: 9999 },
};

describe("compliance and app webhooks", () => {
  it("stores a customer's data request once, even when Shopify redelivers it", async () => {
    const webhookId = "b54557e4-bdd9-4b37-8a5f-bf7d70bcd043";
    expect(await status(dataRequest.action, webhookRequest("customers/data_request", dataRequestPayload, { webhookId }))).toBe(200);
    expect(await status(dataRequest.action, webhookRequest("customers/data_request", dataRequestPayload, { webhookId }))).toBe(200);

    const rows = await prisma.dataRequest.findMany({ where: { shop: TEST_SHOP } });
    expect(rows).toHaveLength(1);
    expect(rows[0]).toMatchObject({ customerId: "207119551", email: "ana@example.com", ordersJson: "[\"299938\",\"280263\"]" });
  });

  it("refuses a delivery whose HMAC was not made with the app secret, and stores nothing", async () => {
    const forged = webhookRequest("customers/data_request", { ...dataRequestPayload, customer: { id: 1 } }, { hmac: "bm90IHRoZSByaWdodCBzaWduYXR1cmU=" });
    expect(await status(dataRequest.action, forged)).toBe(401);
    expect(await prisma.dataRequest.count({ where: { customerId: "1" } })).toBe(0);
  });

  it("refuses a delivery whose body was changed after signing", async () => {
    const genuine = webhookRequest("shop/redact", { shop_id: 1, shop_domain: TEST_SHOP });
    const tampered = new Request(genuine.url, { method: "POST", headers: genuine.headers, body: JSON.stringify({ shop_id: 2, shop_domain: "other.myshopify.com" }) });
    expect(await status(shopRedact.action, tampered)).toBe(401);
  });

  it("erases the customer's personal fields on customers/redact", async () => {
    await status(dataRequest.action, webhookRequest("customers/data_request", dataRequestPayload));
    const redactPayload = { shop_id: 954889, shop_domain: TEST_SHOP, customer, orders_to_redact: [299938] };
    expect(await status(customerRedact.action, webhookRequest("customers/redact", redactPayload))).toBe(200);

    const remaining = await prisma.dataRequest.findMany({ where: { shop: TEST_SHOP } });
    expect(remaining.every((row) => row.email === null && row.customerId === null)).toBe(true);
  });

  it("answers a malformed compliance payload with 422 instead of crashing", async () => {
    expect(await status(customerRedact.action, webhookRequest("customers/redact", { shop_domain: TEST_SHOP }))).toBe(422);
  });

  it("forgets the shop's tokens on app/uninstalled and every row of it on shop/redact", async () => {
    const shop = "leaving-shop.myshopify.com";
    await storeOfflineSession({ shop, accessToken: "shpat_leaving" });
    await prisma.shop.create({ data: { domain: shop, scopes: "read_orders" } });

    expect(await status(uninstalled.action, webhookRequest("app/uninstalled", { id: 1, domain: shop }, { shop }))).toBe(200);
    expect(await prisma.session.count({ where: { shop } })).toBe(0);
    expect((await prisma.shop.findUnique({ where: { domain: shop } }))?.uninstalledAt).toBeInstanceOf(Date);

    expect(await status(shopRedact.action, webhookRequest("shop/redact", { shop_id: 1, shop_domain: shop }, { shop }))).toBe(200);
    expect(await prisma.shop.count({ where: { domain: shop } })).toBe(0);
    expect(await prisma.processedWebhook.count({ where: { shop } })).toBe(0);
  });

  it("records the scopes the merchant granted on app/scopes_update", async () => {
    const shop = "scoped-shop.myshopify.com";
    await storeOfflineSession({ shop, accessToken: "shpat_scoped", scope: "read_orders" });
    const payload = { id: 1, previous: ["read_orders"], current: ["read_orders", "read_all_orders"], updated_at: "2026-11-23T09:00:00Z" };
    expect(await status(scopesUpdate.action, webhookRequest("app/scopes_update", payload, { shop }))).toBe(200);
    const session = await prisma.session.findFirst({ where: { shop } });
    expect(session?.scope).toBe("read_orders,read_all_orders");
  });
});
