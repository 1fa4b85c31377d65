import { AppProvider } from "@shopify/polaris";
import polarisTranslations from "@shopify/polaris/locales/en.json";
import { createElement } from "react";
import { renderToString } from "react-dom/server";
import { beforeEach, describe, expect, it } from "vitest";
import { ReturnSettingsPage } from "~/components/returns/ReturnSettingsPage";
import { DEFAULT_DRAFT, adoptFromPolicy, parseReturnDraft, type ReturnDraft } from "~/components/returns/return-form";
import { comparePolicyText } from "~/models/returns/policy-comparison";
import { returnRulesSchema } from "~/models/returns/rules";
import type { StorefrontReturnRules } from "~/models/returns/storefront";
import { createFakeAdmin, finalSaleProducts, type FakeAdmin } from "../support/fake-admin";
import { createSeedShop } from "../support/fake-admin/seed";
import { adminFetchRequest, routeAnswer } from "../support/app-requests";
import { storeOfflineSession } from "../support/sessions";
import { routeShop } from "../support/shopify-network";
import { TEST_API_SECRET, TEST_SHOP } from "../support/test-env";

const prisma = (await import("~/db.server")).default;
const route = await import("~/routes/app.returns.rules");
const { getReturnSettings, getRefundPolicy, refreshReturnFacts } = await import("~/models/returns/settings.server");

const TOKEN = "shpat_installed";
const args = (request: Request) => ({ request, params: {}, context: {} });

let fake: FakeAdmin;

beforeEach(async () => {
  await prisma.returnSettings.deleteMany();
  fake = createFakeAdmin({ shop: createSeedShop({ domain: TEST_SHOP, orderCount: 5 }), accessToken: TOKEN, apiSecret: TEST_API_SECRET });
  routeShop(TEST_SHOP, (request) => fake.handle(request));
  await storeOfflineSession({ accessToken: TOKEN });
});

const post = (body: unknown) =>
  routeAnswer(() =>
    route.action(
      args(adminFetchRequest("/app/returns/rules", { method: "POST", headers: { "Content-Type": "application/json" }, body: JSON.stringify(body) })),
    ),
  );
const save = (draft: ReturnDraft) => post({ intent: "save", draft });
const load = () => routeAnswer(() => route.loader(args(adminFetchRequest("/app/returns/rules"))));

const publishedRules = (): StorefrontReturnRules | null => {
  const metafield = fake.state.metafields.get(fake.state.appInstallation.id, "aftercare", "returns");
  return metafield ? (JSON.parse(metafield.value) as StorefrontReturnRules) : null;
};

describe("returns settings page", () => {
  it("imports the shop's refund policy and shows where the default rules disagree with it", async () => {
    const response = await load();

    expect(response.status).toBe(200);
    const body = await response.json();
    expect(body).toMatchObject({ saved: false, timeZone: "Asia/Jakarta", draft: DEFAULT_DRAFT, policy: { status: "found" } });
    expect(body.policy.body).toContain("30 days of delivery");
    // The seeded policy names final-sale items; the default rules mark none.
    const topics = comparePolicyText(body.policy.body, returnRulesSchema.parse({})).map((d) => d.topic);
    expect(topics).toEqual(["final_sale"]);
  });

  it("saves the rules, resolves the final-sale products and publishes what the storefront reads", async () => {
    const response = await save({ ...DEFAULT_DRAFT, windowDays: "45", finalSaleTags: "Final-Sale", restockingFeePercent: "5" });

    expect(response.status).toBe(200);
    expect(await response.json()).toMatchObject({ ok: true, errors: {}, publication: { published: true } });

    const settings = await getReturnSettings(TEST_SHOP);
    expect(settings?.rules).toMatchObject({ windowDays: 45, restockingFeePercent: 5, finalSale: { tags: ["Final-Sale"] } });
    expect(settings?.timeZone).toBe("Asia/Jakarta");
    expect(Object.keys(settings!.finalSaleProducts).sort()).toEqual(finalSaleProducts(fake.seed).map((product) => product.id).sort());
    expect(settings?.publishedAt).not.toBeNull();

    expect(publishedRules()).toMatchObject({
      windowDays: 45,
      startsAt: "delivery",
      finalSale: { tags: ["final-sale"], collectionIds: [] },
    });
    expect(publishedRules()!.points).toContainEqual({ code: "restocking_fee", percent: 5 });
  });

  it("refuses invalid rules with a message on each field, and publishes nothing", async () => {
    const response = await save({
      ...DEFAULT_DRAFT,
      windowDays: "0",
      resolutions: [],
      holidayExtensions: [{ orderedFrom: "2025-12-20", orderedThrough: "2025-12-01", windowDays: "60" }],
    });

    expect(response.status).toBe(422);
    const body = await response.json();
    expect(body.errors).toEqual({
      windowDays: "The return window must be at least 1 day.",
      resolutions: "Offer at least one way to settle a return: refund, exchange or store credit.",
      "holidayExtensions.0.orderedThrough": "The holiday period must end on or after the day it starts.",
    });
    expect(await prisma.returnSettings.count()).toBe(0);
    expect(publishedRules()).toBeNull();
  });

  it("keeps the saved rules when publishing fails, and publishes them on retry", async () => {
    const saved = await save(DEFAULT_DRAFT);
    expect(await saved.json()).toMatchObject({ publication: { published: true } });
    await prisma.returnSettings.update({ where: { shop: TEST_SHOP }, data: { publishedAt: null } });
    fake.failNext(1, "500");

    const failed = await post({ intent: "publish" });
    const failure = await failed.json();

    expect(failure.publication.published).toBe(false);
    expect((await getReturnSettings(TEST_SHOP))?.publishError).toBe(failure.publication.reason);

    const retried = await post({ intent: "publish" });
    expect(await retried.json()).toMatchObject({ publication: { published: true } });
    expect((await getReturnSettings(TEST_SHOP))?.publishError).toBeNull();
  });
});

describe("daily refresh of the shop facts", () => {
  it("learns about a product tagged final sale after the rules were saved", async () => {
    await save({ ...DEFAULT_DRAFT, finalSaleTags: "final-sale" });
    const newlyTagged = fake.seed.products.find((product) => !product.tags.includes("final-sale"))!;
    newlyTagged.tags.push("final-sale");
    const graphql = (query: string, options?: { variables?: Record<string, unknown> }) => fake.graphql(query, options);

    expect(await refreshReturnFacts(TEST_SHOP, graphql)).toBe(true);

    const settings = await getReturnSettings(TEST_SHOP);
    expect(settings?.finalSaleProducts[newlyTagged.id]).toEqual({ tags: ["final-sale"], collectionIds: [] });
  });
});

describe("reading the refund policy", () => {
  it("says so, instead of failing the page, when the app may not read policies", async () => {
    const denied = { message: "Access denied for shopPolicies field. Required access: `read_legal_policies` access scope.", extensions: { code: "ACCESS_DENIED" } };
    const graphql = async () => new Response(JSON.stringify({ data: null, errors: [denied] }), { headers: { "Content-Type": "application/json" } });

    expect(await getRefundPolicy(graphql)).toEqual({ status: "no_access", message: denied.message });
  });

  it("reports a shop without a refund policy", async () => {
    const graphql = async () =>
      new Response(JSON.stringify({ data: { shop: { shopPolicies: [{ type: "PRIVACY_POLICY", title: "Privacy", body: "<p>x</p>", url: "u", updatedAt: "2025-01-01T00:00:00Z" }] } } }));

    expect(await getRefundPolicy(graphql)).toEqual({ status: "missing" });
  });
});

describe("when Shopify cannot be reached while saving", () => {
  it("saves nothing and says so", async () => {
    fake.failNext(1, "500");

    const response = await save({ ...DEFAULT_DRAFT, finalSaleTags: "final-sale" });

    expect(response.status).toBe(503);
    expect((await response.json()).errors.form).toMatch(/^Shopify could not be reached .*Nothing was saved/);
    expect(await prisma.returnSettings.count()).toBe(0);
    expect(publishedRules()).toBeNull();
  });
});

describe("when the imported policy disagrees, the merchant decides", () => {
  it("adopts the policy's window, start and fee into the form, one difference at a time", async () => {
    const { policy } = await (await load()).json();
    const draft: ReturnDraft = { ...DEFAULT_DRAFT, windowDays: "14", windowStartsAt: "order", restockingFeePercent: "0", finalSaleTags: "final-sale" };
    const rules = parseReturnDraft(draft);
    if (!rules.ok) throw new Error("the draft should be valid");

    const disagreements = comparePolicyText(policy.body, rules.rules);
    expect(disagreements.map((d) => d.topic)).toEqual(["window_days", "window_start"]);

    const adopted = disagreements.reduce<ReturnDraft>((current, disagreement) => adoptFromPolicy(current, disagreement) ?? current, draft);
    const after = parseReturnDraft(adopted);
    expect(after.ok && after.rules).toMatchObject({ windowDays: 30, windowStartsAt: "delivery" });
    expect(after.ok && comparePolicyText(policy.body, after.rules)).toEqual([]);
  });

  it("leaves to the merchant what a number cannot settle", () => {
    expect(adoptFromPolicy(DEFAULT_DRAFT, { topic: "final_sale", excerpt: "Final sale items cannot be returned." })).toBeNull();
    expect(adoptFromPolicy({ ...DEFAULT_DRAFT, resolutions: ["refund"] }, { topic: "refund_not_offered", excerpt: "Store credit only." })).toBeNull();
  });
});

describe("the page as the merchant sees it", () => {
  it("shows the policy's difference, its sentence, and the storefront preview for today", async () => {
    const { policy, timeZone } = await (await load()).json();
    const noop = () => undefined;

    const html = renderToString(
      createElement(
        AppProvider,
        { i18n: polarisTranslations },
        createElement(ReturnSettingsPage, {
          draft: { ...DEFAULT_DRAFT, windowDays: "14" },
          onChange: noop,
          timeZone,
          now: new Date("2025-01-06T03:48:00Z"),
          policy,
          errors: {},
          publication: null,
          publishedAt: null,
          publishing: false,
          reloadingPolicy: false,
          onRetryPublish: noop,
          onReloadPolicy: noop,
        }),
      ),
    );
    const text = html.replace(/<[^>]+>/g, " ").replace(/&#x27;|&#39;/g, "'").replace(/&quot;/g, '"').replace(/\s+/g, " ");

    expect(text).toContain("2 differences with your refund policy");
    expect(text).toContain("Your refund policy gives 30 days to return; your rules give 14 days.");
    expect(text).toContain("Your refund policy names items that cannot be returned, but no tag or collection is marked final sale here.");
    expect(text).toContain("14-day returns");
    expect(text).toContain("Return within 14 days of delivery, at least until Mon 20 Jan");
  });
});
