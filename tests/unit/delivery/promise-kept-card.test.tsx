import { AppProvider } from "@shopify/polaris";
import en from "@shopify/polaris/locales/en.json";
import { renderToString } from "react-dom/server";
import { describe, expect, it } from "vitest";
import { PromiseKeptCard } from "~/components/delivery/PromiseKeptCard";
import { promiseKeptByZone } from "~/models/delays/delay";
import type { PromiseKeptView } from "~/models/delivery/promise-kept.server";

const render = (view: PromiseKeptView) =>
  renderToString(<AppProvider i18n={en}><PromiseKeptCard promiseKept={view} /></AppProvider>)
    .replace(/<[^>]+>/g, " ")
    .replace(/\s+/g, " ");

const promise = { earliest: "2026-11-10", latest: "2026-11-12" };
const at = (iso: string) => new Date(iso);

describe("delivery promise kept card", () => {
  const empty = (view: Partial<PromiseKeptView>): PromiseKeptView => ({ days: 90, zones: [], emptyReason: null, promised: 0, calendarPublishedAt: null, ...view });

  it("says no calendar is published, with the way to the Shipping page", () => {
    const html = renderToString(
      <AppProvider i18n={en}>
        <PromiseKeptCard promiseKept={empty({ emptyReason: "no_calendar" })} shippingUrl="/app/shipping?shop=x" />
      </AppProvider>,
    );
    expect(html).toContain("no shipping calendar is published");
    expect(html).toMatch(/href="\/app\/shipping\?shop=x"[^>]*>[\s\S]*Set up shipping/);
    expect(html).not.toContain("Early");
  });

  it("says no order was placed since the calendar was published, naming the day", () => {
    const page = render(empty({ emptyReason: "no_orders_since", calendarPublishedAt: "2026-11-20T10:00:00.000Z" }));
    expect(page).toContain("no order has been placed since your shipping calendar was published on Nov 20, 2026.");
    expect(page).not.toContain("Set up shipping");
  });

  it("says how many promised orders are still on their way", () => {
    expect(render(empty({ emptyReason: "none_delivered", promised: 1 }))).toContain("1 order placed with a delivery promise is still on its way.");
    expect(render(empty({ emptyReason: "none_delivered", promised: 4 }))).toContain("4 orders placed with a delivery promise are still on their way.");
    expect(render(empty({ emptyReason: "none_delivered", promised: 4 }))).toContain("once the carrier reports it delivered");
  });

  it("shows the overall share and each zone's kept percentage with early, inside and late counts", () => {
    const rows = promiseKeptByZone(
      [
        { zoneId: "java", promise, deliveredAt: at("2026-11-09T05:00:00Z") },
        { zoneId: "java", promise, deliveredAt: at("2026-11-11T05:00:00Z") },
        { zoneId: "java", promise, deliveredAt: at("2026-11-14T05:00:00Z") },
        { zoneId: "eu", promise, deliveredAt: at("2026-11-20T05:00:00Z") },
        { zoneId: null, promise, deliveredAt: at("2026-11-12T05:00:00Z") },
      ],
      "UTC",
    );
    const names: Record<string, string> = { java: "Java" };
    const zones = rows.map((row) => ({ ...row, zoneName: row.zoneId ? (names[row.zoneId] ?? null) : null }));
    const page = render({ days: 90, zones, emptyReason: null, promised: 5, calendarPublishedAt: null });

    expect(page).toContain("60% of 5 delivered orders arrived by the last promised day (last 90 days).");
    expect(page).toMatch(/Java 66\.7% 1 1 1 /);
    expect(page).toMatch(/Removed zone \(eu\) 0% 0 0 1 /);
    expect(page).toMatch(/No zone 100% 0 1 0 /);
  });
});
