import { afterAll, beforeAll, beforeEach, describe, expect, it, vi } from "vitest";
import prisma from "../../app/db.server";
import { closeMailTransports } from "../../app/email/transport.server";
import { sendDueEmails } from "../../app/models/email/outbox.server";
import { loadCustomerOrder } from "../../app/models/orders/customer-order.server";
import { lookUpOrderStatus } from "../../app/models/orders/status.server";
import { recordShopifyReturn } from "../../app/models/returns/returns.server";
import {
  addReturnLabel,
  approveReturn,
  closeReturn,
  getReturnableItems,
  processReturn,
  refundableValue,
  requestReturn,
} from "../../app/models/returns/shopify-returns.server";
import { deliverReturnWebhook, hasReturnWebhookRoute, returned } from "../support/return-webhooks";
import { createFakeAdmin, createSeedShop, fakeReturns, type FakeAdmin, type RecordedReturnWebhook, type SeedOrder } from "../support/fake-admin";
import { returnableSeedOrder, syncSeedOrder } from "../support/returns-fixtures";
import { startSmtpServer, type TestSmtpServer } from "../support/smtp";
import { TEST_API_SECRET, TEST_SHOP } from "../support/test-env";

/**
 * The shopper hears about their return at each step, once: request received, approved (the label
 * link when there is one, else a separate email once the label is added), declined with the reason,
 * refunded with the amount. The steps go through the app's own calls (recordShopifyReturn after each
 * mutation) and through the returns/* webhooks the fake Admin API records, delivered signed through
 * the app's routes; every email goes through the real SMTP server, and a redelivered webhook or a
 * repeated write sends nothing twice.
 */

const shop = TEST_SHOP;
const TOKEN = "shpat_returns_emails";
const START = new Date("2026-11-25T08:00:00Z");
const HOUR = 3_600_000;
let fake: FakeAdmin;
let order: SeedOrder;
let smtp: TestSmtpServer;

const graphql = (query: string, options?: { variables?: Record<string, unknown> }) => fake.graphql(query, options);

/** Delivers a recorded webhook the app subscribes to (others are skipped); it must be accepted. */
async function deliver(webhook: RecordedReturnWebhook, webhookId = webhook.webhookId): Promise<void> {
  if (!hasReturnWebhookRoute(webhook.topic)) return;
  expect(await deliverReturnWebhook(webhook, webhookId), webhook.topic).toBe(200);
}

let delivered = 0;
async function deliverNew(): Promise<void> {
  const fresh = fakeReturns(fake.state).webhooks.slice(delivered);
  delivered += fresh.length;
  for (const webhook of fresh) await deliver(webhook);
}

/** Runs the outbox as the job does, and answers the subjects that arrived since the last call. */
let seen = 0;
async function mailSince(): Promise<Array<{ subject: string; text: string; html: string; to: string[] }>> {
  await sendDueEmails();
  const fresh = smtp.messages.slice(seen);
  seen = smtp.messages.length;
  return fresh.map((mail) => ({ subject: mail.subject, text: mail.text, html: mail.html, to: mail.to }));
}

beforeAll(async () => {
  vi.useFakeTimers({ toFake: ["Date"], now: START });
  smtp = await startSmtpServer();
  process.env.SMTP_URL = smtp.url;
  process.env.MAIL_FROM = "care@kopi.test";
});
afterAll(async () => {
  vi.useRealTimers();
  closeMailTransports();
  await smtp.close();
});

/** The return as the storefront's order status block and the customer account's block get it. */
async function shownReturns() {
  const storefront = await lookUpOrderStatus(shop, { orderNumber: order.name, email: "sari@example.test" }, { minAnswerMs: 0 });
  const account = await loadCustomerOrder(shop, order.customerId, order.id);
  expect(storefront.result === "found" && storefront.returns).toEqual(account?.returns);
  return account!.returns;
}

async function setUp(locale: string) {
  vi.setSystemTime(START);
  await prisma.outboxMessage.deleteMany();
  await prisma.returnRequestLine.deleteMany();
  await prisma.returnRequest.deleteMany();
  await prisma.processedWebhook.deleteMany();
  fake = createFakeAdmin({ shop: createSeedShop({ domain: shop }), accessToken: TOKEN, apiSecret: TEST_API_SECRET, scopes: ["read_orders", "read_returns", "write_returns"] });
  delivered = 0;
  smtp.clear();
  seen = 0;
  order = returnableSeedOrder(fake);
  await syncSeedOrder(shop, order, { contact: { email: "sari@example.test", firstName: "Sari", locale } });
}

describe("a return's emails, from request to close", () => {
  beforeEach(() => setUp("en"));

  it("sends request received, approved, the label and the refund, each once, however often Shopify reports a step", async () => {
    const [first, second] = order.lineItems;
    const [item] = (await getReturnableItems(graphql, order.id)).filter((candidate) => candidate.lineItemId === first.id);
    const reason = fakeReturns(fake.state).reasonByHandle("size-too-small").id;

    // Requested (the storefront's call), then Shopify's returns/request webhook.
    const requested = returned(await requestReturn(graphql, { orderId: order.id, lines: [{ fulfillmentLineItemId: item.fulfillmentLineItemId, quantity: 1, reasonDefinitionId: reason }] }));
    await recordShopifyReturn(shop, requested, { source: "storefront", customerId: order.customerId });
    await deliverNew();
    const [received, ...noMore] = await mailSince();
    expect(noMore).toEqual([]);
    expect(received.to).toEqual(["sari@example.test"]);
    expect(received.subject).toBe(`We received your return request ${requested.name}`);
    expect(received.text).toContain("Hi Sari,");
    expect(received.text).toContain(`- ${first.title} × 1`);
    expect(received.text).not.toContain(second.title);
    expect(received.text).toContain(`https://${shop}/apps/aftercare/order-status`);
    expect(await shownReturns()).toEqual([{ name: requested.name, state: "requested", requestedOn: expect.stringMatching(/^2026-11-2\d$/), labelUrl: null, trackingUrl: null, declineReason: null, declineNote: null, refund: null }]);

    // Approved an hour later: no label yet, so the email says one follows.
    vi.setSystemTime(START.getTime() + HOUR);
    const approved = returned(await approveReturn(graphql, requested.id));
    await deliverNew();
    await recordShopifyReturn(shop, approved);
    const [approval, ...noMoreAfterApproval] = await mailSince();
    expect(noMoreAfterApproval).toEqual([]);
    expect(approval.subject).toBe(`Your return ${requested.name} is approved`);
    expect(approval.text).toContain("We'll send you the return label in a separate email.");

    // The label: its own email, with the link.
    const labelled = returned(await addReturnLabel(graphql, requested.id, { labelUrl: "https://labels.example/r1.pdf", trackingNumber: "JNE0001", trackingUrl: "https://track.example/JNE0001" }));
    await recordShopifyReturn(shop, labelled);
    await recordShopifyReturn(shop, labelled);
    const [label, ...noMoreAfterLabel] = await mailSince();
    expect(noMoreAfterLabel).toEqual([]);
    expect(label.subject).toBe(`Your return label for ${requested.name}`);
    expect(label.text).toContain("Print your return label: https://labels.example/r1.pdf");
    expect(label.text).toContain("Follow the parcel: https://track.example/JNE0001");
    expect(label.html).toContain('<a href="https://labels.example/r1.pdf">https://labels.example/r1.pdf</a>');
    expect(await shownReturns()).toMatchObject([{ state: "approved", labelUrl: "https://labels.example/r1.pdf", trackingUrl: "https://track.example/JNE0001" }]);

    // Refunded to the original payment, then closed: the refund is announced, the close is not.
    vi.setSystemTime(START.getTime() + 72 * HOUR);
    const lines = labelled.lines.map((line) => ({ returnLineItemId: line.id, quantity: line.quantity }));
    const amount = refundableValue(labelled, lines)!;
    const processed = returned(await processReturn(graphql, { returnId: requested.id, lines, refund: { method: "original_payment", amount } }));
    await recordShopifyReturn(shop, processed, { refundMethod: "original_payment" });
    expect(await shownReturns()).toMatchObject([{ state: "refunded", refund: { amount: amount.amount, currency: amount.currencyCode } }]);
    const closed = returned(await closeReturn(graphql, requested.id));
    await deliverNew();
    await recordShopifyReturn(shop, closed);
    expect(await shownReturns()).toMatchObject([{ state: "closed", labelUrl: null, refund: { amount: amount.amount } }]);
    const [refund, ...noMoreAfterRefund] = await mailSince();
    expect(noMoreAfterRefund).toEqual([]);
    expect(refund.subject).toBe(`Your refund for ${requested.name}`);
    const money = new Intl.NumberFormat("en", { style: "currency", currency: amount.currencyCode }).format(Number(amount.amount));
    expect(refund.text).toContain(`refunded ${money} to your original payment method`);

    // Every webhook again, under its own id and under new ids, and every write again: nothing more.
    for (const webhook of fakeReturns(fake.state).webhooks) {
      await deliver(webhook);
      await deliver(webhook, `${webhook.webhookId}-retry`);
    }
    for (const step of [requested, approved, labelled, processed, closed]) await recordShopifyReturn(shop, step);
    expect(await mailSince()).toEqual([]);
    expect(smtp.messages.map((mail) => mail.subject)).toEqual([received.subject, approval.subject, label.subject, refund.subject]);
    expect(await prisma.outboxMessage.count({ where: { shop } })).toBe(4);
  });

  it("puts the label in the approval email when it is added before the approval is recorded", async () => {
    const [item] = await getReturnableItems(graphql, order.id);
    const requested = returned(await requestReturn(graphql, { orderId: order.id, lines: [{ fulfillmentLineItemId: item.fulfillmentLineItemId, quantity: 1, reasonDefinitionId: fakeReturns(fake.state).reasonByHandle("defective").id }] }));
    await recordShopifyReturn(shop, requested, { source: "customer_account" });
    returned(await approveReturn(graphql, requested.id));
    const labelled = returned(await addReturnLabel(graphql, requested.id, { labelUrl: "https://labels.example/r2.pdf" }));
    await recordShopifyReturn(shop, labelled);

    const mails = await mailSince();
    expect(mails.map((mail) => mail.subject)).toEqual([`We received your return request ${requested.name}`, `Your return ${requested.name} is approved`]);
    expect(mails[1].text).toContain("Print your return label: https://labels.example/r2.pdf");
  });
});

describe("a return declined in Shopify's admin", () => {
  beforeEach(() => setUp("id-ID"));

  it("tells the shopper why, in their language, once", async () => {
    const [item] = await getReturnableItems(graphql, order.id);
    const created = await fake.query(
      `mutation AdminRequest($input: ReturnRequestInput!) { returnRequest(input: $input) { return { id name } userErrors { message } } }`,
      { input: { orderId: order.id, returnLineItems: [{ fulfillmentLineItemId: item.fulfillmentLineItemId, quantity: 1, returnReasonDefinitionId: fakeReturns(fake.state).reasonByHandle("unwanted").id }] } },
    );
    const { id: returnId, name } = (created.data as { returnRequest: { return: { id: string; name: string } } }).returnRequest.return;
    await deliverNew();
    await fake.query(
      `mutation AdminDecline($input: ReturnDeclineRequestInput!) { returnDeclineRequest(input: $input) { userErrors { message } } }`,
      { input: { id: returnId, declineReason: "RETURN_PERIOD_ENDED", declineNote: "Sudah lewat 30 hari <b>maaf</b>." } },
    );
    await deliverNew();
    await deliverNew();
    for (const webhook of fakeReturns(fake.state).webhooks) await deliver(webhook, `${webhook.webhookId}-again`);

    const mails = await mailSince();
    expect(mails.map((mail) => mail.subject)).toEqual([`Permintaan pengembalian ${name} sudah kami terima`, `Tentang permintaan pengembalian ${name}`]);
    const declined = mails[1];
    expect(declined.text).toContain("Halo Sari,");
    expect(declined.text).toContain("Alasannya: masa pengembalian sudah berakhir.");
    expect(declined.text).toContain("Catatan dari kami: Sudah lewat 30 hari <b>maaf</b>.");
    expect(declined.html).toContain("Sudah lewat 30 hari &lt;b&gt;maaf&lt;/b&gt;.");
    expect(declined.html).toContain('<html lang="id">');
    expect(await shownReturns()).toMatchObject([{ name, state: "declined", declineReason: "RETURN_PERIOD_ENDED", declineNote: "Sudah lewat 30 hari <b>maaf</b>." }]);
  });
});
