import { AppProvider } from "@shopify/polaris";
import en from "@shopify/polaris/locales/en.json";
import { renderToString } from "react-dom/server";
import { describe, expect, it } from "vitest";
import { AttentionOrders } from "~/components/delivery/attention-orders";
import type { AttentionActions } from "~/components/delivery/attention-actions";
import { delayNoticeStates } from "~/models/delays/notice-status";
import type { AttentionOrder } from "~/models/delivery/performance.server";

const order = (n: number): AttentionOrder => ({
  id: `gid://shopify/Order/${n}`,
  name: `#${n}`,
  createdAt: "2026-11-10T08:00:00Z",
  countryCode: "ID",
  reasons: ["late"],
  estimatedDeliveryAt: "2026-11-15T08:00:00Z",
  tracking: null,
  handledAt: null,
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

describe("the at-risk list's actions", () => {
  const actions = (failure: AttentionActions["failure"] = null): AttentionActions => ({ run: () => {}, pending: null, failure });
  const renderList = (props: Partial<Parameters<typeof AttentionOrders>[0]>) =>
    text(
      renderToString(
        <AppProvider i18n={en}>
          <AttentionOrders total={2} orders={[order(1), order(2)]} actions={actions()} {...props} />
        </AppProvider>,
      ),
    );

  it("offers to notify the shopper until they were told, and to mark every order handled", () => {
    const rows = renderList({ notices: { "gid://shopify/Order/1": { state: "told", sentAt: "2026-11-21T09:00:00Z" } } });
    expect(rows).toMatch(/#1 [^#]*Shopper told Nov 21 [^#]*Mark handled/);
    expect(rows).not.toMatch(/#1 [^#]*Notify the shopper now/);
    expect(rows).toMatch(/#2 [^#]*Notify the shopper now [^#]*Mark handled/);
  });

  it("offers the handled orders behind a count, each with an undo", () => {
    const handled = { total: 1, orders: [{ ...order(3), handledAt: "2026-11-22T09:00:00Z" }] };
    const rows = renderList({ handled });
    expect(rows).toContain("Show handled (1)");
    expect(rows).not.toContain("#3");
  });

  it("says in words why an action failed", () => {
    const rows = renderList({ actions: actions({ ok: false, intent: "notify", orderId: "gid://shopify/Order/2", error: "no_email", orderName: "#2" }) });
    expect(rows).toContain("That did not work");
    expect(rows).toContain("#2 has no email address on file, so the shopper cannot be told by email.");
  });
});
