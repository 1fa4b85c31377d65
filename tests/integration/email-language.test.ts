/**
 * Review requests in the shopper's language, signed with the shop's name: the daily job reads
 * `shop { name }` through the shop's offline Admin client (the fake Admin API, real schema), caches it on
 * the Shop row, and every email goes out through a real SMTP server.
 */
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import prisma from "../../app/db.server";
import { getShopEmailContext } from "../../app/email/shop-context.server";
import { closeMailTransports } from "../../app/email/transport.server";
import { enqueueReviewRequests } from "../../app/jobs/review-requests.server";
import { JOBS } from "../../app/jobs/run-jobs.server";
import { sendDueEmails } from "../../app/models/email/outbox.server";
import { saveReviewSettings } from "../../app/models/reviews/review.server";
import { recordInstall } from "../../app/models/shop/shop.server";
import { unauthenticated } from "../../app/shopify.server";
import { createFakeAdmin, type FakeAdmin } from "../support/fake-admin/server";
import { createSeedShop } from "../support/fake-admin/seed";
import { days, seedOrder } from "../support/keep-in-touch-fixtures";
import { storeOfflineSession } from "../support/sessions";
import { routeShop } from "../support/shopify-network";
import { startSmtpServer, type TestSmtpServer } from "../support/smtp";
import { TEST_API_SECRET, TEST_SHOP } from "../support/test-env";

const shop = TEST_SHOP;
const SHOP_NAME = "Kopi Kita Roastery";
const t0 = new Date("2026-06-01T08:00:00Z");
const at = (dayOffset: number) => new Date(t0.getTime() + days(dayOffset));

let smtp: TestSmtpServer;
let fake: FakeAdmin;

/** The daily job as `npm run jobs` runs it: the shop's offline Admin client from its stored session. */
const runReviewJob = (now: Date) =>
  JOBS["review-requests"]({ now, adminFor: async (domain) => (await unauthenticated.admin(domain)).admin.graphql });

/** A delivered order of one line, written through the app's order path, with the shopper's language. */
function seedDeliveredOrder(n: number, locale: string | null, productId: string, title: string) {
  return seedOrder(
    shop,
    {
      id: `gid://shopify/Order/${n}`,
      name: `#${1000 + n}`,
      createdAt: at(-3),
      customerId: `gid://shopify/Customer/${n}`,
      email: `buyer${n}@example.test`,
      firstName: n === 1 ? "Dewi" : "Sam",
      locale,
      parcels: [{ id: `gid://shopify/Fulfillment/${n}`, createdAt: at(-2), inTransitAt: at(-1), deliveredAt: at(1) }],
      lineItems: [{ id: `gid://shopify/LineItem/${n}1`, productId, title, sku: null, quantity: 1 }],
    },
    at(1),
  );
}

const mailTo = (address: string) => {
  const mail = smtp.messages.find((message) => message.to.includes(address));
  if (!mail) throw new Error(`No email to ${address}`);
  return mail;
};

beforeAll(async () => {
  smtp = await startSmtpServer();
  process.env.SMTP_URL = smtp.url;
  process.env.MAIL_FROM = "care@kopi.test";
  const seed = createSeedShop({ domain: shop });
  seed.shop.name = SHOP_NAME;
  fake = createFakeAdmin({ shop: seed, accessToken: "shpat_installed", apiSecret: TEST_API_SECRET, scopes: ["read_orders", "write_products"] });
  routeShop(shop, (request) => fake.handle(request));
  await storeOfflineSession({ accessToken: "shpat_installed" });
  await recordInstall(shop, "read_orders,write_products");
  const [productA, productB] = [...fake.state.products.keys()];
  await saveReviewSettings(
    shop,
    { enabled: true, homeCountry: "ID", domestic: { deliveredDays: 7, fulfilledDays: 14 }, international: { deliveredDays: 10, fulfilledDays: 21 }, reminderDays: 7 },
    t0,
  );
  await seedDeliveredOrder(1, "id-ID", productA!, "Cangkir enamel");
  await seedDeliveredOrder(2, "en-US", productB!, "Pour-over kettle");
});

afterAll(async () => {
  closeMailTransports();
  await smtp.close();
});

describe("review emails in the shopper's language", () => {
  it("asks an Indonesian customer in Indonesian and an English one in English, both signed with the shop's name", async () => {
    expect(await runReviewJob(at(8))).toEqual({ [shop]: { requests: 2, reminders: 0, withoutEmail: 0 } });
    await sendDueEmails({ now: at(8) });
    await smtp.waitForMessages(2);

    const indonesian = mailTo("buyer1@example.test");
    expect(indonesian.subject).toBe("Bagaimana pendapat Anda tentang Cangkir enamel?");
    expect(indonesian.text).toContain("Halo Dewi,");
    expect(indonesian.text).toContain(`Pesanan #1001 Anda dari ${SHOP_NAME} sudah tiba.`);
    expect(indonesian.text).toContain("★★★★★ 5 bintang");
    expect(indonesian.text).toContain(`Terima kasih,\n${SHOP_NAME}`);
    expect(indonesian.html).toContain('<html lang="id">');

    const english = mailTo("buyer2@example.test");
    expect(english.subject).toBe("How do you like Pour-over kettle?");
    expect(english.text).toContain("Hi Sam,");
    expect(english.text).toContain(`Your order #1002 from ${SHOP_NAME} has arrived.`);
    expect(english.text).toContain(`Thank you,\n${SHOP_NAME}`);
    expect(english.html).toContain('<html lang="en">');

    // The store's handle is only in links, never where shoppers read the shop's name.
    for (const mail of [indonesian, english]) expect(mail.text.replace(/https:\/\/aftercare-test\.myshopify\.com\S*/g, "")).not.toContain("aftercare-test");
  });

  it("reminds from the cached name when the job has no Admin client and Shopify cannot be reached", async () => {
    // (The test network's routes are cleared after each test: no request reaches Shopify here.)
    expect(await enqueueReviewRequests(shop, at(15))).toEqual({ requests: 0, reminders: 2, withoutEmail: 0 });
    await sendDueEmails({ now: at(15) });
    const [, , first, second] = await smtp.waitForMessages(4);
    const reminder = [first, second].find((mail) => mail.to.includes("buyer1@example.test"))!;
    expect(reminder.subject).toBe("Sepatah kata tentang Cangkir enamel?");
    expect(reminder.text).toContain(`Terima kasih,\n${SHOP_NAME}`);
  });

  it("falls back to the sender name, then the store's handle, when the shop's name was never read", async () => {
    const unreachable = async () => new Response("Bad gateway", { status: 502 });
    const domain = "nameless-shop.myshopify.com";
    await recordInstall(domain, "read_orders");
    expect((await getShopEmailContext(domain, { graphql: unreachable })).shopName).toBe("nameless-shop");
    await prisma.emailSettings.create({ data: { shop: domain, fromName: "Nameless Care" } });
    expect((await getShopEmailContext(domain, { graphql: unreachable })).shopName).toBe("Nameless Care");
  });
});
