import { beforeEach, describe, expect, it } from "vitest";
import prisma from "../../app/db.server";
import { recordSurveyAnswer } from "../../app/models/surveys/attribution.server";
import { action, loader } from "../../app/routes/app.settings.checkout";
import { loader as surveysLoader } from "../../app/routes/app.surveys";
import { adminFetchRequest } from "../support/app-requests";
import { storeOfflineSession } from "../support/sessions";
import { TEST_SHOP } from "../support/test-env";

const args = (request: Request) => ({ request, params: {}, context: {} });
const save = (fields: Record<string, string>, query = "") =>
  action(args(adminFetchRequest(`/app/settings/checkout${query}`, { method: "POST", body: new URLSearchParams(fields) })));

beforeEach(async () => {
  await prisma.checkoutSurveySettings.deleteMany();
  await prisma.checkoutSurveyAnswer.deleteMany();
  await storeOfflineSession({ accessToken: "shpat_installed" });
});

describe("Thank-you page settings", () => {
  it("starts with the default options, saves the merchant's, and refuses a bad list without losing the saved one", async () => {
    const first = await (await loader(args(adminFetchRequest("/app/settings/checkout")))).json();
    expect(first.settings).toEqual({ enabled: true, askCsat: true, options: ["Instagram", "Facebook", "TikTok", "Google search", "A friend", "Podcast"] });

    expect((await save({ enabled: "on", options: "Radio\nNewsletter\nOther" })).status).toBe(200);
    const saved = await (await loader(args(adminFetchRequest("/app/settings/checkout")))).json();
    expect(saved.settings).toEqual({ enabled: true, askCsat: false, options: ["Radio", "Newsletter"] });

    const duplicate = await save({ enabled: "on", options: "Radio\nradio" });
    expect(duplicate.status).toBe(422);
    expect((await duplicate.json()).errors.options).toBe("Each option must be different");
    const tooLong = await save({ options: "x".repeat(41) }, "?locale=id");
    expect((await tooLong.json()).errors.options).toBe("Setiap pilihan paling banyak 40 karakter");
    expect((await save({ options: "" })).status).toBe(422);
    expect((await (await loader(args(adminFetchRequest("/app/settings/checkout")))).json()).settings.options).toEqual(["Radio", "Newsletter"]);
  });
});

describe("Surveys page attribution breakdown", () => {
  it("counts the shop's Thank-you page answers by channel and week", async () => {
    const now = new Date();
    await recordSurveyAnswer(TEST_SHOP, { orderId: "gid://shopify/Order/1", option: "Instagram", otherText: null, csat: 4 }, { now });
    await recordSurveyAnswer(TEST_SHOP, { orderId: "gid://shopify/Order/2", option: "Instagram", otherText: null, csat: 2 }, { now });
    await recordSurveyAnswer(TEST_SHOP, { orderId: "gid://shopify/Order/3", option: "Other", otherText: "Flyer", csat: null }, { now });
    await recordSurveyAnswer("another-shop.myshopify.com", { orderId: "gid://shopify/Order/4", option: "Podcast", otherText: null, csat: 1 }, { now });

    const page = await (await surveysLoader(args(adminFetchRequest("/app/surveys")))).json();
    expect(page.attribution.total).toBe(3);
    expect(page.attribution.channels.map((channel: { option: string; count: number }) => [channel.option, channel.count])).toEqual([["Instagram", 2], ["Other", 1]]);
    expect(page.attribution.weeks).toHaveLength(1);
    expect(page.attribution.csatAverage).toBe(3);
    await prisma.checkoutSurveyAnswer.deleteMany({ where: { shop: "another-shop.myshopify.com" } });
  });
});

describe("shipping calendar for checkout extensions", () => {
  it("is published on the shop under $app:aftercare, the same value the theme reads from the app installation", async () => {
    const { createFakeAdmin } = await import("../support/fake-admin");
    const { createSeedShop } = await import("../support/fake-admin/seed");
    const { publishShippingRules } = await import("../../app/models/shipping/settings.server");
    const { sampleShippingRules } = await import("../support/storefront/sample-shipping-rules");
    const fake = createFakeAdmin({ shop: createSeedShop({ domain: TEST_SHOP }), accessToken: "shpat_installed" });
    const graphql = async (query: string, options?: { variables?: Record<string, unknown> }) =>
      new Response(JSON.stringify(await fake.query(query, options?.variables)), { headers: { "Content-Type": "application/json" } });

    await publishShippingRules(graphql, sampleShippingRules(), new Date("2026-03-02T01:00:00Z"));

    const onShop = fake.state.metafields.get(fake.state.seed.shop.id, "$app:aftercare", "shipping");
    const onInstallation = fake.state.metafields.get(fake.state.appInstallation.id, "aftercare", "shipping");
    expect(onShop?.type).toBe("json");
    expect(onShop?.value).toBe(onInstallation?.value);
  });
});
