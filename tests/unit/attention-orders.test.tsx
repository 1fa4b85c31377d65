import { AppProvider } from "@shopify/polaris";
import en from "@shopify/polaris/locales/en.json";
import { renderToString } from "react-dom/server";
import { describe, expect, it } from "vitest";
import { AttentionOrders } from "~/components/attention-orders";
import { delayNoticeStates } from "~/models/delay-notice-status";
import type { AttentionOrder } from "~/models/delivery-performance.server";

const order = (n: number): AttentionOrder => ({
  id: `gid://shopify/Order/${n}`,
  name: `#${n}`,
  createdAt: "2026-11-10T08:00:00Z",
  countryCode: "ID",
  reasons: ["late"],
  estimatedDeliveryAt: "2026-11-15T08:00:00Z",
  tracking: null,
});

const text = (html: string) => html.replace(/<[^>]+>/g, " ").replace(/\s+/g, " ");

describe("delay notice states", () => {
  it("prefers the newest sent notice, then a queued one, then a failure", () => {
    const states = delayNoticeStates([
      { reference: "a", status: "sent", sentAt: new Date("2026-11-20T09:00:00Z") },
      { reference: "a", status: "pending", sentAt: null },
      { reference: "a", status: "sent", sentAt: new Date("2026-11-21T09:00:00Z") },
      { reference: "b", status: "failed", sentAt: null },
      { reference: "b", status: "sending", sentAt: null },
      { reference: "c", status: "failed", sentAt: null },
      { reference: null, status: "sent", sentAt: new Date() },
    ]);
    expect(states).toEqual({ a: { state: "told", sentAt: "2026-11-21T09:00:00.000Z" }, b: { state: "queued" }, c: { state: "failed" } });
  });
});

describe("late and at-risk orders", () => {
  it("says for each order whether the shopper was told of the delay, and when", () => {
    const html = renderToString(
      <AppProvider i18n={en}>
        <AttentionOrders
          total={3}
          orders={[order(1), order(2), order(3)]}
          notices={{ "gid://shopify/Order/1": { state: "told", sentAt: "2026-11-21T09:00:00Z" }, "gid://shopify/Order/3": { state: "failed" } }}
        />
      </AppProvider>,
    );
    const rows = text(html);
    expect(rows).toMatch(/#1 [^#]*Shopper told Nov 21 /);
    expect(rows).toMatch(/#2 [^#]*Not told yet/);
    expect(rows).toMatch(/#3 [^#]*Notice failed/);
  });
});
