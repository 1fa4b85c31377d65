import { beforeEach, describe, expect, it } from "vitest";
import { defaultDraft, type ShippingDraft } from "~/components/shipping/shipping-form";
import { buildShippingCalendar, type ShippingCalendar } from "~/models/shipping/calendar";
import { parseShippingRules } from "~/models/shipping/rules";
import { createFakeAdmin, type FakeAdmin } from "../support/fake-admin";
import { createSeedShop } from "../support/fake-admin/seed";
import { adminFetchRequest, routeAnswer } from "../support/app-requests";
import { storeOfflineSession } from "../support/sessions";
import { routeShop } from "../support/shopify-network";
import { TEST_API_SECRET, TEST_SHOP } from "../support/test-env";

const prisma = (await import("../../app/db.server")).default;
const route = await import("../../app/routes/app.shipping");
const { republishShippingCalendars } = await import("../../app/jobs/republish-shipping.server");
const { saveShippingRules } = await import("../../app/models/shipping/settings.server");

const TOKEN = "shpat_installed";
const DAY = 86_400_000;
const args = (request: Request) => ({ request, params: {}, context: {} });

let fake: FakeAdmin;

beforeEach(async () => {
  await prisma.shippingSettings.deleteMany();
  fake = createFakeAdmin({ shop: createSeedShop({ domain: TEST_SHOP, orderCount: 5 }), accessToken: TOKEN, apiSecret: TEST_API_SECRET });
  routeShop(TEST_SHOP, (request) => fake.handle(request));
  await storeOfflineSession({ accessToken: TOKEN });
});

/** A Jakarta shop shipping to Java, the EU and everywhere else, as a merchant fills in the form. */
function merchantDraft(changes: Partial<ShippingDraft> = {}): ShippingDraft {
  const zone = { id: "", provinces: "", countries: "", deliveryDays: [1, 2, 3, 4, 5], holidays: [] };
  return {
    ...defaultDraft("Asia/Jakarta"),
    cutoffTime: "14:00",
    processingDays: "1",
    workingDays: [1, 2, 3, 4, 5, 6],
    holidays: "12-25, 2026-12-31",
    zones: [
      { ...zone, name: "Java", provinces: "ID-JK, id-jb", minDays: "1", maxDays: "2" },
      { ...zone, name: "European Union", countries: "DE, FR, NL", minDays: "6", maxDays: "9" },
      { ...zone, name: "Rest of the world", countries: "*", minDays: "10", maxDays: "20" },
    ],
    freeShipping: [
      { currency: "EUR", amount: "75" },
      { currency: "IDR", amount: "500000" },
    ],
    bannerMessages: [{ locale: "en", template: "Order now, get it {min_date} – {max_date} in {country}." }],
    ...changes,
  };
}

const post = (body: unknown) =>
  routeAnswer(() =>
    route.action(
      args(
        adminFetchRequest("/app/shipping", {
          method: "POST",
          headers: { "Content-Type": "application/json" },
          body: JSON.stringify(body),
        }),
      ),
    ),
  );
const save = (draft: ShippingDraft) => post({ intent: "save", draft });
const load = () => routeAnswer(() => route.loader(args(adminFetchRequest("/app/shipping"))));

const storedRow = () => prisma.shippingSettings.findUnique({ where: { shop: TEST_SHOP } });
const publishedCalendar = (): ShippingCalendar | null => {
  const metafield = fake.state.metafields.get(fake.state.appInstallation.id, "aftercare", "shipping");
  return metafield ? (JSON.parse(metafield.value) as ShippingCalendar) : null;
};
const metafieldWrites = () => fake.requests.filter((request) => request.operationName === "AppMetafieldsSet").length;

describe("shipping settings page", () => {
  it("shows a new shop sensible defaults in its own time zone and currencies", async () => {
    const response = await load();

    expect(response.status).toBe(200);
    const body = await response.json();
    expect(body.saved).toBe(false);
    expect(body.shop).toEqual({ timeZone: fake.shop.ianaTimezone, currencyCode: "USD", currencies: ["USD"] });
    expect(body.draft.timeZone).toBe("Asia/Jakarta");
    expect(body.draft.zones).toHaveLength(1);
  });

  it("saves valid rules and publishes the calendar the storefront reads", async () => {
    const response = await save(merchantDraft());

    expect(response.status).toBe(200);
    const body = await response.json();
    expect(body).toMatchObject({ ok: true, errors: {}, publication: { published: true } });

    const row = await storedRow();
    const rules = parseShippingRules(JSON.parse(row!.rulesJson));
    expect(rules.zones.map((zone) => [zone.id, zone.regions])).toEqual([
      ["java", ["ID-JK", "ID-JB"]],
      ["european-union", ["DE", "FR", "NL"]],
      ["rest-of-the-world", ["*"]],
    ]);
    expect(rules.freeShipping).toEqual([
      { currency: "EUR", minimumCents: 7_500 },
      { currency: "IDR", minimumCents: 50_000_000 },
    ]);
    expect(row!.publishedAt).not.toBeNull();
    expect(row!.publishError).toBeNull();

    const calendar = publishedCalendar();
    expect(calendar).not.toBeNull();
    expect(calendar).toEqual(buildShippingCalendar(rules, { now: new Date(calendar!.generatedAt * 1000) }));
    expect(calendar!.regions).toMatchObject({ "ID-JK": "java", DE: "european-union", "*": "rest-of-the-world" });
    expect(calendar!.freeShipping).toEqual({ EUR: 7_500, IDR: 50_000_000 });
    expect(calendar!.banner.en).toBe("Order now, get it {min_date} – {max_date} in {country}.");
  });

  it("shows the saved rules the next time the page opens", async () => {
    await save(merchantDraft());

    const body = await (await load()).json();

    expect(body.saved).toBe(true);
    expect(body.publication).toMatchObject({ publishError: null });
    expect(body.draft.zones.map((zone: { name: string; provinces: string }) => [zone.name, zone.provinces])).toEqual([
      ["Java", "ID-JK, ID-JB"],
      ["European Union", ""],
      ["Rest of the world", ""],
    ]);
    expect(body.draft.freeShipping).toEqual([
      { currency: "EUR", amount: "75" },
      { currency: "IDR", amount: "500000" },
    ]);
  });

  it("refuses invalid input with an error on each field and keeps the saved rules", async () => {
    await save(merchantDraft());
    const before = await storedRow();
    const writes = metafieldWrites();

    const draft = merchantDraft({ cutoffTime: "25:00" });
    draft.zones[0] = { ...draft.zones[0], minDays: "5", maxDays: "2" };
    draft.zones[1] = { ...draft.zones[1], countries: "DE, XX" };
    draft.bannerMessages = [{ locale: "en", template: "Free shipping over {threshold}" }];
    const response = await save(draft);

    expect(response.status).toBe(422);
    const body = await response.json();
    expect(body.ok).toBe(false);
    expect(body.errors).toEqual({
      cutoffTime: "Use a time like 14:00",
      "zones.0.maxDays": "The minimum cannot exceed the maximum",
      "zones.1.countries": "Unknown country code: XX",
      "bannerMessages.0.template": "Unknown placeholder: {threshold}",
    });
    expect(await storedRow()).toEqual(before);
    expect(metafieldWrites()).toBe(writes);
  });

  it("answers 400 to a body that is not a shipping form", async () => {
    const response = await post({ intent: "save", draft: { zones: "everywhere" } });

    expect(response.status).toBe(400);
    expect(await storedRow()).toBeNull();
  });

  it("keeps the settings when Shopify fails, says so, and publishes on retry", async () => {
    fake.failNext(1, "500");

    const failed = await (await save(merchantDraft())).json();

    expect(failed).toMatchObject({ ok: true, publication: { published: false, reason: "Shopify answered 500" } });
    const row = await storedRow();
    expect(parseShippingRules(JSON.parse(row!.rulesJson)).zones).toHaveLength(3);
    expect(row).toMatchObject({ publishedAt: null, publishError: "Shopify answered 500" });
    expect(publishedCalendar()).toBeNull();
    expect((await (await load()).json()).publication.publishError).toBe("Shopify answered 500");

    const retried = await (await post({ intent: "publish" })).json();

    expect(retried).toMatchObject({ ok: true, publication: { published: true } });
    expect(await storedRow()).toMatchObject({ publishError: null, publishFailedAt: null });
    expect(publishedCalendar()?.regions.DE).toBe("european-union");
  });

  it("reports Shopify throttling as a publishing failure too", async () => {
    fake.failNext(1, "throttled");

    const body = await (await save(merchantDraft())).json();

    expect(body.publication.published).toBe(false);
    expect(body.publication.reason).toMatch(/throttled/i);
    expect((await storedRow())?.publishError).toMatch(/throttled/i);
  });

  it("refuses a request whose session token is not signed by Shopify", async () => {
    const forged = adminFetchRequest("/app/shipping", {
      method: "POST",
      token: "eyJhbGciOiJIUzI1NiJ9.e30.forged",
      headers: { "Content-Type": "application/json" },
      body: JSON.stringify({ intent: "save", draft: merchantDraft() }),
    });

    const response = await routeAnswer(() => route.action(args(forged)));

    expect(response.status).toBe(401);
    expect(await storedRow()).toBeNull();
  });
});

describe("daily republishing", () => {
  const OTHER_SHOP = "aftercare-other.myshopify.com";

  it("moves every shop's calendar to the new day once, however often it runs", async () => {
    await save(merchantDraft());
    const savedAt = Date.parse((await storedRow())!.publishedAt!.toISOString());
    const writes = metafieldWrites();

    const sameDay = await republishShippingCalendars({ now: new Date(savedAt) });
    expect(sameDay).toEqual({ published: [], unchanged: [TEST_SHOP], failed: [] });
    expect(metafieldWrites()).toBe(writes);

    const tomorrow = new Date(savedAt + DAY);
    const first = await republishShippingCalendars({ now: tomorrow });
    const second = await republishShippingCalendars({ now: tomorrow });

    expect(first).toEqual({ published: [TEST_SHOP], unchanged: [], failed: [] });
    expect(second).toEqual({ published: [], unchanged: [TEST_SHOP], failed: [] });
    expect(metafieldWrites()).toBe(writes + 1);
    const calendar = publishedCalendar()!;
    const rules = parseShippingRules(JSON.parse((await storedRow())!.rulesJson));
    expect(calendar).toEqual(buildShippingCalendar(rules, { now: tomorrow }));
  });

  it("publishes rules whose last publication failed, and one shop's outage does not stop the others", async () => {
    const other = createFakeAdmin({
      shop: createSeedShop({ domain: OTHER_SHOP, orderCount: 5 }),
      accessToken: "shpat_other",
      apiSecret: TEST_API_SECRET,
    });
    routeShop(OTHER_SHOP, (request) => other.handle(request));
    await storeOfflineSession({ shop: OTHER_SHOP, accessToken: "shpat_other" });
    const rules = parseShippingRules(JSON.parse(JSON.stringify({ ...merchantDraftRules(), timeZone: "Europe/Berlin" })));
    await saveShippingRules(OTHER_SHOP, rules);
    await saveShippingRules(TEST_SHOP, merchantDraftRules());
    // A shop that uninstalled (its sessions are gone) is left alone.
    await saveShippingRules("aftercare-gone.myshopify.com", merchantDraftRules());
    other.failNext(1, "500");

    const report = await republishShippingCalendars({ now: new Date() });

    expect(report.published).toEqual([TEST_SHOP]);
    expect(report.failed).toEqual([{ shop: OTHER_SHOP, reason: expect.stringMatching(/500/) }]);
    expect(publishedCalendar()).not.toBeNull();
    expect((await prisma.shippingSettings.findUnique({ where: { shop: OTHER_SHOP } }))?.publishError).toMatch(/500/);

    const retry = await republishShippingCalendars({ now: new Date() });
    expect(retry).toEqual({ published: [OTHER_SHOP], unchanged: [TEST_SHOP], failed: [] });
    expect(other.state.metafields.get(other.state.appInstallation.id, "aftercare", "shipping")).not.toBeNull();
  });
});

function merchantDraftRules() {
  return parseShippingRules({
    timeZone: "Asia/Jakarta",
    cutoffTime: "14:00",
    processingDays: 1,
    workingDays: [1, 2, 3, 4, 5],
    zones: [{ id: "everywhere", name: "Everywhere", regions: ["*"], transitDays: { min: 3, max: 7 } }],
  });
}
