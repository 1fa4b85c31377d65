import { describe, expect, it } from "vitest";
import { embeddedAppPath, handleChargeApproval, toDemoShopifyUrl } from "../../scripts/demo/billing-approval";
import { createFakeAdmin, fakeBilling } from "../support/fake-admin";

const SHOPIFY = "http://localhost:4100";
const CREATE = `mutation Create($lineItems: [AppSubscriptionLineItemInput!]!) {
  appSubscriptionCreate(name: "Growth", returnUrl: "https://admin.shopify.com/store/demo/apps/key/app/plans", lineItems: $lineItems, trialDays: 14, test: true) {
    confirmationUrl
    userErrors { message }
  }
}`;

describe("demo approval of a subscription", () => {
  it("lets the merchant approve on the demo's Shopify host and lands on the plans page in the admin frame", async () => {
    const fake = createFakeAdmin();
    const answer = await fake.query(CREATE, { lineItems: [{ plan: { appRecurringPricingDetails: { price: { amount: 9.99, currencyCode: "USD" } } } }] });
    const confirmationUrl = (answer.data as { appSubscriptionCreate: { confirmationUrl: string } }).appSubscriptionCreate.confirmationUrl;

    const inBrowser = toDemoShopifyUrl(confirmationUrl, fake.shopDomain, SHOPIFY);
    expect(inBrowser.startsWith(`${SHOPIFY}/admin/charges/`)).toBe(true);
    const page = await handleChargeApproval(new Request(inBrowser), fake, SHOPIFY);
    expect(await page?.text()).toContain("Approve");

    const approved = await handleChargeApproval(
      new Request(inBrowser, { method: "POST", body: "decision=approve", headers: { "Content-Type": "application/x-www-form-urlencoded" } }),
      fake,
      SHOPIFY,
    );
    expect(approved?.status).toBe(302);
    const admin = new URL(approved!.headers.get("Location")!);
    expect(admin.origin + admin.pathname).toBe(`${SHOPIFY}/admin`);
    expect(embeddedAppPath(admin)).toMatch(/^\/app\/plans\?charge_id=\d+$/);
    expect(fakeBilling(fake.state).active()).toHaveLength(1);
  });

  it("embeds only app pages and leaves other URLs alone", async () => {
    expect(embeddedAppPath(new URL(`${SHOPIFY}/admin?app=${encodeURIComponent("https://evil.test/")}`))).toBe("/app");
    expect(embeddedAppPath(new URL(`${SHOPIFY}/admin`))).toBe("/app");
    expect(toDemoShopifyUrl("https://other.myshopify.com/admin/charges/1/x", "aftercare-demo.myshopify.com", SHOPIFY)).toBe(
      "https://other.myshopify.com/admin/charges/1/x",
    );
    expect(await handleChargeApproval(new Request(`${SHOPIFY}/storefront`), createFakeAdmin(), SHOPIFY)).toBeNull();
  });
});
