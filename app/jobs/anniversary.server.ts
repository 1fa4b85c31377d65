/**
 * The first-purchase anniversary thank-you: one year after a customer's first order, one email (with
 * a one-use discount code when the merchant chose one), keyed `anniversary:<customerId>` so it is
 * sent once per customer, ever.
 */
import prisma from "../db.server";
import { renderEmail } from "../email/render";
import { getShopEmailContext } from "../email/shop-context.server";
import { formatDate } from "../email/templates";
import { EMAIL_STRINGS } from "../email/email-strings";
import { emailLanguage } from "../email/language";
import { getEmailTemplates } from "../email/templates.server";
import { getContactDetails } from "../models/orders/contact-details.server";
import { getShopTimeZone } from "../models/shop/time-zone.server";
import { anniversaryCode, dueAnniversary } from "../models/loyalty/loyalty";
import { anniversaryDiscountLine } from "../models/loyalty/email";
import { createAnniversaryDiscount, getLoyaltySettings } from "../models/loyalty/loyalty.server";
import { enqueueEmail } from "../models/email/outbox.server";
import { zonedDateTime } from "../models/shop/time";
import type { AdminGraphql } from "../shopify/admin-graphql";

export interface AnniversaryReport {
  due: number;
  enqueued: number;
  withoutEmail: number;
  /** Discounts Shopify refused; the customer is tried again on the next run. */
  discountErrors: string[];
}

/** `graphql` is the shop's offline Admin client; it is only used when the thank-you carries a code. */
export async function enqueueAnniversaries(shop: string, graphql: AdminGraphql | null, now = new Date()): Promise<AnniversaryReport> {
  const report: AnniversaryReport = { due: 0, enqueued: 0, withoutEmail: 0, discountErrors: [] };
  const settings = await getLoyaltySettings(shop);
  if (!settings.enabled || !settings.enabledAt) return report;
  const timeZone = await getShopTimeZone(shop);

  // First orders from a year and a few weeks ago; a customer's first order is their earliest one.
  const windowStart = new Date(now.getTime() - 400 * 86_400_000);
  const firsts = await prisma.order.groupBy({
    by: ["customerId"],
    where: { shop, customerId: { not: null }, cancelledAt: null },
    _min: { createdAt: true },
    having: { createdAt: { _min: { gte: windowStart } } },
  });
  const due = firsts.flatMap((first) => {
    const at = first._min.createdAt;
    const anniversary = at && first.customerId ? dueAnniversary(at, now, timeZone) : null;
    const enabledOn = settings.enabledAt ? settings.enabledAt.toISOString().slice(0, 10) : "9999-12-31";
    return anniversary && first.customerId && anniversary >= enabledOn ? [{ customerId: first.customerId, firstOrderAt: at! }] : [];
  });
  if (due.length === 0) return report;

  const sent = new Set(
    (await prisma.outboxMessage.findMany({ where: { shop, kind: "anniversary", reference: { in: due.map((d) => d.customerId) } }, select: { reference: true } })).map(
      (row) => row.reference,
    ),
  );
  const pending = due.filter((entry) => !sent.has(entry.customerId));
  report.due = pending.length;
  if (pending.length === 0) return report;

  const firstOrders = await prisma.order.findMany({
    where: { shop, OR: pending.map((entry) => ({ customerId: entry.customerId, createdAt: entry.firstOrderAt })) },
    select: { id: true, customerId: true },
  });
  const [context, templates, contacts] = await Promise.all([
    getShopEmailContext(shop, { graphql, now }),
    getEmailTemplates(shop, "anniversary"),
    getContactDetails(shop, firstOrders.map((order) => order.id)),
  ]);
  const contactByCustomer = new Map(firstOrders.flatMap((order) => (order.customerId && contacts.get(order.id) ? [[order.customerId, contacts.get(order.id)!]] : [])));

  for (const entry of pending) {
    const contact = contactByCustomer.get(entry.customerId);
    if (!contact) {
      report.withoutEmail += 1;
      continue;
    }
    const language = emailLanguage(contact.locale, context.primaryLocale);
    const words = EMAIL_STRINGS[language];
    const dateLocale = contact.locale && emailLanguage(contact.locale) === language ? contact.locale : language;
    let discountLine = "";
    if (settings.discountPercent && graphql) {
      const code = anniversaryCode(shop, entry.customerId);
      const endsAt = new Date(now.getTime() + settings.discountDays * 86_400_000);
      try {
        await createAnniversaryDiscount(graphql, {
          code,
          percent: settings.discountPercent,
          customerId: entry.customerId,
          startsAt: now,
          endsAt,
          title: `Anniversary thank-you ${code}`,
        });
      } catch (error) {
        report.discountErrors.push(error instanceof Error ? error.message : String(error));
        continue;
      }
      discountLine = anniversaryDiscountLine(settings.discountPercent, code, formatDate(zonedDateTime(endsAt, timeZone).date, dateLocale), language);
    }
    const email = renderEmail({
      template: templates[language],
      locale: language,
      values: {
        first_name: contact.firstName ?? words.firstNameFallback,
        shop_name: context.shopName,
        first_order_date: formatDate(zonedDateTime(entry.firstOrderAt, timeZone).date, dateLocale),
        discount_line: discountLine,
        contact_line: context.contactLines[language],
      },
      footer: words.anniversaryFooter(context.shopName),
    });
    const result = await enqueueEmail(
      { shop, dedupeKey: `anniversary:${entry.customerId}`, kind: "anniversary", reference: entry.customerId, to: contact.email, email },
      now,
    );
    if (result.created) report.enqueued += 1;
  }
  return report;
}
