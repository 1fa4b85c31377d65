import { beforeEach, describe, expect, it } from "vitest";
import prisma from "../../app/db.server";
import { getContactOptions } from "../../app/models/contact/options.server";
import { action, loader } from "../../app/routes/app.settings.contact";
import { adminFetchRequest } from "../support/app-requests";
import { createFakeAdmin, type FakeAdmin } from "../support/fake-admin";
import { createSeedShop } from "../support/fake-admin/seed";
import { storeOfflineSession } from "../support/sessions";
import { routeShop } from "../support/shopify-network";
import { TEST_API_SECRET, TEST_SHOP } from "../support/test-env";

const TOKEN = "shpat_installed";
const args = (request: Request) => ({ request, params: {}, context: {} });
const post = (fields: Record<string, string>) => adminFetchRequest("/app/settings/contact", { method: "POST", body: new URLSearchParams({ intent: "save", ...fields }) });

let fake: FakeAdmin;
const published = () => {
  const metafield = fake.state.metafields.get(fake.state.appInstallation.id, "aftercare", "contact");
  return metafield ? (JSON.parse(metafield.value) as Record<string, unknown>) : null;
};

beforeEach(async () => {
  await prisma.contactOptions.deleteMany();
  fake = createFakeAdmin({ shop: createSeedShop({ domain: TEST_SHOP }), accessToken: TOKEN, apiSecret: TEST_API_SECRET });
  routeShop(TEST_SHOP, (request) => fake.handle(request));
  await storeOfflineSession({ accessToken: TOKEN });
});

describe("contact options page", () => {
  it("refuses http links, bad phone and WhatsApp numbers, field by field, and saves nothing", async () => {
    const response = await action(
      args(post({ email: "help@", phone: "call me", whatsapp: "0812 3456 789", chatUrl: "http://chat.kopi.test", "social.instagram": "http://instagram.com/kopi", "social.x": "https://x.com/kopi" })),
    );
    expect(response.status).toBe(422);
    expect((await response.json()).errors).toEqual({
      email: expect.stringContaining("email address"),
      phone: expect.stringContaining("phone number"),
      whatsapp: expect.stringContaining("country code"),
      chatUrl: "Use an https:// link",
      "social.instagram": "Use an https:// link",
    });
    expect(await prisma.contactOptions.count()).toBe(0);
    expect(published()).toBeNull();
  });

  it("saves the channels and publishes them for the storefront blocks", async () => {
    const response = await action(
      args(post({ email: "help@kopi.test", phone: "+62 812 3456 789", whatsapp: "+62 812 3456 789", chatUrl: "https://chat.kopi.test", hours: "Mon–Fri 9–17", "social.instagram": "https://instagram.com/kopi" })),
    );
    expect(response.status).toBe(200);
    expect((await response.json()).publication).toEqual({ published: true });
    expect(published()).toMatchObject({
      email: "help@kopi.test",
      whatsapp_href: "https://wa.me/628123456789",
      chat_url: "https://chat.kopi.test",
      social: [{ network: "instagram", url: "https://instagram.com/kopi" }],
    });
    const page = await (await loader(args(adminFetchRequest("/app/settings/contact")))).json();
    expect(page.values).toMatchObject({ email: "help@kopi.test", "social.instagram": "https://instagram.com/kopi", "social.x": "" });
  });

  it("keeps the saved channels when publishing fails, and publishes them on retry", async () => {
    fake.failNext(1, "500");
    const failed = await (await action(args(post({ email: "help@kopi.test" })))).json();
    expect(failed.publication).toMatchObject({ published: false, reason: expect.stringContaining("500") });
    expect((await getContactOptions(TEST_SHOP)).email).toBe("help@kopi.test");
    expect(published()).toBeNull();

    const retried = await (await action(args(post({ intent: "publish" })))).json();
    expect(retried.publication).toEqual({ published: true });
    expect(published()).toMatchObject({ email: "help@kopi.test" });
  });
});
