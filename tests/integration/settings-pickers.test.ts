import { beforeEach, describe, expect, it } from "vitest";
import { DEFAULT_DRAFT, type ReturnDraft } from "~/components/returns/return-form";
import { createFakeAdmin, type FakeAdmin } from "../support/fake-admin";
import { createSeedShop } from "../support/fake-admin/seed";
import { adminFetchRequest, routeAnswer } from "../support/app-requests";
import { storeOfflineSession } from "../support/sessions";
import { routeShop } from "../support/shopify-network";
import { TEST_API_SECRET, TEST_SHOP } from "../support/test-env";

const prisma = (await import("~/db.server")).default;
const returns = await import("~/routes/app.returns.rules");
const shipping = await import("~/routes/app.shipping");
const { getReturnSettings } = await import("~/models/returns/settings.server");

const TOKEN = "shpat_installed";
const BASE_SCOPES = ["read_orders", "read_products", "write_products", "read_legal_policies"];
const SAMPLE_SALE = "gid://shopify/Collection/470000003";
const args = (request: Request) => ({ request, params: {}, context: {} });

let fake: FakeAdmin;

async function install(scopes: string[]) {
  fake = createFakeAdmin({ shop: createSeedShop({ domain: TEST_SHOP, orderCount: 5 }), accessToken: TOKEN, apiSecret: TEST_API_SECRET, scopes });
  routeShop(TEST_SHOP, (request) => fake.handle(request));
  await storeOfflineSession({ accessToken: TOKEN, scope: scopes.join(",") });
}

beforeEach(async () => {
  await prisma.returnSettings.deleteMany();
  await prisma.shippingSettings.deleteMany();
  await install(BASE_SCOPES);
});

const saveReturns = (draft: ReturnDraft) =>
  routeAnswer(() =>
    returns.action(
      args(
        adminFetchRequest("/app/returns/rules", {
          method: "POST",
          headers: { "Content-Type": "application/json" },
          body: JSON.stringify({ intent: "save", draft }),
        }),
      ),
    ),
  );
const loadReturns = async () => (await routeAnswer(() => returns.loader(args(adminFetchRequest("/app/returns/rules"))))).json();
const loadShipping = async () => (await routeAnswer(() => shipping.loader(args(adminFetchRequest("/app/shipping"))))).json();

describe("final-sale collections chosen by title", () => {
  it("saves the picked collections' ids and lists them by their title after a reload", async () => {
    const picked = [{ id: SAMPLE_SALE, title: "Sample sale" }];
    const response = await saveReturns({ ...DEFAULT_DRAFT, finalSaleCollections: picked });

    expect(response.status).toBe(200);
    expect((await response.json()).draft.finalSaleCollections).toEqual(picked);
    const settings = await getReturnSettings(TEST_SHOP);
    expect(settings?.rules.finalSale.collectionIds).toEqual([SAMPLE_SALE]);
    // The collection's products became final sale, as typed ids did before.
    expect(Object.keys(settings!.finalSaleProducts)).toHaveLength(2);

    expect((await loadReturns()).draft.finalSaleCollections).toEqual(picked);
  });

  it("names collections saved earlier as numeric ids, and saving again stores them unchanged", async () => {
    await prisma.returnSettings.create({
      data: {
        shop: TEST_SHOP,
        rulesJson: JSON.stringify({ finalSale: { tags: [], collectionIds: ["470000001", "999"] } }),
        timeZone: "Asia/Jakarta",
        finalSaleJson: "{}",
        savedAt: new Date(),
      },
    });

    const { draft } = await loadReturns();
    expect(draft.finalSaleCollections).toEqual([
      { id: "470000001", title: "Coffee" },
      // Deleted in Shopify since: listed without a title (the page names its id) and kept.
      { id: "999", title: "" },
    ]);
    expect(fake.requests.some((request) => request.operationName === "AftercareResourceTitles")).toBe(true);

    expect((await saveReturns(draft)).status).toBe(200);
    expect((await getReturnSettings(TEST_SHOP))?.rules.finalSale.collectionIds).toEqual(["470000001", "999"]);
  });
});

describe("banner languages", () => {
  it("offers the shop's published languages with read_locales", async () => {
    await install([...BASE_SCOPES, "read_locales"]);

    const { languages } = await loadShipping();

    expect(languages).toEqual({
      source: "shop",
      options: [
        { value: "en", label: "English (en)" },
        { value: "id", label: "Indonesian (id)" },
      ],
    });
  });

  it("falls back to the app's languages without read_locales, and never asks Shopify for them", async () => {
    const { languages } = await loadShipping();

    expect(languages.source).toBe("app");
    expect(languages.options.map((option: { value: string }) => option.value)).toEqual(["en", "id"]);
    expect(fake.requests.some((request) => request.operationName === "AftercarePublishedShopLocales")).toBe(false);
  });

  it("falls back when Shopify refuses the languages although the session names the scope", async () => {
    fake = createFakeAdmin({ shop: createSeedShop({ domain: TEST_SHOP, orderCount: 5 }), accessToken: TOKEN, apiSecret: TEST_API_SECRET, scopes: BASE_SCOPES });
    routeShop(TEST_SHOP, (request) => fake.handle(request));
    await storeOfflineSession({ accessToken: TOKEN, scope: [...BASE_SCOPES, "read_locales"].join(",") });

    const response = await routeAnswer(() => shipping.loader(args(adminFetchRequest("/app/shipping"))));

    expect(response.status).toBe(200);
    expect((await response.json()).languages.source).toBe("app");
  });
});
