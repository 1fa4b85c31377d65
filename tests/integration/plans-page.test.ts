/**
 * The plans page through the real `authenticate.admin` and the Billing API of shopifyApp, answered by
 * the fake Admin API: usage against the limits, a declined approval, cancelling, and the
 * app_subscriptions/update webhook keeping the cached plan current for the jobs.
 */
import { beforeAll, beforeEach, describe, expect, it } from "vitest";
import prisma from "../../app/db.server";
import { getCachedShopPlan, getShopPlanForJob, PLAN_STALE_AFTER_MS } from "../../app/models/billing/plan.server";
import { GROWTH_PLAN_NAME } from "../../app/models/billing/plans";
import * as plans from "../../app/routes/app.plans";
import * as subscriptionsWebhook from "../../app/routes/webhooks.app_subscriptions.update";
import { adminDocumentRequest, adminFetchRequest, webhookRequest } from "../support/app-requests";
import { fakeBilling } from "../support/fake-admin/billing";
import { createFakeAdmin, type FakeAdmin } from "../support/fake-admin/server";
import { createSeedShop } from "../support/fake-admin/seed";
import { storeOfflineSession } from "../support/sessions";
import { routeShop } from "../support/shopify-network";
import { TEST_API_SECRET, TEST_SHOP } from "../support/test-env";

const shop = TEST_SHOP;
const args = (request: Request) => ({ request, params: {}, context: {} });
let fake: FakeAdmin;

const loadPlans = async (path = "/app/plans") => (await plans.loader(args(adminFetchRequest(path)))).json();
const post = (intent: string) => plans.action(args(adminFetchRequest("/app/plans", { method: "POST", body: new URLSearchParams({ intent }) })));

/** Clicks Upgrade and returns the pending subscription's id (the action throws the library's redirect). */
async function requestUpgrade(): Promise<string> {
  await expect(post("upgrade")).rejects.toBeInstanceOf(Response);
  const subscriptions = fakeBilling(fake.state).subscriptions;
  return subscriptions[subscriptions.length - 1].id;
}

async function enqueueSent(kind: string, count: number, createdAt: Date) {
  for (let i = 0; i < count; i += 1) {
    await prisma.outboxMessage.create({
      data: {
        id: `${kind}-${createdAt.toISOString()}-${i}`,
        shop,
        dedupeKey: `${kind}:${createdAt.toISOString()}:${i}`,
        kind,
        toAddress: `buyer${i}@example.test`,
        subject: "s",
        html: "",
        text: "",
        status: "sent",
        availableAt: createdAt,
        sentAt: createdAt,
        createdAt,
      },
    });
  }
}

beforeAll(async () => {
  fake = createFakeAdmin({ shop: createSeedShop({ domain: shop }), accessToken: "shpat_installed", apiSecret: TEST_API_SECRET });
  await storeOfflineSession({ accessToken: "shpat_installed" });
});

beforeEach(() => {
  routeShop(shop, (request) => fake.handle(request));
});

describe("plans page", () => {
  it("shows the free plan with this month's usage against its limits", async () => {
    const now = new Date();
    await enqueueSent("review_request", 3, now);
    await enqueueSent("survey", 2, now);
    // Last month's emails do not count.
    await enqueueSent("review_request", 5, new Date(now.getTime() - 40 * 86_400_000));

    const data = await loadPlans();

    expect(data.plan).toMatchObject({ key: "free", title: "Free", status: null });
    expect(data.usage).toEqual([
      { kind: "review_request", used: 3, limit: 100, held: 0 },
      { kind: "survey", used: 2, limit: 100, held: 0 },
    ]);
    expect(data.approval).toBeNull();
    expect((await getCachedShopPlan(shop)).plan).toBe("free");
  });

  it("stays on the free plan when the merchant declines the charge", async () => {
    const id = await requestUpgrade();
    const back = new URL(fakeBilling(fake.state).decline(id));

    const data = await (await plans.loader(args(adminDocumentRequest(`/app/plans${back.search}`)))).json();

    expect(data.approval).toBe("declined");
    expect(data.plan.key).toBe("free");
  });

  it("refuses to cancel when there is no subscription", async () => {
    const response = await post("cancel");
    expect(response.status).toBe(409);
    expect(await response.json()).toMatchObject({ ok: false });
  });

  it("rejects an unknown action", async () => {
    expect((await post("downgrade-everyone")).status).toBe(400);
  });

  it("cancels the Growth subscription and goes back to the free limits", async () => {
    const id = await requestUpgrade();
    fakeBilling(fake.state).approve(id);
    expect((await loadPlans()).plan).toMatchObject({ key: "growth", status: "ACTIVE", trialDays: 14 });
    expect((await loadPlans()).usage[0]).toMatchObject({ kind: "review_request", limit: null });

    const response = await post("cancel");

    expect(await response.json()).toEqual({ ok: true, error: null });
    expect(fakeBilling(fake.state).subscriptions.find((subscription) => subscription.id === id)?.status).toBe("CANCELLED");
    expect(await getCachedShopPlan(shop)).toMatchObject({ plan: "free", subscriptionId: null });
    expect((await loadPlans()).usage[0]).toMatchObject({ limit: 100 });
  });
});

describe("keeping the cached plan current", () => {
  it("refreshes the plan on app_subscriptions/update", async () => {
    const id = await requestUpgrade();
    fakeBilling(fake.state).approve(id);
    expect((await getCachedShopPlan(shop)).plan).toBe("free");

    const payload = { app_subscription: { admin_graphql_api_id: id, name: GROWTH_PLAN_NAME, status: "ACTIVE", admin_graphql_api_shop_id: "gid://shopify/Shop/1" } };
    const response = await subscriptionsWebhook.action(args(webhookRequest("app_subscriptions/update", payload)));

    expect(response.status).toBe(200);
    expect(await getCachedShopPlan(shop)).toMatchObject({ plan: "growth", subscriptionId: id, status: "ACTIVE", test: true });
  });

  it("lets a job refresh a stale plan through the offline session, and keep it when Shopify fails", async () => {
    const cached = await getCachedShopPlan(shop);
    const [active] = fakeBilling(fake.state).active();
    expect(active).toBeDefined();
    // Shopify cancelled it (say, the merchant's store was frozen) and the webhook was missed.
    await post("cancel");
    await prisma.shopPlan.update({ where: { shop }, data: { plan: "growth", subscriptionId: active.id, checkedAt: cached.checkedAt } });

    const fresh = new Date(cached.checkedAt.getTime() + 60_000);
    expect((await getShopPlanForJob(shop, { now: fresh })).plan).toBe("growth");

    const stale = new Date(cached.checkedAt.getTime() + PLAN_STALE_AFTER_MS + 60_000);
    fake.failNext(1, "500");
    expect((await getShopPlanForJob(shop, { now: stale })).plan).toBe("growth");
    expect((await getShopPlanForJob(shop, { now: stale })).plan).toBe("free");
  });
});
