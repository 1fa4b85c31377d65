import { beforeEach, describe, expect, it } from "vitest";
import prisma from "../../app/db.server";
import { getContactOptions } from "../../app/models/contact/options.server";
import * as contactRoute from "../../app/routes/app.settings.contact";
import * as emailRoute from "../../app/routes/app.settings.email";
import * as shippingRoute from "../../app/routes/app.shipping";
import * as surveysRoute from "../../app/routes/app.surveys";
import { defaultDraft } from "../../app/components/shipping/shipping-form";
import { adminFetchRequest } from "../support/app-requests";
import { createFakeAdmin } from "../support/fake-admin";
import { createSeedShop } from "../support/fake-admin/seed";
import { storeOfflineSession } from "../support/sessions";
import { routeShop } from "../support/shopify-network";
import { TEST_API_SECRET, TEST_SHOP } from "../support/test-env";

/**
 * Over-limit and out-of-range values posted through the real admin routes come back as field errors a
 * merchant can act on, in the admin language, naming the limit; never zod's English.
 */

const TOKEN = "shpat_installed";
const args = (request: Request) => ({ request, params: {}, context: {} });
const form = (path: string, locale: string, fields: Record<string, string>) =>
  adminFetchRequest(`${path}?locale=${locale}`, { method: "POST", body: new URLSearchParams(fields) });
const ZOD_ENGLISH = /must contain|must be (less|greater)|Number must|String must|Expected|Required|Invalid/;

beforeEach(async () => {
  await prisma.contactOptions.deleteMany();
  const fake = createFakeAdmin({ shop: createSeedShop({ domain: TEST_SHOP }), accessToken: TOKEN, apiSecret: TEST_API_SECRET });
  routeShop(TEST_SHOP, (request) => fake.handle(request));
  await storeOfflineSession({ accessToken: TOKEN });
});

const cases = {
  en: {
    surveyRange: "Enter a whole number from 0 to 30",
    text120: "Use at most 120 characters",
    text253: "Use at most 253 characters",
    text254: "Use at most 254 characters",
    number60: "Enter a number no greater than 60",
  },
  id: {
    surveyRange: "Masukkan bilangan bulat dari 0 sampai 30",
    text120: "Gunakan paling banyak 120 karakter",
    text253: "Gunakan paling banyak 253 karakter",
    text254: "Gunakan paling banyak 254 karakter",
    number60: "Masukkan angka paling besar 60",
  },
} as const;

describe.each(Object.entries(cases))("admin field errors in %s", (locale, expected) => {
  it("surveys: a delay out of range or not a number names the range", async () => {
    for (const delayDays of ["61", "-1", "abc", "2.5"]) {
      const response = await surveysRoute.action(args(form("/app/surveys", locale, { enabled: "on", kind: "nps", delayDays })));
      expect(response.status).toBe(422);
      expect(await response.json()).toEqual({ ok: false, errors: { delayDays: expected.surveyRange } });
    }
  });

  it("contact options: hours over 120 characters are refused with the limit named, not cut", async () => {
    const response = await contactRoute.action(args(form("/app/settings/contact", locale, { intent: "save", hours: "x".repeat(121) })));
    expect(response.status).toBe(422);
    expect((await response.json()).errors).toEqual({ hours: expected.text120 });
    expect(await prisma.contactOptions.count()).toBe(0);
  });

  it("email settings: an over-long server name and username name their limits", async () => {
    const host = `${"a".repeat(60)}.${"b".repeat(60)}.${"c".repeat(60)}.${"d".repeat(60)}.example.com`;
    expect(host.length).toBeGreaterThan(253);
    const response = await emailRoute.action(
      args(
        form("/app/settings/email", locale, {
          intent: "save",
          host,
          port: "587",
          security: "starttls",
          username: "u".repeat(255),
          password: "secret",
          fromAddress: "orders@kopi.test",
        }),
      ),
    );
    expect(response.status).toBe(422);
    const { errors } = await response.json();
    expect(errors).toMatchObject({ host: expected.text253, username: expected.text254 });
    for (const message of Object.values(errors as Record<string, string>)) expect(message).not.toMatch(ZOD_ENGLISH);
  });

  it("shipping: transit days over 60 are refused with the limit named", async () => {
    const draft = defaultDraft("Asia/Jakarta");
    draft.zones[0] = { ...draft.zones[0], minDays: "3", maxDays: "61" };
    const request = adminFetchRequest(`/app/shipping?locale=${locale}`, {
      method: "POST",
      headers: { "Content-Type": "application/json" },
      body: JSON.stringify({ intent: "save", draft }),
    });
    const response = await shippingRoute.action(args(request));
    expect(response.status).toBe(422);
    const { errors } = await response.json();
    expect(Object.values(errors)).toContain(expected.number60);
    for (const message of Object.values(errors as Record<string, string>)) expect(message).not.toMatch(ZOD_ENGLISH);
  });
});

describe("contact options links", () => {
  it("adds https:// to a social or chat link typed without it, and still refuses http://", async () => {
    const saved = await contactRoute.action(
      args(form("/app/settings/contact", "en", { intent: "save", "social.facebook": "facebook.com/kopi", chatUrl: "www.kopi.test/chat" })),
    );
    expect(saved.status).toBe(200);
    const options = await getContactOptions(TEST_SHOP);
    expect(options.social).toEqual([{ network: "facebook", url: "https://facebook.com/kopi" }]);
    expect(options.chatUrl).toBe("https://www.kopi.test/chat");

    const refused = await contactRoute.action(args(form("/app/settings/contact", "id", { intent: "save", "social.facebook": "http://facebook.com/kopi" })));
    expect(refused.status).toBe(422);
    expect((await refused.json()).errors["social.facebook"]).not.toMatch(ZOD_ENGLISH);
  });
});
