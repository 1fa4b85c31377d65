import { beforeAll, beforeEach, describe, expect, it } from "vitest";
import prisma from "../../app/db.server";
import { signReviewToken } from "../../app/models/reviews/token";
import { signSurveyToken } from "../../app/models/surveys/survey";
import * as reviewRoute from "../../app/routes/proxy.review";
import * as surveyRoute from "../../app/routes/proxy.survey";
import { appProxyRequest } from "../support/app-requests";
import { createFakeAdmin, type FakeAdmin } from "../support/fake-admin/server";
import { createSeedShop } from "../support/fake-admin/seed";
import { seedOrder } from "../support/keep-in-touch-fixtures";
import { storeOfflineSession } from "../support/sessions";
import { routeShop } from "../support/shopify-network";
import { TEST_API_SECRET, TEST_SHOP } from "../support/test-env";

/**
 * The survey and review pages a shopper opens from an email speak the storefront's language: Shopify's
 * app proxy forwards the storefront locale, and every title, label, button, error and thank-you follows it.
 */

const shop = TEST_SHOP;
const args = (request: Request) => ({ request, params: {}, context: {} });
const ORDER_ID = "gid://shopify/Order/7001";
const LINE_ID = "gid://shopify/LineItem/7001";
let fake: FakeAdmin;
let productId: string;

const text = (html: string) => html.replace(/<[^>]+>/g, " ").replace(/&#39;|&#x27;/g, "'").replace(/\s+/g, " ");

beforeAll(async () => {
  fake = createFakeAdmin({
    shop: createSeedShop({ domain: shop }),
    accessToken: "shpat_installed",
    apiSecret: TEST_API_SECRET,
    scopes: ["read_orders", "read_products", "write_products"],
  });
  await storeOfflineSession({ accessToken: "shpat_installed" });
  [productId] = [...fake.state.products.keys()];
  const now = new Date();
  await seedOrder(shop, {
    id: ORDER_ID,
    name: "#7001",
    createdAt: new Date(now.getTime() - 10 * 86_400_000),
    customerId: "gid://shopify/Customer/7001",
    email: "dewi@example.test",
    firstName: "Dewi",
    parcels: [{ id: "gid://shopify/Fulfillment/7001", inTransitAt: new Date(now.getTime() - 8 * 86_400_000), deliveredAt: new Date(now.getTime() - 5 * 86_400_000) }],
    lineItems: [{ id: LINE_ID, productId, title: "Cangkir enamel", sku: null, quantity: 1 }],
  });
});

beforeEach(() => {
  routeShop(shop, (request) => fake.handle(request));
});

const surveyToken = () => signSurveyToken({ shop, orderId: ORDER_ID, kind: "csat" }, TEST_API_SECRET, new Date());
const reviewToken = () => signReviewToken({ shop, orderId: ORDER_ID, lineItemId: LINE_ID }, TEST_API_SECRET, new Date());

describe("survey page in Indonesian", () => {
  it("asks the question, labels the comment and the button in Indonesian", async () => {
    const response = await surveyRoute.loader(args(appProxyRequest(`/proxy/survey?locale=id&token=${surveyToken()}&score=4`)));
    expect(response.status).toBe(200);
    const page = text(await response.text());
    expect(page).toContain("Pesanan #7001");
    expect(page).toContain("Seberapa puas Anda dengan pesanan Anda dari");
    expect(page).toContain("Ada yang ingin Anda tambahkan? (opsional)");
    expect(page).toContain("Kirim jawaban saya");
    expect(page).not.toContain("Send my answer");
  });

  it("follows the browser's language when the storefront sends no locale", async () => {
    const request = appProxyRequest(`/proxy/survey?token=${surveyToken()}`, { headers: { "Accept-Language": "id-ID,id;q=0.9,en;q=0.5" } });
    expect(text(await (await surveyRoute.loader(args(request))).text())).toContain("Kirim jawaban saya");
  });

  it("refuses an answer off the scale in Indonesian, naming the range, and thanks in Indonesian", async () => {
    const post = (fields: Record<string, string>) =>
      surveyRoute.action(args(appProxyRequest("/proxy/survey?locale=id", { method: "POST", body: new URLSearchParams(fields) })));

    const offScale = await post({ token: surveyToken(), score: "9" });
    expect(offScale.status).toBe(422);
    expect(text(await offScale.text())).toContain("Pilih jawaban dari 1 sampai 5.");
    expect(await prisma.surveyResponse.count({ where: { shop, orderId: ORDER_ID } })).toBe(0);

    const tooLong = await post({ token: surveyToken(), score: "4", comment: "x".repeat(1001) });
    expect(tooLong.status).toBe(422);
    expect(text(await tooLong.text())).toContain("Tulis komentar kurang dari 1.000 karakter");

    const answered = await post({ token: surveyToken(), score: "5" });
    expect(answered.status).toBe(200);
    const thanks = text(await answered.text());
    expect(thanks).toContain("Terima kasih atas jawaban Anda");
    expect(thanks).toContain("Jawaban Anda membantu kami menjadi lebih baik.");
  });

  it("says an expired link is no longer valid in Indonesian", async () => {
    const expired = signSurveyToken({ shop, orderId: ORDER_ID, kind: "csat" }, TEST_API_SECRET, new Date(Date.now() - 40 * 86_400_000));
    const page = text(await (await surveyRoute.loader(args(appProxyRequest(`/proxy/survey?locale=id&token=${expired}`)))).text());
    expect(page).toContain("Tautan survei ini sudah tidak berlaku");
  });
});

describe("review page in Indonesian", () => {
  const post = (fields: Record<string, string>) =>
    reviewRoute.action(args(appProxyRequest("/proxy/review?locale=id", { method: "POST", body: new URLSearchParams(fields) })));

  it("titles the form, its stars, labels and buttons in Indonesian", async () => {
    const response = await reviewRoute.loader(args(appProxyRequest(`/proxy/review?locale=id&token=${reviewToken()}&rating=5`)));
    expect(response.status).toBe(200);
    const page = text(await response.text());
    for (const words of ["Ulas Cangkir enamel", "Dari pesanan Anda #7001", "Apakah semuanya tiba sesuai harapan?", "Penilaian Anda", "Judul (opsional)", "Ulasan Anda", "Terbitkan ulasan saya", "Tidak, saya butuh bantuan"]) {
      expect(page).toContain(words);
    }
    expect(page).not.toMatch(/Publish my review|Your rating/);
  });

  it("refuses an over-long title in Indonesian with the limit named, storing nothing, then thanks in Indonesian", async () => {
    const refused = await post({ intent: "review", token: reviewToken(), rating: "4", title: "x".repeat(121), body: "Bagus sekali" });
    expect(refused.status).toBe(422);
    const page = text(await refused.text());
    expect(page).toContain("Tulis judul kurang dari 120 karakter");
    expect(await prisma.review.count({ where: { shop, lineItemId: LINE_ID } })).toBe(0);

    const published = await post({ intent: "review", token: reviewToken(), rating: "4", title: "Mantap", body: "Bagus sekali" });
    expect(published.status).toBe(200);
    const thanks = text(await published.text());
    expect(thanks).toContain("Terima kasih atas ulasan Anda");
    expect(thanks).toContain("Ulasan Anda sudah terbit.");
    expect(thanks).toContain("4 bintang");
  });

  it("says a forged link is not valid in Indonesian", async () => {
    const response = await reviewRoute.loader(args(appProxyRequest("/proxy/review?locale=id&token=forged")));
    expect(response.status).toBe(403);
    expect(text(await response.text())).toContain("Tautan ulasan ini tidak valid");
  });
});
