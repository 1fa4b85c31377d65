/**
 * A merchant who has already set Aftercare up: shipping zones, return rules and contact options saved
 * and published through the app's own models, so the storefront preview shows every block on first run.
 * `npm run demo -- --fresh` skips this and shows a just-installed shop instead.
 */
import { saveShippingRules, publishAndRecord } from "../../app/models/shipping/settings.server";
import { saveAndPublishReturnRules } from "../../app/models/returns/settings.server";
import { returnRulesSchema } from "../../app/models/returns/rules";
import { contactOptionsSchema } from "../../app/models/contact/options";
import { publishContactOptions, saveContactOptions } from "../../app/models/contact/options.server";
import type { FakeAdmin } from "../../tests/support/fake-admin/server";
import { sampleShippingRules } from "../../tests/support/storefront/sample-shipping-rules";
import { storeOfflineSession } from "../../tests/support/sessions";
import { recordInstall } from "../../app/models/shop/shop.server";
import { saveReviewSettings } from "../../app/models/reviews/review.server";
import { DEFAULT_REVIEW_DELAYS } from "../../app/models/reviews/timing";
import { AFTERCARE_EXTENSION_UID, mainTheme } from "../../tests/support/fake-admin/themes";

/** Review requests were switched on this long ago: orders delivered since then get asked once due. */
const REVIEWS_ON_FOR_DAYS = 12;
const DAY = 86_400_000;

export async function configureDemoMerchant(fakeAdmin: FakeAdmin, now: Date): Promise<void> {
  const shop = fakeAdmin.shopDomain;
  const graphql = fakeAdmin.graphql;

  // Installed: the offline session token exchange would have stored, and the shop's install record.
  const scope = fakeAdmin.state.appInstallation.accessScopes.map((s) => s.handle).join(",");
  await storeOfflineSession({ shop, accessToken: fakeAdmin.accessToken, scope });
  await recordInstall(shop, scope);

  const shipping = sampleShippingRules({ timeZone: fakeAdmin.shop.ianaTimezone });
  await saveShippingRules(shop, shipping, now);
  const published = await publishAndRecord(shop, graphql, shipping, now);
  if (!published.published) throw new Error(`The demo could not publish its shipping rules: ${published.reason}`);

  const returns = returnRulesSchema.parse({ windowDays: 30, windowStartsAt: "delivery", finalSale: { tags: ["final-sale"] } });
  const returnsPublished = await saveAndPublishReturnRules(shop, graphql, returns, now);
  if (!returnsPublished.published) throw new Error(`The demo could not publish its return rules: ${returnsPublished.reason}`);

  const contact = contactOptionsSchema.parse({
    email: `help@${shop.replace(".myshopify.com", "")}.example`,
    phone: "+62 21 5550 1234",
    whatsapp: "+62 812 5550 1234",
    hours: "Mon–Sat, 09:00–17:00 WIB",
  });
  await saveContactOptions(shop, contact);
  await publishContactOptions(graphql, contact);

  await saveReviewSettings(
    shop,
    {
      enabled: true,
      homeCountry: "ID",
      domestic: { ...DEFAULT_REVIEW_DELAYS.domestic },
      international: { ...DEFAULT_REVIEW_DELAYS.international },
      reminderDays: DEFAULT_REVIEW_DELAYS.reminderDays,
    },
    new Date(now.getTime() - REVIEWS_ON_FOR_DAYS * DAY),
  );
  placeBlocksInTheme(fakeAdmin);
}

/**
 * The merchant's live theme as the storefront preview shows it: the app embed switched on and the
 * delivery estimate and return policy blocks on the product template (what the setup guide reads).
 */
function placeBlocksInTheme(fakeAdmin: FakeAdmin): void {
  const theme = mainTheme(fakeAdmin.state);
  const block = (name: string) => `shopify://apps/aftercare/blocks/${name}/${AFTERCARE_EXTENSION_UID}`;
  theme.editJson("config/settings_data.json", (data) => {
    data.current.blocks["4180275563121094117"] = { type: block("shipping-banner"), disabled: false, settings: {} };
  });
  theme.editJson("templates/product.json", (data) => {
    data.sections.main.blocks.aftercare_delivery_estimate = { type: block("delivery-estimate"), settings: {} };
    data.sections.main.blocks.aftercare_return_policy = { type: block("return-policy"), settings: {} };
    data.sections.main.block_order.splice(3, 0, "aftercare_delivery_estimate", "aftercare_return_policy");
  });
}

/**
 * The shop's order history as the app holds it after running for a while: the initial sync done through
 * the app's own sync code (against a twin of the fake shop on a virtual clock, so the demo does not wait
 * a minute of API refill), and each order's email as the orders/create webhook records it.
 */
export async function syncDemoHistory(fakeAdmin: FakeAdmin, now: Date): Promise<void> {
  const { createFakeAdmin } = await import("../../tests/support/fake-admin/server");
  const { createSeedShop } = await import("../../tests/support/fake-admin/seed");
  const { resultFromBody } = await import("../../app/shopify/admin-transport");
  const { createPacedAdmin } = await import("../../app/shopify/paced-admin");
  const { runOrderSync } = await import("../../app/shopify/order-sync.server");

  let virtual = now.getTime();
  const clock = { now: () => virtual, sleep: async (ms: number) => void (virtual += ms) };
  const twin = createFakeAdmin({ shop: createSeedShop({ now, domain: fakeAdmin.shopDomain }), clock: clock.now });
  const transport = async <T>(query: string, variables?: Record<string, unknown>) =>
    resultFromBody<T>((await twin.query(query, variables)) as Parameters<typeof resultFromBody<T>>[0]);
  await runOrderSync({
    shop: fakeAdmin.shopDomain,
    admin: createPacedAdmin(transport, clock),
    grantedScopes: ["read_orders", "read_all_orders"],
    clock,
  });

  // The sync stored each order's email, name and language with it, as it does for a real shop.
  // Buyers of delivered orders have reviewed the first products; their ratings are published.
  const { seedDemoReviews } = await import("./demo-reviews");
  await seedDemoReviews(fakeAdmin.shopDomain, fakeAdmin.graphql, fakeAdmin.seed.products, now);

  // A shopper has asked to return one item: Admin -> Returns has a request to approve.
  const { seedDemoReturn } = await import("./demo-returns");
  await seedDemoReturn(fakeAdmin.shopDomain, fakeAdmin.graphql, now);
}
