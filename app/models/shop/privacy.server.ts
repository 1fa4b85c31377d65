import type { Prisma } from "@prisma/client";
import { z } from "zod";
import { deleteShopReturns, redactCustomerReturns } from "../returns/returns.server";
import { deleteDeliveryAggregates } from "../delivery/aggregates.server";
import { forgetShopSessions } from "../../shopify/cached-session-storage.server";

/** Shopify's customers/data_request and customers/redact payloads (the parts we use). */
export const customerPrivacyPayload = z.object({
  shop_domain: z.string(),
  customer: z.object({
    id: z.union([z.number(), z.string()]).transform(String),
    email: z.string().nullish(),
    phone: z.string().nullish(),
  }),
  orders_requested: z.array(z.union([z.number(), z.string()]).transform(String)).optional(),
  orders_to_redact: z.array(z.union([z.number(), z.string()]).transform(String)).optional(),
});
export type CustomerPrivacyPayload = z.infer<typeof customerPrivacyPayload>;

/** Keeps a customer's data request so the merchant can see and answer it in the admin. */
export async function recordDataRequest(tx: Prisma.TransactionClient, shop: string, payload: CustomerPrivacyPayload) {
  await tx.dataRequest.create({
    data: {
      shop,
      customerId: payload.customer.id,
      email: payload.customer.email ?? null,
      ordersJson: JSON.stringify(payload.orders_requested ?? []),
    },
  });
}

/** Erases every personal field Aftercare holds for one customer of one shop. */
export async function redactCustomer(tx: Prisma.TransactionClient, shop: string, payload: CustomerPrivacyPayload) {
  const customerGid = `gid://shopify/Customer/${payload.customer.id}`;
  const email = payload.customer.email?.trim().toLowerCase() || null;
  const theirOrders = await tx.order.findMany({ where: { shop, customerId: customerGid }, select: { id: true } });
  const orderIds = [
    ...new Set([
      ...theirOrders.map((order) => order.id),
      ...(payload.orders_to_redact ?? []).map((id) => `gid://shopify/Order/${id}`),
    ]),
  ];
  const contactMatch = email ? [{ orderId: { in: orderIds } }, { email }] : [{ orderId: { in: orderIds } }];

  await tx.order.updateMany({ where: { shop, customerId: customerGid }, data: { customerId: null } });
  await tx.orderContact.deleteMany({ where: { shop, OR: contactMatch } });
  await tx.surveyResponse.updateMany({ where: { shop, orderId: { in: orderIds } }, data: { comment: null } });
  // Photos may show the buyer (and carry where they were taken): they go with the customer.
  await tx.reviewPhoto.deleteMany({ where: { shop, review: { shop, orderId: { in: orderIds } } } });
  await tx.reviewRequestOpen.deleteMany({ where: { shop, orderId: { in: orderIds } } });
  // Reviews stay published (they are the shop's content), but no longer name their author.
  await tx.review.updateMany({ where: { shop, orderId: { in: orderIds } }, data: { authorName: null } });
  await tx.reviewHelpRequest.updateMany({ where: { shop, orderId: { in: orderIds } }, data: { message: null } });
  // Flow events name the customer and carry their words (a help request's message): they go, sent or not.
  await tx.flowEvent.deleteMany({ where: { shop, orderId: { in: orderIds } } });
  // Returns stay as the shop's records of its refunds; the shopper's notes, photo and customer id go.
  await redactCustomerReturns(tx, shop, customerGid, orderIds);
  // The Thank-you answer keeps its channel for the breakdown; the free text and the buyer's id go.
  await tx.checkoutSurveyAnswer.updateMany({
    where: { shop, OR: [{ orderId: { in: orderIds } }, { customerId: customerGid }] },
    data: { otherText: null, customerId: null },
  });
  if (email) {
    await tx.outboxMessage.deleteMany({ where: { shop, toAddress: email, status: { in: ["pending", "failed"] } } });
    await tx.outboxMessage.updateMany({
      where: { shop, toAddress: email },
      data: { toAddress: "redacted", subject: "redacted", html: "", text: "" },
    });
  }
  await tx.dataRequest.updateMany({
    where: { shop, customerId: payload.customer.id },
    data: { email: null, customerId: null },
  });
}

/** Deletes every row Aftercare holds for a shop (48 hours after uninstall, Shopify sends shop/redact). */
export async function redactShop(tx: Prisma.TransactionClient, shop: string) {
  const where = { where: { shop } };
  await tx.session.deleteMany(where);
  forgetShopSessions(shop);
  await tx.dataRequest.deleteMany(where);
  await tx.orderLineItem.deleteMany(where);
  await tx.orderFulfillment.deleteMany(where);
  await tx.order.deleteMany(where);
  await deleteDeliveryAggregates(tx, shop);
  await tx.orderSync.deleteMany(where);
  await tx.orderContact.deleteMany(where);
  await tx.deliveryPromise.deleteMany(where);
  await tx.outboxMessage.deleteMany(where);
  await tx.surveyResponse.deleteMany(where);
  await tx.surveySettings.deleteMany(where);
  await tx.checkoutSurveyAnswer.deleteMany(where);
  await tx.checkoutSurveySettings.deleteMany(where);
  await tx.contactOptions.deleteMany(where);
  await tx.loyaltySettings.deleteMany(where);
  await tx.emailTemplate.deleteMany(where);
  await tx.emailSettings.deleteMany(where);
  await tx.shippingSettings.deleteMany(where);
  await tx.returnSettings.deleteMany(where);
  await tx.reviewPhoto.deleteMany(where);
  await tx.reviewRequestOpen.deleteMany(where);
  await tx.review.deleteMany(where);
  await tx.reviewHelpRequest.deleteMany(where);
  await tx.reviewSettings.deleteMany(where);
  await tx.setupGuideState.deleteMany(where);
  await tx.shopPlan.deleteMany(where);
  await tx.flowEvent.deleteMany(where);
  await deleteShopReturns(tx, shop);
  // Rate-limit counters carry the shop (and a shopper's IP) inside their key: "<scope>:<kind>:<shop>:<...>".
  await tx.rateLimitHit.deleteMany({ where: { key: { contains: `:${shop}:` } } });
  await tx.shop.deleteMany({ where: { domain: shop } });
  // Receipts name the shop too; redaction is naturally idempotent, so they can go.
  await tx.processedWebhook.deleteMany(where);
}

/** app/uninstalled: the shop's access tokens are dead; forget them and remember when it left. */
export async function markUninstalled(tx: Prisma.TransactionClient, shop: string) {
  await tx.session.deleteMany({ where: { shop } });
  forgetShopSessions(shop);
  await tx.shop.updateMany({ where: { domain: shop }, data: { uninstalledAt: new Date() } });
}
