import type { Frame, Page } from "playwright-core";
import { describe, expect, it } from "vitest";
import prisma from "../../app/db.server";
import { recordShopifyReturn } from "../../app/models/returns/returns.server";
import { getReturnableItems, listReturnReasons, requestReturn } from "../../app/models/returns/shopify-returns.server";
import { blocking, runAxe } from "../support/axe";
import { fakeReturns } from "../support/fake-admin";
import { openAppFrame, useDemoInBrowser } from "../support/demo-in-browser";

/**
 * Admin -> Returns in the demo admin: a shopper's request is in the queue; the merchant opens it,
 * approves it, adds a label and tracking, marks the unit received and refunds it, and closes it (after
 * confirming), with a toast at each step; Shopify's return follows, and the shopper is emailed each step
 * once. The return's page passes axe-core and logs no console error.
 */

const session = useDemoInBrowser();

async function openAdminAt(pathname: string): Promise<{ page: Page; app: Frame }> {
  const page = await session.browser.newPage({ viewport: { width: 1280, height: 900 } });
  await page.route(/^https?:\/\/(?!localhost|127\.0\.0\.1)/, (route) => route.abort());
  await page.goto(session.demo.adminUrl);
  const src = new URL(session.demo.embeddedAppUrl);
  src.pathname = pathname;
  src.searchParams.set("locale", "en");
  const app = await openAppFrame(page, src.toString());
  await app.waitForFunction(() => "__remixRouter" in window);
  return { page, app };
}

/** A shopper's request for one unit of a delivered order, as the storefront sends it. */
async function shopperRequest() {
  const { fakeAdmin, shopDomain } = session.demo;
  const graphql = fakeAdmin.graphql;
  const order = fakeAdmin.state.seed.orders.findLast(
    (candidate) => !candidate.cancelledAt && candidate.displayFinancialStatus === "PAID" && candidate.displayFulfillmentStatus === "FULFILLED" && candidate.fulfillments.length === 1,
  )!;
  const [item] = await getReturnableItems(graphql, order.id);
  const reasons = await listReturnReasons(graphql);
  const result = await requestReturn(graphql, { orderId: order.id, lines: [{ fulfillmentLineItemId: item.fulfillmentLineItemId, quantity: 1, reasonDefinitionId: reasons[0].id }] });
  if (!result.ok) throw new Error(result.errors.map((error) => error.message).join("; "));
  await recordShopifyReturn(shopDomain, result.return, { source: "storefront" });
  return result.return;
}

describe("the merchant's Returns queue in the admin", () => {
  it("opens a requested return from the queue, approves it, labels it, refunds it and closes it after confirming", async () => {
    const requested = await shopperRequest();
    const { page, app } = await openAdminAt("/app/returns");
    const consoleErrors: string[] = [];
    page.on("console", (message) => {
      if (message.type() === "error") consoleErrors.push(message.text());
    });
    await app.getByRole("heading", { name: "What comes back" }).waitFor();
    await app.getByRole("link", { name: requested.name }).click();
    await app.getByRole("heading", { level: 1, name: `Return ${requested.name}` }).waitFor({ timeout: 20_000 });
    await app.waitForFunction(() => "__remixRouter" in window);
    expect(await app.getByRole("button", { name: "Close return" }).count()).toBe(0);
    expect(blocking(await runAxe(app))).toEqual([]);

    await app.getByRole("button", { name: "Approve" }).click();
    await app.getByRole("status").filter({ hasText: "Return approved" }).waitFor();
    await app.getByRole("button", { name: "Close return" }).waitFor();
    expect(fakeReturns(session.demo.fakeAdmin.state).returns.find((entry) => entry.id === requested.id)?.status).toBe("OPEN");
    expect(blocking(await runAxe(app))).toEqual([]);

    // The label and tracking, then the unit that came back, refunded to the original payment.
    await app.getByLabel("Label file link (PDF or image)").fill("https://labels.example/demo-r1.pdf");
    await app.getByLabel("Tracking number").fill("JNE-DEMO-1");
    await app.getByRole("button", { name: "Add to the return" }).click();
    await app.getByRole("status").filter({ hasText: "Label added" }).waitFor();
    const shopifyReturn = () => fakeReturns(session.demo.fakeAdmin.state).returns.find((entry) => entry.id === requested.id)!;
    expect(shopifyReturn().reverseFulfillmentOrders[0].deliveries).toMatchObject([{ labelUrl: "https://labels.example/demo-r1.pdf" }]);
    await app.getByLabel(/^Received: /).first().fill("1");
    await app.getByRole("button", { name: "Process return" }).click();
    await app.getByText("Shopify records the received units").waitFor();
    await app.getByRole("button", { name: "Process return" }).last().click();
    await app.getByRole("status").filter({ hasText: "Return processed" }).waitFor();
    expect(shopifyReturn().refunds).toHaveLength(1);
    expect(shopifyReturn().lines[0].processedQuantity).toBe(1);

    await app.getByRole("button", { name: "Close return" }).click();
    await app.getByText("Closing ends the return").waitFor();
    expect(fakeReturns(session.demo.fakeAdmin.state).returns.find((entry) => entry.id === requested.id)?.status).toBe("OPEN");
    await app.getByRole("button", { name: "Close return" }).click();
    await app.getByRole("status").filter({ hasText: "Return closed" }).waitFor();
    await app.getByText("Nothing left to do: this return is closed.").waitFor();
    expect(fakeReturns(session.demo.fakeAdmin.state).returns.find((entry) => entry.id === requested.id)?.status).toBe("CLOSED");
    expect(consoleErrors).toEqual([]);
    // The shopper was told of each step once: received, approved, the label, the refund.
    const emails = await prisma.outboxMessage.findMany({ where: { shop: session.demo.shopDomain, dedupeKey: { startsWith: `return:${requested.id}:` } } });
    expect(emails.map((email) => email.kind).sort()).toEqual(["return_approved", "return_label", "return_refunded", "return_requested"]);
    await page.close();
  });
});
