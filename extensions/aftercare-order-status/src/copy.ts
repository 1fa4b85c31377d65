/**
 * The words the extension shows for an order, chosen from its status: which notice, which expectation,
 * how dates read. Pure: translation and date formatting come in as functions.
 */
import type { OrderStatus } from "./backend";
import type { Translate } from "./host";

export type FormatDate = (date: Date, options?: Intl.DateTimeFormatOptions) => string;

/** A shop-local date ("2026-09-04") in the shopper's language: noon UTC, so no time zone shifts the day. */
export function formatDay(iso: string, formatDate: FormatDate): string {
  return formatDate(new Date(`${iso}T12:00:00Z`), { day: "numeric", month: "long", timeZone: "UTC" });
}

export function formatRange(range: { earliest: string; latest: string }, formatDate: FormatDate): string {
  const first = formatDay(range.earliest, formatDate);
  return range.earliest === range.latest ? first : `${first} – ${formatDay(range.latest, formatDate)}`;
}

export interface StatusNotice {
  tone: "critical" | "warning" | "info";
  message: string;
}

/** Failed, late (with the newer expectation when there is one) or cancelled; null while all is well. */
export function statusNotice(order: OrderStatus, t: Translate, formatDate: FormatDate): StatusNotice | null {
  if (order.cancelled) return { tone: "info", message: t("status.cancelled") };
  if (order.alert === "failed") return { tone: "critical", message: t("status.failed") };
  if (order.alert === "late") {
    const newer = order.estimate ? ` ${t("status.new_estimate", { dates: formatRange(order.estimate, formatDate) })}` : "";
    return { tone: "warning", message: `${t("status.late")}${newer}` };
  }
  return null;
}

/** The line under the timeline: when it arrived, or when to expect it (a late order's newer date is in its notice). */
export function expectation(order: OrderStatus, t: Translate, formatDate: FormatDate): string | null {
  if (order.deliveredOn) return t("status.delivered_on", { date: formatDay(order.deliveredOn, formatDate) });
  if (order.cancelled || order.alert || !order.estimate) return null;
  return t("status.estimate", { dates: formatRange(order.estimate, formatDate) });
}

/** The translation key of a backend error code (unknown codes read as a generic failure). */
const KNOWN_ERRORS = new Set(["network", "unauthorized", "not_logged_in", "order_not_found", "line_not_found", "invalid_request", "invalid_review", "invalid_help", "too_many"]);
export const errorKey = (code: string) => `errors.${KNOWN_ERRORS.has(code) ? code : "failed"}`;

const KNOWN_FIELDS = new Set(["rating", "body_required", "body_too_long", "title_too_long", "message_too_long"]);
export const fieldErrorKey = (code: string | undefined) => (code && KNOWN_FIELDS.has(code) ? `errors.fields.${code}` : null);
