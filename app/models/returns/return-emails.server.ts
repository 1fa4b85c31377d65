/**
 * Queues the shopper's return emails (return-emails.ts) when Aftercare's copy of a return changes:
 * called by returns.server.ts after the app's own write (recordShopifyReturn) and inside a returns/*
 * webhook's transaction (applyReturnWebhook), so the merchant's actions in the app and in Shopify's
 * admin both inform the shopper, each step once (outbox keys). The email goes to the address and in
 * the language of the order's buyer (`OrderContact`); an order without one gets no email.
 */
import type { Prisma } from "@prisma/client";
import prisma from "../../db.server";
import { emailLanguage } from "../../email/language";
import { getShopEmailContext } from "../../email/shop-context.server";
import { enqueueEmail } from "../email/outbox.server";
import { renderReturnEmail, returnEmailKey, returnEmailsDue, type ReturnEmailFacts } from "./return-emails";

type Db = Prisma.TransactionClient | typeof prisma;

/** `db`: the webhook's transaction (everything is read and written in it), or the client. */
export async function queueReturnEmails(
  shop: string,
  before: Parameters<typeof returnEmailsDue>[0],
  after: ReturnEmailFacts,
  db: Db = prisma,
  now = new Date(),
): Promise<number> {
  const due = returnEmailsDue(before, after);
  if (due.length === 0) return 0;
  const contact = await db.orderContact.findUnique({ where: { shop_orderId: { shop, orderId: after.orderId } } });
  if (!contact) return 0;
  const context = await getShopEmailContext(shop, { db });
  const language = emailLanguage(contact.locale, context.primaryLocale);
  let queued = 0;
  for (const kind of due) {
    const email = renderReturnEmail(kind, after, {
      language,
      firstName: contact.firstName,
      shopName: context.shopName,
      contactLine: context.contactLines[language],
      orderStatusUrl: `${context.proxyBaseUrl}/order-status`,
    });
    const result = await enqueueEmail(
      { shop, dedupeKey: returnEmailKey(after.shopifyReturnId, kind), kind: `return_${kind}`, reference: after.orderId, to: contact.email, email },
      now,
      db,
    );
    if (result.created) queued += 1;
  }
  return queued;
}
