import { AppProvider } from "@shopify/polaris";
import { renderToString } from "react-dom/server";
import type { ReactNode } from "react";
import { createStaticHandler, createStaticRouter, StaticRouterProvider } from "react-router-dom/server";
import { describe, expect, it } from "vitest";
import { DeliveryStateChart } from "~/components/delivery/delivery-charts";
import { PromiseKeptCard } from "~/components/delivery/PromiseKeptCard";
import { SetupGuide } from "~/components/setup-guide/setup-guide";
import { SyncStatus } from "~/components/orders/sync-status";
import { I18nProvider, polarisTranslations, type AdminLocale } from "~/i18n";
import { buildSetupGuide } from "~/models/setup-guide/setup-guide";
import type { OrderSyncProgress } from "~/shopify/order-sync.server";

const INDONESIAN: AdminLocale = { language: "id", tag: "id-ID" };

/** Server-renders admin components as app.tsx wraps them, inside a data router at `url`. */
async function render(element: ReactNode, url = "https://aftercare.example.test/app?locale=id-ID&host=YWRtaW4"): Promise<string> {
  const routes = [
    {
      path: "/app",
      element: (
        <AppProvider i18n={polarisTranslations(INDONESIAN.language)}>
          <I18nProvider locale={INDONESIAN}>{element}</I18nProvider>
        </AppProvider>
      ),
    },
  ];
  const handler = createStaticHandler(routes);
  const context = await handler.query(new Request(url));
  if (context instanceof Response) throw new Error("unexpected redirect");
  return renderToString(<StaticRouterProvider router={createStaticRouter(handler.dataRoutes, context)} context={context} hydrate={false} />);
}

const text = (html: string) => html.replace(/<[^>]+>/g, " ").replace(/&quot;/g, '"').replace(/&amp;/g, "&").replace(/\s+/g, " ");

describe("the admin home in Indonesian", () => {
  it("words the setup guide, its live-theme summary and its links in Indonesian, keeping the locale in app links", async () => {
    const guide = buildSetupGuide({
      shop: "toko.myshopify.com",
      apiKey: "key",
      theme: { checked: true, themeName: "Dawn", embed: "missing", productBlocks: [] },
      shippingZoneCount: 0,
      returnWindowDays: null,
      reviewRequestsEnabled: false,
      sentEmailCount: 0,
      manualDone: [],
    });
    const html = await render(<SetupGuide guide={{ dismissed: false, ...guide }} />);
    const page = text(html);

    expect(page).toContain("Panduan penyiapan");
    expect(page).toContain("0 dari 9 tugas selesai");
    expect(page).toContain("Tambahkan blok Terima kasih");
    expect(page).toContain('Di tema aktif "Dawn", sematan aplikasi Aftercare belum diaktifkan dan belum ada blok Aftercare di halaman produk.');
    expect(page).toContain("Aktifkan sematan aplikasi Aftercare");
    expect(page).toContain("Aktifkan di editor tema");
    expect(page).not.toMatch(/Setup guide|tasks complete|Turn on/);

    // With the theme set up, the next step links inside the app, carrying the language and host along.
    const themeDone = buildSetupGuide({
      shop: "toko.myshopify.com",
      apiKey: "key",
      theme: { checked: true, themeName: "Dawn", embed: "enabled", productBlocks: ["delivery-estimate", "return-policy"] },
      shippingZoneCount: 0,
      returnWindowDays: null,
      reviewRequestsEnabled: false,
      sentEmailCount: 0,
      manualDone: [],
    });
    const next = await render(<SetupGuide guide={{ dismissed: false, ...themeDone }} />);
    expect(next).toContain('href="/app/shipping?locale=id-ID&amp;host=YWRtaW4"');
    expect(text(next)).toContain("Atur zona pengiriman");
  });

  it("says in Indonesian why the theme could not be checked", async () => {
    const guide = buildSetupGuide({
      shop: "toko.myshopify.com",
      apiKey: "key",
      theme: { checked: false, problem: "no_permission", reason: "Aftercare does not have permission to read themes (read_themes)" },
      shippingZoneCount: 0,
      returnWindowDays: null,
      reviewRequestsEnabled: false,
      sentEmailCount: 0,
      manualDone: [],
    });
    const page = text(await render(<SetupGuide guide={{ dismissed: false, ...guide }} />));
    expect(page).toContain("Tema Anda tidak dapat diperiksa: Aftercare tidak punya izin membaca tema (read_themes).");
    expect(page).not.toContain("does not have permission");
  });

  it("reports a running sync and a stopped one in Indonesian, with Polaris's own labels translated", async () => {
    const running: OrderSyncProgress = {
      state: "running",
      method: "pages",
      ordersSynced: 1250,
      ordersTotal: 4000,
      fraction: 0.31,
      lastError: null,
      historyLimited: true,
      customerDataDenied: false,
      startedAt: "2026-11-23T08:00:00Z",
      finishedAt: null,
    };
    const page = text(await render(<SyncStatus sync={running} onSync={() => {}} submitting={false} />));

    expect(page).toContain("Menyinkronkan pesanan");
    expect(page).toContain("1.250 dari 4.000");
    expect(page).toContain("Menampilkan pesanan 60 hari terakhir");

    const failed: OrderSyncProgress = { ...running, state: "failed" };
    const failedPage = text(await render(<SyncStatus sync={failed} onSync={() => {}} submitting />));
    expect(failedPage).toContain("Sinkronisasi pesanan terhenti");
    expect(failedPage).toContain("Shopify tidak merespons. Sinkronisasi akan dilanjutkan");
    // The loading button's spinner label comes from our Polaris translation.
    expect(failedPage).toContain("Memuat");
  });

  it("formats the promise-kept share and table for Indonesian readers", async () => {
    const page = text(
      await render(
        <PromiseKeptCard
          promiseKept={{
            days: 90,
            zones: [{ zoneId: "java", zoneName: "Jawa", delivered: 3, early: 1, inside: 1, late: 1, keptPercent: 66.7 }],
            emptyReason: null,
            promised: 3,
            calendarPublishedAt: "2026-10-01T00:00:00.000Z",
          }}
        />,
      ),
    );
    expect(page).toContain("Janji pengiriman yang ditepati");
    expect(page).toContain("66,7% dari 3 pesanan yang sudah sampai tiba paling lambat pada hari terakhir yang dijanjikan (90 hari terakhir).");
    expect(page).toContain("Lebih cepat");
  });

  it("gives screen readers a chart's figures as a table, in Indonesian", async () => {
    const html = await render(<DeliveryStateChart states={[{ state: "late", orders: 4 }, { state: "delivered_on_time", orders: 12 }, { state: "cancelled", orders: 0 }]} />);

    expect(html).toContain("<caption>Pesanan menurut status pengiriman</caption>");
    const table = text(html.slice(html.indexOf("<table")));
    expect(table).toContain("Status pengiriman Pesanan Terlambat 4 Sampai tepat waktu 12");
    expect(table).not.toContain("Dibatalkan");
  });
});
