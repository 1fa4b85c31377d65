import { beforeAll, describe, expect, it } from "vitest";
import prisma from "../../app/db.server";
import { getLoyaltySettings } from "../../app/models/loyalty/loyalty.server";
import { action, loader } from "../../app/routes/app.loyalty";
import { adminFetchRequest } from "../support/app-requests";
import { storeOfflineSession } from "../support/sessions";
import { TEST_SHOP } from "../support/test-env";

const args = (request: Request) => ({ request, params: {}, context: {} });
const post = (fields: Record<string, string>) => adminFetchRequest("/app/loyalty", { method: "POST", body: new URLSearchParams(fields) });
const page = async () => (await (await loader(args(adminFetchRequest("/app/loyalty")))).json());

beforeAll(async () => {
  await storeOfflineSession({ accessToken: "shpat_installed", scope: "read_orders,write_discounts" });
});

describe("loyalty page", () => {
  it("starts off, with the anniversary email ready to preview", async () => {
    const loaded = await page();
    expect(loaded.settings).toEqual({ enabled: false, discountPercent: null, discountDays: 30 });
    expect(loaded.template.subject).toContain("{shop_name}");
    expect(loaded.canCreateDiscounts).toBe(true);
  });

  it("refuses a discount out of range and keeps the old settings", async () => {
    const response = await action(args(post({ enabled: "on", withDiscount: "on", discountPercent: "95", discountDays: "0" })));
    expect(response.status).toBe(422);
    expect((await response.json()).errors).toEqual({ discountPercent: "Use 1 to 90 percent", discountDays: "Use 1 to 365 days" });
    expect(await prisma.loyaltySettings.count()).toBe(0);
  });

  it("switches the thank-you on with a discount, then drops the discount", async () => {
    const on = new Date();
    expect((await action(args(post({ enabled: "on", withDiscount: "on", discountPercent: "15", discountDays: "45" })))).status).toBe(200);
    const saved = await getLoyaltySettings(TEST_SHOP);
    expect(saved).toMatchObject({ enabled: true, discountPercent: 15, discountDays: 45 });
    expect(saved.enabledAt!.getTime()).toBeGreaterThanOrEqual(on.getTime() - 1000);

    // A percentage left in the hidden field is ignored once the discount is unticked.
    expect((await action(args(post({ enabled: "on", withDiscount: "off", discountPercent: "15", discountDays: "45" })))).status).toBe(200);
    expect((await page()).settings).toEqual({ enabled: true, discountPercent: null, discountDays: 45 });
    expect((await getLoyaltySettings(TEST_SHOP)).enabledAt).toEqual(saved.enabledAt);
  });
});
