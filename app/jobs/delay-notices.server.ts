/**
 * Tells shoppers about a late order before they have to ask: finds open orders that will miss or have
 * missed their promise and enqueues one delay notice per delay (the outbox's dedupe key makes a rerun
 * a no-op). Sending is `sendDueEmails`' job.
 */
import { renderEmail } from "../email/render";
import { getShopEmailContext, listInstalledShops } from "../email/shop-context.server";
import { formatDate, formatDateRange } from "../email/templates";
import { EMAIL_STRINGS } from "../email/email-strings";
import { emailLanguage } from "../email/language";
import { getEmailTemplates } from "../email/templates.server";
import prisma from "../db.server";
import { getContactDetails } from "../models/contact-details.server";
import { findDelayedOrders, getDeliveryPromises } from "../models/delay.server";
import { enqueueEmail } from "../models/outbox.server";

export interface DelayNoticeReport {
  delayed: number;
  enqueued: number;
  /** Delayed orders with no email address on file (they still show in the admin's list). */
  withoutEmail: number;
}

export async function enqueueDelayNotices(shop: string, now = new Date()): Promise<DelayNoticeReport> {
  const delayed = await findDelayedOrders(shop, now);
  const report: DelayNoticeReport = { delayed: delayed.length, enqueued: 0, withoutEmail: 0 };
  if (delayed.length === 0) return report;

  const ids = delayed.map((order) => order.orderId);
  const [context, templates, contacts, promises, parcels] = await Promise.all([
    getShopEmailContext(shop),
    getEmailTemplates(shop, "delay_notice"),
    getContactDetails(shop, ids),
    getDeliveryPromises(shop, ids),
    prisma.orderFulfillment.findMany({
      where: { shop, orderId: { in: ids }, trackingUrl: { not: null }, status: { notIn: ["CANCELLED", "ERROR"] } },
      select: { orderId: true, trackingUrl: true },
      orderBy: { createdAt: "desc" },
    }),
  ]);
  const trackingByOrder = new Map<string, string>();
  for (const parcel of parcels) if (parcel.trackingUrl && !trackingByOrder.has(parcel.orderId)) trackingByOrder.set(parcel.orderId, parcel.trackingUrl);

  for (const order of delayed) {
    const contact = contacts.get(order.orderId);
    if (!contact) {
      report.withoutEmail += 1;
      continue;
    }
    const language = emailLanguage(contact.locale, context.primaryLocale);
    const words = EMAIL_STRINGS[language];
    // Dates in the shopper's own locale ("id-ID") when it is the email's language.
    const locale = contact.locale && emailLanguage(contact.locale) === language ? contact.locale : language;
    const promise = promises.get(order.orderId);
    const orderStatusUrl = `${context.proxyBaseUrl}/order-status`;
    const email = renderEmail({
      template: templates[language],
      locale: language,
      values: {
        first_name: contact.firstName ?? words.firstNameFallback,
        order_name: order.orderName,
        shop_name: context.shopName,
        promised_range: promise
          ? formatDateRange(promise.earliest, promise.latest, locale)
          : order.promisedLatest
            ? formatDate(order.promisedLatest, locale)
            : words.deliveryTimeFallback,
        tracking_url: { url: trackingByOrder.get(order.orderId) ?? orderStatusUrl },
        order_status_url: { url: orderStatusUrl },
        contact_line: context.contactLines[language],
      },
      footer: words.delayFooter(order.orderName, context.shopName),
    });
    const result = await enqueueEmail(
      { shop, dedupeKey: order.dedupeKey, kind: "delay_notice", reference: order.orderId, to: contact.email, email },
      now,
    );
    if (result.created) report.enqueued += 1;
  }
  return report;
}

export async function enqueueDelayNoticesForAllShops(now = new Date()): Promise<Record<string, DelayNoticeReport>> {
  const reports: Record<string, DelayNoticeReport> = {};
  for (const shop of await listInstalledShops()) reports[shop] = await enqueueDelayNotices(shop, now);
  return reports;
}
