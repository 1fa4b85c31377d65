import { beforeAll, describe, expect, it } from "vitest";
import { loader as layoutLoader } from "../../app/routes/app";
import { action as returnsAction } from "../../app/routes/app.returns.rules";
import { action as setupGuideAction } from "../../app/routes/app.setup-guide";
import { action as shippingAction } from "../../app/routes/app.shipping";
import { action as surveysAction } from "../../app/routes/app.surveys";
import { defaultDraft } from "../../app/components/shipping/shipping-form";
import { adminFetchRequest } from "../support/app-requests";
import { storeOfflineSession } from "../support/sessions";

/** The admin's own answers (layout data, banner and field errors) in the merchant's language. */

const args = (request: Request) => ({ request, params: {}, context: {} });
const form = (path: string, fields: Record<string, string>, headers: Record<string, string> = {}) =>
  adminFetchRequest(path, { method: "POST", body: new URLSearchParams(fields), headers });
const jsonPost = (path: string, body: unknown) =>
  adminFetchRequest(path, { method: "POST", body: JSON.stringify(body), headers: { "Content-Type": "application/json" } });

beforeAll(async () => {
  await storeOfflineSession({ accessToken: "shpat_installed" });
});

describe("the admin's language on the server", () => {
  it("resolves the layout's locale from Shopify's locale parameter, else the browser, else English", async () => {
    const data = async (request: Request) => (await (await layoutLoader(args(request))).json()).locale;

    expect(await data(adminFetchRequest("/app?locale=id-ID"))).toEqual({ language: "id", tag: "id-ID" });
    expect(await data(adminFetchRequest("/app", { headers: { "Accept-Language": "id;q=0.9, en;q=0.5" } }))).toEqual({ language: "id", tag: "id" });
    expect(await data(adminFetchRequest("/app?locale=ja"))).toEqual({ language: "en", tag: "en" });
  });

  it("words field errors of the survey settings in Indonesian", async () => {
    const answer = await surveysAction(args(form("/app/surveys?locale=id", { enabled: "on", kind: "nps", delayDays: "45" })));

    expect(answer.status).toBe(422);
    expect(await answer.json()).toEqual({ ok: false, errors: { delayDays: "Masukkan bilangan bulat dari 0 sampai 30" } });
    const english = await surveysAction(args(form("/app/surveys", { enabled: "on", kind: "ask", delayDays: "2.5" })));
    expect((await english.json()).errors).toEqual({ kind: "Choose one of the survey questions", delayDays: "Enter a whole number from 0 to 30" });
  });

  it("words the shipping and returns banners' form errors in Indonesian", async () => {
    const shipping = await shippingAction(args(jsonPost("/app/shipping?locale=id", { intent: "save" })));
    expect(shipping.status).toBe(400);
    expect((await shipping.json()).errors).toEqual({ form: "Formulir tidak dapat dibaca: muat ulang halaman" });

    const draft = defaultDraft("Asia/Jakarta");
    const refused = await shippingAction(
      args(jsonPost("/app/shipping?locale=id", { intent: "save", draft: { ...draft, processingDays: "dua", zones: [{ ...draft.zones[0], countries: "ID, XX" }] } })),
    );
    expect(refused.status).toBe(422);
    expect((await refused.json()).errors).toMatchObject({
      processingDays: "Masukkan jumlah hari berupa bilangan bulat",
      "zones.0.countries": "Kode negara tidak dikenal: XX",
    });

    const publish = await returnsAction(args(jsonPost("/app/returns/rules?locale=id", { intent: "publish" })));
    expect(publish.status).toBe(409);
    expect((await publish.json()).errors).toEqual({ form: "Simpan aturan pengembalian Anda terlebih dahulu" });
  });

  it("refuses an unknown setup guide action in the browser's language", async () => {
    const answer = await setupGuideAction(args(form("/app/setup-guide", { intent: "explode" }, { "Accept-Language": "id-ID" })));

    expect(answer.status).toBe(400);
    expect(await answer.json()).toEqual({ ok: false, error: "Tindakan panduan penyiapan tidak dikenal" });
  });
});
