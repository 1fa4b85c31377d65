/**
 * The emails that keep a shopper informed about their return, and when each is due. Pure: no I/O.
 *
 *   requested  the copy is first recorded as REQUESTED          "we received your request"
 *   approved   it moves to OPEN (approved), with the label link when it is known already
 *   label      a label appears after the approval email went out ("your return label is ready")
 *   declined   it moves to DECLINED, with the reason and the shop's note
 *   refunded   a refund is first recorded, with the amount and where it went
 * Each has its own outbox key (`return:<return id>:<kind>`), so it is sent once however often the app's
 * own write and Shopify's webhooks report the same step. Wording: `returns.email.*` (en + id).
 */
import { EMAIL_STRINGS } from "../../email/email-strings";
import type { EmailLanguage } from "../../email/language";
import { renderEmail, type RenderedEmail } from "../../email/render";
import { createTranslator, type MessageKey } from "../../i18n/messages";

export const RETURN_EMAIL_KINDS = ["requested", "approved", "label", "declined", "refunded"] as const;
export type ReturnEmailKind = (typeof RETURN_EMAIL_KINDS)[number];

/** The parts of Aftercare's return copy the emails read. */
export interface ReturnEmailFacts {
  shopifyReturnId: string;
  orderId: string;
  orderName: string | null;
  name: string | null;
  status: string;
  labelUrl: string | null;
  trackingUrl: string | null;
  declineReason: string | null;
  declineNote: string | null;
  refundAmount: string | null;
  refundCurrency: string | null;
  refundMethod: string | null;
  refundedAt: Date | null;
  lines: ReadonlyArray<{ title: string | null; quantity: number }>;
}

type Before = Pick<ReturnEmailFacts, "status" | "labelUrl" | "refundedAt"> | null;

export const returnEmailKey = (shopifyReturnId: string, kind: ReturnEmailKind) => `return:${shopifyReturnId}:${kind}`;

/** The emails a change of the copy from `before` (null: first seen) to `after` calls for. */
export function returnEmailsDue(before: Before, after: ReturnEmailFacts): ReturnEmailKind[] {
  const due: ReturnEmailKind[] = [];
  if (!before && after.status === "requested") due.push("requested");
  const approvedNow = after.status === "open" && before?.status !== "open" && before?.status !== "closed";
  if (approvedNow) due.push("approved");
  if (after.labelUrl && before && !before.labelUrl && !approvedNow && (after.status === "open" || after.status === "closed")) due.push("label");
  if (after.status === "declined" && before?.status !== "declined") due.push("declined");
  if (after.refundedAt && !before?.refundedAt && after.refundAmount) due.push("refunded");
  return due;
}

export interface ReturnEmailContext {
  language: EmailLanguage;
  firstName: string | null;
  shopName: string;
  contactLine: string;
  orderStatusUrl: string;
}

const BODY_KEYS: Record<ReturnEmailKind, { subject: MessageKey; body: MessageKey }> = {
  requested: { subject: "returns.email.received.subject", body: "returns.email.received.body" },
  approved: { subject: "returns.email.approved.subject", body: "returns.email.approved.body" },
  label: { subject: "returns.email.label.subject", body: "returns.email.label.body" },
  declined: { subject: "returns.email.declined.subject", body: "returns.email.declined.body" },
  refunded: { subject: "returns.email.refunded.subject", body: "returns.email.refunded.body" },
};

const DECLINE_KEYS: Record<string, MessageKey> = {
  FINAL_SALE: "returns.request.declineReasons.FINAL_SALE",
  RETURN_PERIOD_ENDED: "returns.request.declineReasons.RETURN_PERIOD_ENDED",
  OTHER: "returns.request.declineReasons.OTHER",
};

/** "Rp 150.000" / "$24.50" in the shopper's language. */
export function formatRefund(amount: string, currency: string, language: EmailLanguage): string {
  try {
    return new Intl.NumberFormat(language, { style: "currency", currency }).format(Number(amount));
  } catch {
    return `${amount} ${currency}`;
  }
}

/** One return email, in the shopper's language; every value HTML-escaped by renderEmail. */
export function renderReturnEmail(kind: ReturnEmailKind, facts: ReturnEmailFacts, context: ReturnEmailContext): RenderedEmail {
  const t = createTranslator({ language: context.language, tag: context.language });
  const words = EMAIL_STRINGS[context.language];
  const orderName = facts.orderName ?? "";
  // Our own wording, put together before the values go in (values are never read as a template).
  const body = t(BODY_KEYS[kind].body)
    .replace("{label_line}", facts.labelUrl ? t("returns.email.labelLine") : kind === "approved" ? t("returns.email.labelLater") : "")
    .replace("{tracking_line}", facts.trackingUrl ? t("returns.email.trackingLine") : "")
    .replace("{decline_note}", facts.declineNote ? t("returns.email.noteLine") : "");
  const refundMethod =
    facts.refundMethod === "store_credit" ? t("returns.email.toStoreCredit") : facts.refundMethod === "original_payment" ? t("returns.email.toPayment") : "";
  return renderEmail({
    template: { subject: t(BODY_KEYS[kind].subject), body },
    locale: context.language,
    values: {
      first_name: context.firstName ?? words.firstNameFallback,
      return_name: facts.name ?? orderName,
      order_name: orderName,
      shop_name: context.shopName,
      contact_line: context.contactLine,
      order_status_url: { url: context.orderStatusUrl },
      items: facts.lines.map((line) => `- ${line.title ?? ""} × ${line.quantity}`).join("\n"),
      ...(facts.labelUrl ? { label_url: { url: facts.labelUrl } } : {}),
      ...(facts.trackingUrl ? { tracking_url: { url: facts.trackingUrl } } : {}),
      decline_reason: t(DECLINE_KEYS[facts.declineReason ?? "OTHER"] ?? DECLINE_KEYS.OTHER),
      note: facts.declineNote ?? "",
      refund_amount: facts.refundAmount && facts.refundCurrency ? formatRefund(facts.refundAmount, facts.refundCurrency, context.language) : "",
      refund_method: refundMethod,
    },
    footer: t("returns.email.footer", { order_name: orderName, shop_name: context.shopName }),
  });
}
