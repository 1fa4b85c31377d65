import { describe, expect, it } from "vitest";
import { createFakeAdmin, fakeBilling } from "../support/fake-admin";

const CREATE = `mutation Create($name: String!, $returnUrl: URL!, $lineItems: [AppSubscriptionLineItemInput!]!, $trialDays: Int, $test: Boolean) {
  appSubscriptionCreate(name: $name, returnUrl: $returnUrl, lineItems: $lineItems, trialDays: $trialDays, test: $test) {
    confirmationUrl
    appSubscription { id name status test trialDays currentPeriodEnd }
    userErrors { field message }
  }
}`;
const ACTIVE = `query Active { currentAppInstallation { activeSubscriptions { id name status } } }`;
const CANCEL = `mutation Cancel($id: ID!) { appSubscriptionCancel(id: $id) { appSubscription { id status } userErrors { field message } } }`;

const recurring = (amount: number) => [{ plan: { appRecurringPricingDetails: { price: { amount, currencyCode: "USD" }, interval: "EVERY_30_DAYS" } } }];
const variables = (overrides: Record<string, unknown> = {}) => ({
  name: "Growth",
  returnUrl: "https://admin.shopify.com/store/demo/apps/aftercare/app/plans",
  lineItems: recurring(9.99),
  trialDays: 14,
  test: true,
  ...overrides,
});

interface CreateAnswer {
  appSubscriptionCreate: {
    confirmationUrl: string | null;
    appSubscription: { id: string; status: string } | null;
    userErrors: Array<{ field: string[]; message: string }>;
  };
}

describe("fake Billing API", () => {
  it("creates a pending subscription that becomes active once approved", async () => {
    const fake = createFakeAdmin();
    const answer = await fake.query(CREATE, variables());
    const created = (answer.data as unknown as CreateAnswer).appSubscriptionCreate;
    expect(answer.errors).toBeUndefined();
    expect(created.userErrors).toEqual([]);
    expect(created.appSubscription).toMatchObject({ status: "PENDING" });
    expect((await fake.query(ACTIVE)).data).toEqual({ currentAppInstallation: { activeSubscriptions: [] } });

    fakeBilling(fake.state).approve(created.appSubscription!.id);

    expect((await fake.query(ACTIVE)).data).toEqual({
      currentAppInstallation: { activeSubscriptions: [{ id: created.appSubscription!.id, name: "Growth", status: "ACTIVE" }] },
    });
  });

  it("answers userErrors for input Shopify refuses", async () => {
    const fake = createFakeAdmin();
    const answer = await fake.query(CREATE, variables({ name: " ", returnUrl: "not a url", lineItems: recurring(0), trialDays: -1 }));
    const created = (answer.data as unknown as CreateAnswer).appSubscriptionCreate;
    expect(created.appSubscription).toBeNull();
    expect(created.confirmationUrl).toBeNull();
    expect(created.userErrors.map((error) => error.field.join("."))).toEqual([
      "name",
      "returnUrl",
      "trialDays",
      "lineItems.0.plan.appRecurringPricingDetails.price",
    ]);
    expect(fakeBilling(fake.state).subscriptions).toHaveLength(0);
  });

  it("rejects a document the real schema does not allow", async () => {
    const fake = createFakeAdmin();
    const answer = await fake.query(`mutation { appSubscriptionCreate(name: "Growth") { confirmationUrl } }`);
    expect(answer.errors?.[0].message).toMatch(/returnUrl|lineItems/);
  });

  it("replaces the active subscription when another is approved, and cancels", async () => {
    const fake = createFakeAdmin();
    const billing = fakeBilling(fake.state);
    const create = async () => ((await fake.query(CREATE, variables())).data as unknown as CreateAnswer).appSubscriptionCreate.appSubscription!.id;
    const first = await create();
    billing.approve(first);
    const second = await create();
    billing.approve(second);
    expect(billing.active().map((subscription) => subscription.id)).toEqual([second]);

    const cancelled = await fake.query(CANCEL, { id: second });
    expect(cancelled.data).toEqual({ appSubscriptionCancel: { appSubscription: { id: second, status: "CANCELLED" }, userErrors: [] } });
    expect(billing.active()).toEqual([]);
    const unknown = await fake.query(CANCEL, { id: "gid://shopify/AppSubscription/1" });
    expect(unknown.data).toMatchObject({ appSubscriptionCancel: { appSubscription: null, userErrors: [{ field: ["id"] }] } });
  });

  it("serves the approval page only with the confirmation URL's signature", async () => {
    const fake = createFakeAdmin();
    const created = ((await fake.query(CREATE, variables())).data as unknown as CreateAnswer).appSubscriptionCreate;
    const url = new URL(created.confirmationUrl!);
    expect((await fake.handle(new Request(url))).status).toBe(200);
    url.searchParams.set("signature", "forged");
    expect((await fake.handle(new Request(url))).status).toBe(404);
  });
});
