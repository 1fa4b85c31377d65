/**
 * The delay notice email ("your order is running late"), written in the shopper's language for the
 * outbox. Shared by the scheduled check (`enqueueDelayNotices`) and the at-risk list's "Notify the
 * shopper now", so both write the same message under the same dedupe key.
 */
import prisma from "../../db.server";
import { EMAIL_STRINGS } from "../../email/email-strings";
import { emailLanguage } from "../../email/language";
import { renderEmail } from "../../email/render";
import { getShopEmailContext } from "../../email/shop-context.server";
import { formatDate, formatDateRange } from "../../email/templates";
import { getEmailTemplates } from "../../email/templates.server";
import { getContactDetails } from "../orders/contact-details.server";
import { getDeliveryPromises } from "./delay.server";
import type { EnqueueEmail } from "../email/outbox.server";

export interface DelayNoticeSubject {
  orderId: string;
  orderName: string;
  /** The last day of the promise at stake, or null when nothing was promised. */
  promisedLatest: string | null;
  dedupeKey: string;
}

/** The outbox message for each order, or null for an order with no email address on file. */
export async function buildDelayNotices(shop: string, orders: readonly DelayNoticeSubject[]): Promise<Map<string, EnqueueEmail | null>> {
  const built = new Map<string, EnqueueEmail | null>();
  if (orders.length === 0) return built;
  const ids = orders.map((order) => order.orderId);
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

  for (const order of orders) {
    const contact = contacts.get(order.orderId);
    if (!contact) {
      built.set(order.orderId, null);
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
    built.set(order.orderId, { shop, dedupeKey: order.dedupeKey, kind: "delay_notice", reference: order.orderId, to: contact.email, email });
  }
  return built;
}
