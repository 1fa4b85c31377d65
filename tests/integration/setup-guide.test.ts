import { beforeEach, describe, expect, it } from "vitest";
import { adminFetchRequest } from "../support/app-requests";
import { createFakeAdmin, createSeedShop, type FakeAdmin } from "../support/fake-admin";
import { AFTERCARE_EXTENSION_UID, mainTheme } from "../support/fake-admin/themes";
import { storeOfflineSession } from "../support/sessions";
import { routeShop } from "../support/shopify-network";
import { TEST_API_KEY, TEST_SHOP } from "../support/test-env";

const prisma = (await import("../../app/db.server")).default;
const home = await import("../../app/routes/app._index");
const guideRoute = await import("../../app/routes/app.setup-guide");
const { saveReturnSettings } = await import("../../app/models/returns/settings.server");
const { returnRulesSchema } = await import("../../app/models/returns/rules");
const { getThemeLiveStatus } = await import("../../app/models/setup-guide/theme-status.server");
const { saveShippingRules } = await import("../../app/models/shipping/settings.server");
const { sampleShippingRules } = await import("../support/storefront/sample-shipping-rules");

const ACCESS_TOKEN = "shpat_setup_guide";
const SCOPES = ["read_orders", "read_products", "read_legal_policies", "read_themes"];

type Home = Awaited<ReturnType<Awaited<ReturnType<typeof home.loader>>["json"]>>;
type Guide = Home["setupGuide"];
type OpenGuide = Extract<Guide, { dismissed: false }>;

let fake: FakeAdmin;

function installApp(scopes = SCOPES) {
  fake = createFakeAdmin({ shop: createSeedShop({ domain: TEST_SHOP, orderCount: 0 }), accessToken: ACCESS_TOKEN, scopes });
  routeShop(TEST_SHOP, (request) => fake.handle(request));
  return storeOfflineSession({ accessToken: ACCESS_TOKEN, scope: scopes.join(",") });
}

async function loadGuide(): Promise<Guide> {
  const response = await home.loader({ request: adminFetchRequest("/app"), params: {}, context: {} });
  expect(response.status).toBe(200);
  const data = await response.json();
  expect(data.overview.myshopifyDomain).toBe(TEST_SHOP);
  return data.setupGuide;
}

async function openGuide(): Promise<OpenGuide> {
  const guide = await loadGuide();
  if (guide.dismissed) throw new Error("expected the setup guide to be shown");
  return guide;
}

const stepStatus = (guide: OpenGuide) => Object.fromEntries(guide.steps.map((step) => [step.id, step.status]));
const step = (guide: OpenGuide, id: string) => guide.steps.find((candidate) => candidate.id === id)!;

function postGuide(fields: Record<string, string>) {
  return guideRoute.action({
    request: adminFetchRequest("/app/setup-guide", { method: "POST", body: new URLSearchParams(fields) }),
    params: {},
    context: {},
  });
}

/** An Admin client outside a request (as a job has), posting straight to the fake. */
const graphql = (query: string, options?: { variables?: Record<string, unknown> }) =>
  fake.handle(new Request(fake.graphqlUrl, {
    method: "POST",
    headers: { "Content-Type": "application/json", "X-Shopify-Access-Token": ACCESS_TOKEN },
    body: JSON.stringify({ query, variables: options?.variables }),
  }));

/** What the theme editor saves when the merchant switches the embed on. */
function enableEmbedInThemeEditor() {
  mainTheme(fake.state).editJson("config/settings_data.json", (data) => {
    data.current.blocks["9824673457832194511"] = {
      type: `shopify://apps/aftercare/blocks/shipping-banner/${AFTERCARE_EXTENSION_UID}`,
      disabled: false,
      settings: {},
    };
  });
}

beforeEach(async () => {
  await prisma.setupGuideState.deleteMany();
  await prisma.returnSettings.deleteMany();
  await prisma.shippingSettings.deleteMany();
  await installApp();
});

describe("setup guide on the admin home", () => {
  it("shows every step open for a freshly installed shop, and says the theme is not set up yet", async () => {
    const guide = await openGuide();

    expect(stepStatus(guide)).toEqual({
      "app-embed": "todo",
      "delivery-estimate": "todo",
      "return-policy": "todo",
      "shipping-zones": "todo",
      "return-window": "todo",
      "review-timing": "todo",
      "thank-you-block": "todo",
      "order-status-block": "todo",
      "test-email": "todo",
    });
    expect(guide).toMatchObject({ completed: 0, total: 9 });
    expect(step(guide, "review-timing").action?.url).toBe("/app/reviews");
    expect(guide.liveSummary).toBe(
      'In your live theme "Dawn", the Aftercare app embed has not been switched on and no Aftercare block is on the product page.',
    );
    expect(fake.requests.filter((request) => request.operationName === "MainThemeFiles")).toHaveLength(1);
  });

  it("links each theme step straight to the theme editor of this shop, and settings steps to their pages", async () => {
    const guide = await openGuide();

    expect(step(guide, "app-embed").action).toEqual({
      label: "Turn on in theme editor",
      url: `https://${TEST_SHOP}/admin/themes/current/editor?context=apps&template=index&activateAppId=${TEST_API_KEY}/shipping-banner`,
      external: true,
    });
    expect(step(guide, "delivery-estimate").action?.url).toBe(
      `https://${TEST_SHOP}/admin/themes/current/editor?template=product&addAppBlockId=${TEST_API_KEY}/delivery-estimate&target=mainSection`,
    );
    expect(step(guide, "thank-you-block").action).toMatchObject({ url: `https://${TEST_SHOP}/admin/settings/checkout/editor?page=thank-you&context=apps`, external: true });
    expect(step(guide, "order-status-block").action).toMatchObject({ url: `https://${TEST_SHOP}/admin/settings/checkout/editor?page=order-status&context=apps`, external: true });
    expect(step(guide, "shipping-zones").action).toMatchObject({ url: "/app/shipping", external: false });
    expect(step(guide, "return-window").action).toMatchObject({ url: "/app/returns/rules", external: false });
  });

  it("ticks the embed step once the live theme has the embed switched on, and unticks it when switched off", async () => {
    enableEmbedInThemeEditor();

    let guide = await openGuide();
    expect(step(guide, "app-embed").status).toBe("done");
    expect(guide.completed).toBe(1);
    expect(guide.liveSummary).toContain("the Aftercare app embed is on");

    mainTheme(fake.state).editJson("config/settings_data.json", (data) => {
      data.current.blocks["9824673457832194511"].disabled = true;
    });
    guide = await openGuide();
    expect(step(guide, "app-embed").status).toBe("todo");
    expect(guide.liveSummary).toContain("the Aftercare app embed is switched off");
  });

  it("ticks the product page step once the delivery estimate block is placed on the product template", async () => {
    mainTheme(fake.state).editJson("templates/product.json", (data) => {
      data.sections.main.blocks.delivery_estimate_Qw3 = {
        type: `shopify://apps/aftercare/blocks/delivery-estimate/${AFTERCARE_EXTENSION_UID}`,
        settings: {},
      };
      data.sections.main.block_order.splice(3, 0, "delivery_estimate_Qw3");
    });

    const guide = await openGuide();

    expect(stepStatus(guide)).toMatchObject({ "delivery-estimate": "done", "return-policy": "todo", "app-embed": "todo" });
    expect(guide.liveSummary).toContain("the product page shows delivery-estimate");
  });

  it("ticks shipping zones and the return window once their settings are saved", async () => {
    await saveShippingRules(TEST_SHOP, sampleShippingRules());
    await saveReturnSettings(TEST_SHOP, { rules: returnRulesSchema.parse({}), timeZone: "Asia/Jakarta", finalSaleProducts: {} });

    const guide = await openGuide();

    expect(stepStatus(guide)).toMatchObject({ "shipping-zones": "done", "return-window": "done", "app-embed": "todo" });
    expect(guide.completed).toBe(2);
  });

  it("ticks the Thank-you block once a shopper answered its survey on the Thank-you page", async () => {
    const { recordSurveyAnswer } = await import("../../app/models/surveys/attribution.server");
    expect(step(await openGuide(), "thank-you-block").status).toBe("todo");
    await recordSurveyAnswer(TEST_SHOP, { orderId: "gid://shopify/Order/9001", option: "Podcast", otherText: null, csat: null });

    const guide = await openGuide();
    expect(stepStatus(guide)).toMatchObject({ "thank-you-block": "done", "order-status-block": "todo" });
    expect(guide.completed).toBe(1);
  });

  it("says it could not check the theme, rather than guessing, without the read_themes scope", async () => {
    await installApp(SCOPES.filter((scope) => scope !== "read_themes"));
    enableEmbedInThemeEditor();

    const guide = await openGuide();

    expect(stepStatus(guide)).toMatchObject({ "app-embed": "unknown", "delivery-estimate": "unknown", "return-policy": "unknown" });
    expect(guide.liveSummary).toBe("Could not check your theme: Aftercare does not have permission to read themes (read_themes).");
  });

  it("says it could not check when the Admin API fails, in a job as in a request", async () => {
    enableEmbedInThemeEditor();
    fake.failNext(1, "500");

    const status = await getThemeLiveStatus(graphql);

    expect(status).toMatchObject({ checked: false, problem: "unreadable", reason: expect.stringMatching(/^the theme could not be read/) });
    expect(await getThemeLiveStatus(graphql)).toEqual({ checked: true, themeName: "Dawn", embed: "enabled", productBlocks: [] });

    await installApp(["read_orders"]);
    expect(await getThemeLiveStatus(graphql)).toEqual({
      checked: false,
      problem: "no_permission",
      reason: "Aftercare does not have permission to read themes (read_themes)",
    });
  });

  it("says it could not check when the theme's settings file is unreadable", async () => {
    mainTheme(fake.state).writeFile("config/settings_data.json", '/* generated */ { "current": { "blocks": ');

    const guide = await openGuide();

    expect(step(guide, "app-embed").status).toBe("unknown");
    expect(guide.liveSummary).toMatch(/config\/settings_data\.json: not valid JSON/);
  });

  it("remembers a step ticked by hand, only for steps the app cannot verify", async () => {
    expect((await postGuide({ intent: "mark-step", stepId: "test-email", done: "true" })).status).toBe(200);
    expect(step(await openGuide(), "test-email").status).toBe("done");

    expect((await postGuide({ intent: "mark-step", stepId: "order-status-block", done: "true" })).status).toBe(200);
    expect(step(await openGuide(), "order-status-block").status).toBe("done");

    const refused = await postGuide({ intent: "mark-step", stepId: "app-embed", done: "true" });
    expect(refused.status).toBe(400);
    expect(step(await openGuide(), "app-embed").status).toBe("todo");
  });

  it("stays dismissed for the shop once dismissed, without reading the theme again", async () => {
    expect((await postGuide({ intent: "dismiss" })).status).toBe(200);
    const before = fake.requests.length;

    expect(await loadGuide()).toEqual({ dismissed: true });
    expect(fake.requests.slice(before).map((request) => request.operationName)).not.toContain("MainThemeFiles");
  });
});
