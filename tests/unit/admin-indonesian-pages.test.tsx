import { AppProvider } from "@shopify/polaris";
import type { ReactNode } from "react";
import { renderToString } from "react-dom/server";
import { createStaticHandler, createStaticRouter, StaticRouterProvider } from "react-router-dom/server";
import { describe, expect, it } from "vitest";
import { AttentionOrders } from "~/components/delivery/attention-orders";
import { PlanLimitBanner } from "~/components/billing/plan-limit-banner";
import { RatingDistribution } from "~/components/reviews/RatingDistribution";
import { ReviewFunnelCard } from "~/components/reviews/ReviewFunnelCard";
import { ReviewModerationList, type ModerationReview } from "~/components/reviews/ReviewModerationList";
import { EmailTemplateEditor } from "~/components/settings/email-template-editor";
import { LoyaltySettingsForm } from "~/components/settings/loyalty-settings-form";
import { SmtpSettingsForm } from "~/components/settings/smtp-settings-form";
import { TestEmailCard } from "~/components/settings/test-email-card";
import { DEFAULT_TEMPLATES, PLACEHOLDERS, templateProblems } from "~/email/templates";
import { createTranslator, I18nProvider, polarisTranslations, type AdminLocale } from "~/i18n";
import { contactOptionsSchemaFor } from "~/models/contact/options";
import { emailSettingsSchemaFor } from "~/models/email/settings";
import { loyaltySettingsSchemaFor } from "~/models/loyalty/loyalty";
import { parseReviewQueueFilter, replySchemaFor } from "~/models/reviews/admin";
import { computeReviewFunnel } from "~/models/reviews/funnel";
import { reviewSettingsSchemaFor } from "~/models/reviews/settings";
import PlansPage from "~/routes/app.plans";
import ReviewsPage from "~/routes/app.reviews";

const INDONESIAN: AdminLocale = { language: "id", tag: "id-ID" };
const t = createTranslator(INDONESIAN);

/**
 * Server-renders admin components as app.tsx wraps them, inside a data router at an Indonesian admin URL;
 * `loaderData` is what a whole page's useLoaderData() reads.
 */
async function render(element: ReactNode, loaderData?: unknown): Promise<string> {
  const routes = [
    {
      path: "/app/*",
      loader: loaderData === undefined ? undefined : () => Response.json(loaderData),
      element: (
        <AppProvider i18n={polarisTranslations(INDONESIAN.language)}>
          <I18nProvider locale={INDONESIAN}>{element}</I18nProvider>
        </AppProvider>
      ),
    },
  ];
  const handler = createStaticHandler(routes);
  const context = await handler.query(new Request("https://aftercare.example.test/app/loyalty?locale=id-ID&host=YWRtaW4"));
  if (context instanceof Response) throw new Error("unexpected redirect");
  return renderToString(<StaticRouterProvider router={createStaticRouter(handler.dataRoutes, context)} context={context} hydrate={false} />);
}

const text = (html: string) =>
  html.replace(/<!-- -->/g, "").replace(/<[^>]+>/g, " ").replace(/&quot;/g, '"').replace(/&#x27;|&#39;/g, "'").replace(/&amp;/g, "&").replace(/\s+/g, " ");
const noop = () => {};

const review: ModerationReview = {
  id: "r1",
  productTitle: "Mug enamel",
  rating: 4,
  title: "Bagus",
  body: "Mugnya kokoh",
  authorName: null,
  verified: true,
  status: "published",
  rejectReason: null,
  createdAt: "2026-06-09T08:00:00.000Z",
  reply: "Terima kasih!",
  photoUrls: ["https://kopi.myshopify.com/apps/aftercare/review-photo?id=p1"],
};

describe("the reviews page in Indonesian", () => {
  it("words the moderation list, its badges, dates and the public reply in Indonesian", async () => {
    const rejected: ModerationReview = { ...review, id: "r2", status: "rejected", rejectReason: "off_topic", verified: false, reply: null, photoUrls: [] };
    const html = await render(<ReviewModerationList reviews={[review, rejected]} busy={false} onReject={noop} onPublish={noop} onReply={noop} onRemoveReply={noop} />);
    const page = text(html);

    expect(page).toContain("Setiap ulasan ditayangkan, berapa pun bintangnya.");
    expect(page).toContain("Pembeli terverifikasi");
    expect(page).toContain("Tayang");
    expect(page).toContain("Ditolak: Tidak membahas produk");
    expect(page).toContain("Seorang pembeli, 9 Jun 2026");
    expect(page).toContain("Balasan publik Anda");
    expect(page).toContain("Ubah balasan");
    expect(page).toContain("Balas secara publik");
    expect(page).toContain("Tayangkan lagi");
    expect(html).toContain(">Spam atau iklan</option>");
    expect(html).toContain('aria-label="4 dari 5 bintang"');
    expect(html).toContain('alt="Foto 1 pada ulasan Mug enamel"');
    expect(page).not.toMatch(/Verified buyer|Publish again|Your public reply|A buyer/);
  });

  it("formats the request funnel and the rating summary for Indonesian readers", async () => {
    const funnel = computeReviewFunnel({ sent: ["a", "b", "c"], opened: ["a"], reviewed: ["a"] });
    const page = text(
      await render(
        <>
          <ReviewFunnelCard funnel={funnel} days={30} onDaysChange={noop} />
          <RatingDistribution average={4.25} count={1250} distribution={[0, 50, 200, 400, 600]} />
        </>,
      ),
    );

    expect(page).toContain("Alur permintaan ulasan");
    expect(page).toContain("Dibuka 1 33,3% dari yang terkirim");
    expect(page).toContain("Konversi: 33,3% permintaan menghasilkan ulasan.");
    expect(page).toContain("30 hari terakhir");
    expect(page).toContain("4,3 / 5");
    expect(page).toContain("1.250 ulasan tayang");
  });

  it("explains refused filters and replies in Indonesian, and keeps English as the default", () => {
    const { problems } = parseReviewQueueFilter(new URLSearchParams("status=hidden&rating=9"), t);
    expect(problems).toEqual(['"hidden" bukan status ulasan: semua status ditampilkan.', "Nilai ulasan dari 1 sampai 5 bintang: semua nilai ditampilkan."]);
    expect(replySchemaFor(t).safeParse({ id: "r1", reply: "x".repeat(1501) }).error?.issues[0]?.message).toBe("Balasan maksimal 1.500 karakter");
    expect(reviewSettingsSchemaFor(t).safeParse({ enabled: true, homeCountry: "Indonesia", domesticDeliveredDays: 3, domesticFulfilledDays: 5, internationalDeliveredDays: 5, internationalFulfilledDays: 99, reminderDays: 0 }).error?.issues.map((issue) => issue.message)).toEqual([
      "Gunakan kode negara dua huruf, misalnya ID atau US",
      "Gunakan 0 sampai 90 hari",
    ]);
    expect(parseReviewQueueFilter(new URLSearchParams("status=hidden")).problems).toEqual(['"hidden" is not a review status: showing every status.']);
  });
});

describe("whole pages in Indonesian", () => {
  it("renders the reviews page with its filters, help requests and review-request settings in Indonesian", async () => {
    const data = {
      filter: { status: "", reason: "", rating: "", verified: "", product: "" },
      filterProblems: ['"maybe" bukan filter pembeli: semua pembeli ditampilkan.'],
      products: [{ productId: "gid://shopify/Product/1", productTitle: "Mug enamel" }],
      funnel: { ...computeReviewFunnel({ sent: ["a", "b"], opened: ["a"], reviewed: [] }), since: "2026-10-24T00:00:00.000Z", days: 30 },
      reviews: [{ ...review, photoUrls: [] }],
      helpRequests: [{ id: "h1", orderId: "gid://shopify/Order/1", orderName: "#1001", state: "open", message: "Paket belum sampai", createdAt: "2026-11-20T00:00:00.000Z" }],
      summary: { average: 4, count: 1, distribution: [0, 0, 0, 1, 0] },
      settings: { enabled: true, homeCountry: "ID", domesticDeliveredDays: 3, domesticFulfilledDays: 7, internationalDeliveredDays: 7, internationalFulfilledDays: 14, reminderDays: 5 },
    };
    const html = await render(<ReviewsPage />, data);
    const page = text(html);

    expect(page).toContain("Beberapa filter tidak dikenali");
    expect(page).toContain("Alasan penolakan");
    expect(html).toContain(">Semua produk</option>");
    expect(html).toContain(">3 bintang</option>");
    expect(page).toContain("Permintaan bantuan");
    expect(page).toContain("#1001 · Terbuka");
    expect(page).toContain("Tandai sudah ditangani");
    expect(page).toContain("Kirim email permintaan ulasan ke pembeli");
    expect(page).toContain("Satu pengingat setelah (hari, 0 = tanpa pengingat)");
    expect(page).not.toMatch(/Help requests|Mark as handled|Any product|Review requests/);
  });

  it("renders the plans page with prices, usage and the approval banner in Indonesian", async () => {
    const data = {
      plan: { key: "free", title: "Free", status: null, test: false, trialDays: null, currentPeriodEnd: null },
      usage: [
        { kind: "review_request", used: 100, limit: 100, held: 3 },
        { kind: "survey", used: 2, limit: 100, held: 0 },
      ],
      nextMonthStarts: "2026-12-01",
      approval: "declined",
      released: null,
    };
    const page = text(await render(<PlansPage />, data));

    expect(page).toContain("Langganan tidak disetujui");
    expect(page).toContain("Paket saat ini: Gratis");
    expect(page).toContain("Permintaan ulasan 100 dari 100");
    expect(page).toContain("US$9,99 per 30 hari");
    expect(page).toContain("Uji coba gratis 14 hari, ditagih oleh Shopify");
    expect(page).toContain("Tingkatkan ke Growth");
    expect(page).not.toMatch(/Current plan|every 30 days|Upgrade/);
  });
});

describe("the plan limit banner in Indonesian", () => {
  it("says what waits and until when, with the upgrade button in Indonesian", async () => {
    const page = text(
      await render(
        <PlanLimitBanner
          usage={[
            { kind: "review_request", used: 100, limit: 100, held: 1200 },
            { kind: "survey", used: 100, limit: 100, held: 1 },
          ]}
          nextMonthStarts="2026-12-01"
          upgrade={{ url: "/app/plans?locale=id-ID" }}
        />,
      ),
    );

    expect(page).toContain("Batas bulanan tercapai");
    expect(page).toContain("1.200 permintaan ulasan menunggu sampai 1 Desember atau sampai Anda meningkatkan paket.");
    expect(page).toContain("1 survei menunggu sampai 1 Desember");
    expect(page).toContain("Tingkatkan paket");
    expect(page).not.toMatch(/waiting|Upgrade|December/);
  });
});

describe("the settings pages in Indonesian", () => {
  it("labels the SMTP form, its security choices and the error banner in Indonesian", async () => {
    const settings = {
      host: "mail.kopi.test",
      port: 587,
      security: "starttls" as const,
      username: "orders@kopi.test",
      passwordSaved: true,
      fromName: "Kopi",
      fromAddress: "orders@kopi.test",
      replyTo: "",
      testSentAt: null,
      testSentTo: null,
      source: "shop" as const,
    };
    const portError = emailSettingsSchemaFor(t).safeParse({ ...settings, port: "70000", password: "" }).error?.issues[0]?.message ?? "";
    const html = await render(<SmtpSettingsForm settings={settings} errors={{ port: portError }} savedResult={null} saving={false} />);
    const page = text(html);

    expect(portError).toBe("Gunakan port dari 1 sampai 65535");
    expect(page).toContain("1 kolom perlu diperbaiki");
    expect(page).toContain("Gunakan port dari 1 sampai 65535");
    expect(page).toContain("Server SMTP");
    expect(page).toContain("Alamat pengirim");
    expect(html).toContain(">STARTTLS (biasanya port 587)</option>");
    expect(html).toContain('placeholder="Tersimpan: kosongkan untuk tetap memakainya"');
    expect(page).not.toMatch(/Sender address|Saved: leave blank|field needs attention/);
  });

  it("dates the last test email the Indonesian way", async () => {
    const page = text(await render(<TestEmailCard canSend lastSentAt="2026-11-20T07:05:00Z" lastSentTo="me@kopi.test" result={null} sending={false} />));
    expect(page).toContain("Email uji coba terakhir dikirim 20 Nov 2026");
    expect(page).toContain("ke me@kopi.test.");
    expect(page).toContain("Kirim email uji coba");
  });

  it("refuses an unknown placeholder in Indonesian while the shopper's default wording stays as written", async () => {
    const template = { subject: "Terlambat: {order_nmae}", body: DEFAULT_TEMPLATES.delay_notice.body, custom: true, defaults: DEFAULT_TEMPLATES.delay_notice, placeholders: PLACEHOLDERS.delay_notice };
    const page = text(await render(<EmailTemplateEditor kind="delay_notice" template={template} previewContext={{ shopName: "Kopi", contactLine: "" }} result={null} busy={null} />));

    expect(page).toContain("Kode isian tidak dikenal: {order_nmae}. Yang tersedia: {first_name}");
    expect(page).toContain("Pratinjau dengan data contoh");
    expect(page).toContain("Subjek: Terlambat: {order_nmae}");
    expect(page).toContain("Nomor pesanan, misalnya #1001");
    expect(page).toContain("Kembalikan ke bawaan");
    expect(templateProblems("survey", { subject: "", body: "x".repeat(5001) }, t).map((problem) => problem.message)).toEqual(["Tulis subjek", "Isi pesan maksimal 5.000 karakter"]);
  });

  it("words the loyalty form in Indonesian and links to the templates page in the same language", async () => {
    const html = await render(
      <LoyaltySettingsForm
        settings={{ enabled: true, discountPercent: 15, discountDays: 30 }}
        template={DEFAULT_TEMPLATES.anniversary}
        previewContext={{ shopName: "Kopi", contactLine: "" }}
        canCreateDiscounts={false}
        now="2026-11-23T00:00:00Z"
        result={{ ok: false, errors: { discountPercent: loyaltySettingsSchemaFor(t).safeParse({ enabled: true, discountPercent: 95, discountDays: 30 }).error?.issues[0]?.message ?? "" } }}
        saving={false}
      />,
    );
    const page = text(html);

    expect(page).toContain("Tidak ada yang tersimpan");
    expect(page).toContain("Gunakan 1 sampai 90 persen");
    expect(page).toContain("Aftercare belum bisa membuat kode diskon");
    expect(page).toMatch(/Ubah kata-katanya di Template email ?\./);
    expect(html).toContain('href="/app/settings/templates?email=anniversary&amp;locale=id-ID&amp;host=YWRtaW4"');
  });

  it("explains a refused contact option in Indonesian", () => {
    const parsed = contactOptionsSchemaFor(t).safeParse({ whatsapp: "0812 3456 789", chatUrl: "http://chat.kopi.test" });
    expect(parsed.error?.issues.map((issue) => issue.message)).toEqual([
      "Gunakan nomor internasional lengkap dengan + dan kode negara, misalnya +62 812 3456 789",
      "Gunakan tautan https://",
    ]);
  });
});

describe("late and at-risk orders in Indonesian", () => {
  it("words the list, its reasons and its dates in Indonesian", async () => {
    const page = text(
      await render(
        <AttentionOrders
          total={3}
          orders={[
            {
              id: "gid://shopify/Order/1",
              name: "#1001",
              createdAt: "2026-11-02T03:00:00Z",
              reasons: ["late"],
              estimatedDeliveryAt: "2026-11-10T00:00:00Z",
              countryCode: "ID",
              tracking: null,
              handledAt: null,
            },
          ]}
          notices={{ "gid://shopify/Order/1": { state: "told", sentAt: "2026-11-21T09:00:00Z" } }}
        />,
      ),
    );

    expect(page).toContain("Pesanan terlambat dan berisiko (3)");
    expect(page).toContain("Melewati perkiraan tiba");
    expect(page).toContain("Pembeli diberi tahu 21 Nov");
    expect(page).toContain("2 Nov 2026");
    expect(page).not.toMatch(/Late and at-risk|Past estimated delivery|Shopper told/);
  });
});
