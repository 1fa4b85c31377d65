import { AppProvider } from "@shopify/polaris";
import type { ReactNode } from "react";
import { renderToString } from "react-dom/server";
import { createStaticHandler, createStaticRouter, StaticRouterProvider } from "react-router-dom/server";
import { describe, expect, it } from "vitest";
import { ReturnActionsCard } from "~/components/returns/ReturnActionsCard";
import { ReturnItemsCard } from "~/components/returns/ReturnDetailCards";
import { ReturnInsight } from "~/components/returns/ReturnInsight";
import { ReturnQueueCard } from "~/components/returns/ReturnQueueCard";
import { I18nProvider, polarisTranslations, type AdminLocale } from "~/i18n";
import { computeReturnsInsight } from "~/models/returns/returns-insight";
import type { QueueRow, ReturnDetailView } from "~/models/returns/returns-queue.server";

/** Server-renders Returns page pieces as app.tsx wraps them, inside a data router. */
async function render(element: ReactNode, locale: AdminLocale = { language: "en", tag: "en" }): Promise<string> {
  const routes = [
    {
      path: "/app/returns",
      element: (
        <AppProvider i18n={polarisTranslations(locale.language)}>
          <I18nProvider locale={locale}>{element}</I18nProvider>
        </AppProvider>
      ),
    },
  ];
  const handler = createStaticHandler(routes);
  const context = await handler.query(new Request(`https://aftercare.example.test/app/returns?locale=${locale.tag}&host=YWRtaW4`));
  if (context instanceof Response) throw new Error("unexpected redirect");
  const html = renderToString(<StaticRouterProvider router={createStaticRouter(handler.dataRoutes, context)} context={context} hydrate={false} />);
  return html.replace(/<[^>]+>/g, " ").replace(/&quot;/g, '"').replace(/&amp;/g, "&").replace(/&#x27;/g, "'").replace(/\s+/g, " ");
}

const row: QueueRow = {
  param: "42",
  shopifyReturnId: "gid://shopify/Return/42",
  name: "#1001-R1",
  orderName: "#1001",
  status: "requested",
  source: "storefront",
  requestedAt: "2026-11-25T08:00:00.000Z",
  units: 1,
  items: [{ title: "Ceramic mug", quantity: 1, reason: "size-too-small", reasonName: "Size was too small" }],
  hasPhoto: true,
  refund: null,
};

function view(status: ReturnDetailView["status"]): ReturnDetailView {
  return {
    param: "42",
    id: "gid://shopify/Return/42",
    name: "#1001-R1",
    status,
    orderId: "gid://shopify/Order/1001",
    orderName: "#1001",
    requestedAt: "2026-11-25T08:00:00.000Z",
    source: "storefront",
    photoRef: "https://photos.example/r1.jpg",
    photoUrl: null,
    lines: [{
      id: "gid://shopify/ReturnLineItem/7",
      title: "Ceramic mug",
      quantity: 1,
      processedQuantity: 0,
      reason: { handle: "size-too-small", name: "Size was too small" },
      customerNote: "Runs small",
      rule: { eligible: true, reason: "within_window", lastDay: "2026-12-20", windowDays: 30, windowStart: "delivery", holidayExtended: false },
    }],
    exchanges: [],
    decline: null,
    deliveries: [],
    refunds: [],
    refundMethod: null,
    steps: [{ step: "requested", at: "2026-11-25T08:00:00.000Z" }],
    refundable: { amount: "24.50", currencyCode: "USD" },
  };
}

const noop = () => {};

describe("the Returns page pieces", () => {
  it("lists a request with its order, item, reason, photo and status, linking to the return with the admin's params", async () => {
    const page = await render(<ReturnQueueCard queue={{ rows: [row], page: 1, hasPrevious: false, hasNext: false }} status="" onStatusChange={noop} onPageChange={noop} />);
    expect(page).toContain("#1001-R1");
    expect(page).toContain("1 × Ceramic mug");
    expect(page).toContain("Size was too small");
    expect(page).toContain("Photo");
    expect(page).toContain("Requested");
    expect(page).toContain("Storefront");
    expect(await render(<ReturnQueueCard queue={{ rows: [], page: 1, hasPrevious: false, hasNext: false }} status="" onStatusChange={noop} onPageChange={noop} />)).toContain("No returns yet.");
    // A page of a longer queue offers the older returns.
    const first = await render(<ReturnQueueCard queue={{ rows: [row], page: 1, hasPrevious: false, hasNext: true }} status="" onStatusChange={noop} onPageChange={noop} />);
    expect(first).toContain("Page 1");
    expect(page).not.toContain("Page 1");
  });

  it("offers approve and decline on a requested return, never close", async () => {
    const page = await render(<ReturnActionsCard view={view("REQUESTED")} busy={false} errors={{}} onSubmit={noop} />);
    expect(page).toContain("Approve");
    expect(page).toContain("Decline");
    expect(page).not.toContain("Close return");
    expect(page).not.toContain("Mark received and refund");
  });

  it("offers label, receive-and-refund and close on an open return", async () => {
    const page = await render(<ReturnActionsCard view={view("OPEN")} busy={false} errors={{ amount: "Enter an amount greater than 0, with at most two decimals" }} onSubmit={noop} />);
    expect(page).toContain("Return label and tracking");
    expect(page).toContain("Mark received and refund");
    expect(page).toContain("Close return");
    expect(page).toContain("Up to $24.50 for the items of this return.");
    expect(page).toContain("Enter an amount greater than 0, with at most two decimals");
    expect(page).not.toContain("Aftercare does not make exchanges yet");
    expect(page).not.toContain("Exchange:");
    expect(page).not.toContain("Approve");
  });

  const exchanging = (): ReturnDetailView => ({
    ...view("OPEN"),
    exchanges: [{ id: "gid://shopify/ExchangeLineItem/9", title: "Ceramic mug", variantTitle: "Large", sku: "MUG-L", quantity: 1, processedQuantity: 0, processableQuantity: 1 }],
    refundable: { amount: "0.00", currencyCode: "USD" },
  });

  it("shows what the shopper gets in exchange, in Indonesian too, and processes it with the received units", async () => {
    const items = await render(<ReturnItemsCard view={exchanging()} />);
    expect(items).toContain("Exchange for");
    expect(items).toContain("1 × Ceramic mug");
    expect(items).toContain("Variant: Large");
    expect(items).toContain("SKU: MUG-L");
    const processed = await render(<ReturnItemsCard view={{ ...exchanging(), exchanges: [{ ...exchanging().exchanges[0], processedQuantity: 1, processableQuantity: 0 }] }} />);
    expect(processed).toContain("1 processed");
    const indonesian = await render(<ReturnItemsCard view={exchanging()} />, { language: "id", tag: "id-ID" });
    expect(indonesian).toContain("Ditukar dengan");
    expect(indonesian).toContain("Varian: Large");

    const actions = await render(<ReturnActionsCard view={exchanging()} busy={false} errors={{}} onSubmit={noop} />);
    expect(actions).toContain("Mark received and refund");
    expect(actions).toContain("Received: Ceramic mug");
    expect(actions).toContain("Exchange: Ceramic mug – Large");
    expect(actions).toContain("Their price is taken off the refund");
    // Everything received and exchanged: nothing left to process.
    const done = { ...exchanging(), lines: [{ ...exchanging().lines[0], processedQuantity: 1 }], exchanges: [{ ...exchanging().exchanges[0], processedQuantity: 1, processableQuantity: 0 }] };
    expect(await render(<ReturnActionsCard view={done} busy={false} errors={{}} onSubmit={noop} />)).not.toContain("Mark received and refund");
  });

  it("offers nothing on a closed return", async () => {
    const page = await render(<ReturnActionsCard view={view("CLOSED")} busy={false} errors={{}} onSubmit={noop} />);
    expect(page).toContain("Nothing left to do: this return is closed.");
    expect(page).not.toContain("Approve");
  });

  it("names the rule that applied to an item, in Indonesian too", async () => {
    expect(await render(<ReturnItemsCard view={view("REQUESTED")} />)).toContain("Within the return window: 30 days from delivery, last day 2026-12-20.");
    const indonesian = await render(<ReturnItemsCard view={view("REQUESTED")} />, { language: "id", tag: "id-ID" });
    expect(indonesian).toContain("Dalam batas waktu pengembalian: 30 hari sejak penerimaan, hari terakhir 2026-12-20.");
    expect(indonesian).toContain("Catatan pembeli: “Runs small”");
  });

  it("shows the return rate and the table of products", async () => {
    const insight = computeReturnsInsight(
      [{ status: "closed", requestedAt: new Date(0), refundedAt: new Date(36 * 3_600_000), lines: [{ productId: "p1", title: "Ceramic mug", quantity: 2, reason: "defective", reasonName: "Item was defective" }] }],
      [{ productId: "p1", units: 8 }],
    );
    const page = await render(<ReturnInsight insight={insight} days={90} onDaysChange={noop} />);
    expect(page).toContain("Return rate");
    expect(page).toContain("25%");
    expect(page).toContain("2 of 8 units sold came back");
    expect(page).toContain("36 h");
    expect(page).toContain("Ceramic mug");
    expect(page).toContain("Item was defective");
  });
});
