import { beforeEach, describe, expect, it } from "vitest";
import { DEFAULT_DRAFT } from "~/components/returns/return-form";
import { defaultDraft } from "~/components/shipping/shipping-form";
import { adminFetchRequest } from "../support/app-requests";
import { createFakeAdmin } from "../support/fake-admin";
import { createSeedShop } from "../support/fake-admin/seed";
import { storeOfflineSession } from "../support/sessions";
import { routeShop } from "../support/shopify-network";
import { TEST_API_SECRET, TEST_SHOP } from "../support/test-env";

/**
 * The Shipping and Returns pages answer a bad field in the merchant's admin language, with the limit
 * named, and keep what was saved before.
 */

const prisma = (await import("~/db.server")).default;
const shippingRoute = await import("~/routes/app.shipping");
const returnsRoute = await import("~/routes/app.returns.rules");

const TOKEN = "shpat_installed";
const args = (request: Request) => ({ request, params: {}, context: {} });
const ENGLISH_WORDING = /Use a time|return window can be|must be (less|greater)|Number must|String must|Expected|Required|Invalid/;

const post = (path: string, body: unknown) =>
  adminFetchRequest(path, { method: "POST", headers: { "Content-Type": "application/json" }, body: JSON.stringify(body) });

beforeEach(async () => {
  await prisma.shippingSettings.deleteMany();
  await prisma.returnSettings.deleteMany();
  const fake = createFakeAdmin({ shop: createSeedShop({ domain: TEST_SHOP, orderCount: 3 }), accessToken: TOKEN, apiSecret: TEST_API_SECRET });
  routeShop(TEST_SHOP, (request) => fake.handle(request));
  await storeOfflineSession({ accessToken: TOKEN });
});

describe("rules pages in Indonesian", () => {
  it("shipping: a cut-off time that is no time is refused on its field in Indonesian, the saved rules kept", async () => {
    const draft = defaultDraft("Asia/Jakarta");
    const saved = await shippingRoute.action(args(post("/app/shipping?locale=id", { intent: "save", draft: { ...draft, cutoffTime: "15:30" } })));
    expect(saved.status).toBe(200);
    const before = await prisma.shippingSettings.findUnique({ where: { shop: TEST_SHOP } });

    const response = await shippingRoute.action(args(post("/app/shipping?locale=id", { intent: "save", draft: { ...draft, cutoffTime: "25:00" } })));

    expect(response.status).toBe(422);
    const { errors } = await response.json();
    expect(errors.cutoffTime).toBe("Gunakan jam seperti 14:00");
    for (const message of Object.values(errors as Record<string, string>)) expect(message).not.toMatch(ENGLISH_WORDING);
    const after = await prisma.shippingSettings.findUnique({ where: { shop: TEST_SHOP } });
    expect(after?.rulesJson).toBe(before?.rulesJson);
    expect(JSON.parse(after!.rulesJson).cutoffTime).toBe("15:30");
  });

  it("returns: a window over 365 days is refused on its field in Indonesian with the limit named, the saved rules kept", async () => {
    const saved = await returnsRoute.action(args(post("/app/returns/rules?locale=id", { intent: "save", draft: { ...DEFAULT_DRAFT, windowDays: "45" } })));
    expect(saved.status).toBe(200);

    const response = await returnsRoute.action(
      args(post("/app/returns/rules?locale=id", { intent: "save", draft: { ...DEFAULT_DRAFT, windowDays: "400", restockingFeePercent: "120" } })),
    );

    expect(response.status).toBe(422);
    const { errors } = await response.json();
    expect(errors).toEqual({
      windowDays: "Batas waktu retur paling lama 365 hari.",
      restockingFeePercent: "Biaya restocking tidak boleh lebih dari 100%.",
    });
    const row = await prisma.returnSettings.findUnique({ where: { shop: TEST_SHOP } });
    expect(JSON.parse(row!.rulesJson).windowDays).toBe(45);
  });

  it("returns: the same field in English for an English admin", async () => {
    const response = await returnsRoute.action(args(post("/app/returns/rules?locale=en", { intent: "save", draft: { ...DEFAULT_DRAFT, windowDays: "400" } })));
    expect(response.status).toBe(422);
    expect((await response.json()).errors).toEqual({ windowDays: "The return window can be at most 365 days." });
  });
});
