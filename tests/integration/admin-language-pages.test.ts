import { beforeAll, describe, expect, it } from "vitest";
import prisma from "../../app/db.server";
import { action as loyaltyAction } from "../../app/routes/app.loyalty";
import { action as plansAction } from "../../app/routes/app.plans";
import { action as reviewsAction, loader as reviewsLoader } from "../../app/routes/app.reviews";
import { action as contactAction } from "../../app/routes/app.settings.contact";
import { action as emailAction } from "../../app/routes/app.settings.email";
import { action as templatesAction } from "../../app/routes/app.settings.templates";
import { adminFetchRequest } from "../support/app-requests";
import { storeOfflineSession } from "../support/sessions";

/** Banners and field errors of the reviews, settings, loyalty and plans pages in the merchant's language. */

const args = (request: Request) => ({ request, params: {}, context: {} });
const form = (path: string, fields: Record<string, string>) => adminFetchRequest(path, { method: "POST", body: new URLSearchParams(fields) });

beforeAll(async () => {
  await storeOfflineSession({ accessToken: "shpat_installed", scope: "read_orders,write_discounts" });
});

describe("the newer admin pages answer in Indonesian with locale=id", () => {
  it("explains refused review filters and review-request settings in Indonesian", async () => {
    const loaded = await (await reviewsLoader(args(adminFetchRequest("/app/reviews?locale=id-ID&verified=maybe")))).json();
    expect(loaded.filterProblems).toEqual(['"maybe" bukan filter pembeli: semua pembeli ditampilkan.']);

    const answer = await reviewsAction(
      args(
        form("/app/reviews?locale=id", {
          homeCountry: "IDN",
          domesticDeliveredDays: "3",
          domesticFulfilledDays: "7",
          internationalDeliveredDays: "7",
          internationalFulfilledDays: "14",
          reminderDays: "31",
        }),
      ),
    );
    expect(answer.status).toBe(422);
    expect((await answer.json()).errors).toEqual({ homeCountry: "Gunakan kode negara dua huruf, misalnya ID atau US", reminderDays: "Gunakan 0 sampai 30 hari" });

    const gone = await reviewsAction(args(form("/app/reviews?locale=id", { intent: "close-help", id: "missing" })));
    expect(gone.status).toBe(404);
    expect((await gone.json()).errors).toEqual({ id: "Permintaan bantuan ini sudah tidak ada" });
  });

  it("words the settings pages' field errors in Indonesian, and in English without a locale", async () => {
    const smtp = await emailAction(args(form("/app/settings/email?locale=id", { host: "smtp://mail", port: "0", security: "starttls", fromAddress: "kopi" })));
    expect(smtp.status).toBe(422);
    expect((await smtp.json()).errors).toEqual({
      host: "Gunakan nama server seperti smtp.example.com, tanpa smtp:// atau nomor port",
      port: "Gunakan port dari 1 sampai 65535",
      fromAddress: "Gunakan alamat email seperti orders@toko-anda.com",
    });

    const template = await templatesAction(args(form("/app/settings/templates?locale=id", { intent: "save", kind: "survey", subject: "", body: "Hai {nama}" })));
    expect((await template.json()).errors).toEqual({
      subject: "Tulis subjek",
      body: "Kode isian tidak dikenal: {nama}. Yang tersedia: {first_name}, {order_name}, {shop_name}, {question}, {contact_line}",
    });

    const contact = await contactAction(args(form("/app/settings/contact?locale=id", { intent: "save", phone: "call me", "social.instagram": "http://instagram.com/kopi" })));
    expect((await contact.json()).errors).toEqual({ phone: "Gunakan nomor telepon seperti +62 812 3456 789", "social.instagram": "Gunakan tautan https://" });

    const loyalty = await loyaltyAction(args(form("/app/loyalty?locale=id", { enabled: "on", withDiscount: "on", discountPercent: "95", discountDays: "400" })));
    expect((await loyalty.json()).errors).toEqual({ discountPercent: "Gunakan 1 sampai 90 persen", discountDays: "Gunakan 1 sampai 365 hari" });
    const english = await loyaltyAction(args(form("/app/loyalty", { enabled: "on", withDiscount: "on", discountPercent: "95", discountDays: "30" })));
    expect((await english.json()).errors).toEqual({ discountPercent: "Use 1 to 90 percent" });
    expect(await prisma.loyaltySettings.count()).toBe(0);
  });

  it("refuses an unknown plans action in Indonesian", async () => {
    const answer = await plansAction(args(form("/app/plans?locale=id", { intent: "downgrade-everyone" })));
    expect(answer.status).toBe(400);
    expect(await answer.json()).toEqual({ ok: false, error: "Tindakan tidak dikenal." });
  });
});
