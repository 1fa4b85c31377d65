import en from "../../../extensions/aftercare-storefront/locales/en.default.json";
import type { Translate } from "~/i18n";
import id from "../../../extensions/aftercare-storefront/locales/id.json";
import type { PolicyDisagreement } from "~/models/returns/policy-comparison";
import type { ReturnRules, WindowStart } from "~/models/returns/rules";
import { buildStorefrontReturnRules, type StorefrontReturnPoint } from "~/models/returns/storefront";
import { addDays, weekdayOf, zonedDateTime, type IsoDate } from "~/models/shop/time";

/**
 * What the storefront's return-policy block will say, for the admin preview. Reads the extension's own
 * locale files, so the preview uses the exact storefront texts, and follows the block's Liquid step by
 * step (tests/extension/return-blocks.test.ts renders both and compares).
 */

export const PREVIEW_LOCALES = { en: "English", id: "Bahasa Indonesia" } as const;
export type PreviewLocale = keyof typeof PREVIEW_LOCALES;

type Messages = typeof en;
const MESSAGES: Record<PreviewLocale, Messages> = { en, id };

function fill(template: string, values: Record<string, string | number>): string {
  return template.replace(/\{\{\s*(\w+)\s*\}\}/g, (_match, name: string) => String(values[name] ?? ""));
}

function shortDate(date: IsoDate, messages: Messages): string {
  const [, month, day] = date.split("-").map(Number);
  const { weekdays, months, short } = messages.aftercare.dates;
  return fill(short, {
    weekday: weekdays[String(weekdayOf(date)) as keyof typeof weekdays],
    day,
    month: months[String(month) as keyof typeof months],
  });
}

export interface ReturnPreview {
  /** The block's headline for a returnable product. */
  summary: string;
  /** The product-page line for a purchase today. */
  productLine: string;
  /** The headline on a final-sale product. */
  finalSale: string;
  /** The details list. */
  points: string[];
}

export function previewReturnPolicy(rules: ReturnRules, options: { timeZone: string; now: Date; locale: PreviewLocale }): ReturnPreview {
  const messages = MESSAGES[options.locale];
  const texts = messages.aftercare.returns;
  const published = buildStorefrontReturnRules(rules, options.timeZone);
  const today = zonedDateTime(options.now, options.timeZone).date;
  const holiday = published.holidays.filter((period) => today >= period.from && today <= period.through).pop();
  const days = holiday?.days ?? published.windowDays;
  const until = shortDate(addDays(today, days), messages);
  const productTemplates: Record<WindowStart, string> = {
    order: texts.product.until_order_html,
    fulfillment: texts.product.until_fulfillment_html,
    delivery: texts.product.until_delivery_html,
  };

  return {
    summary: fill(texts.summary, { days }),
    productLine: fill(productTemplates[published.startsAt], { days, date: until }),
    finalSale: texts.final_sale,
    points: published.points.map((point) => pointText(point, messages, options.timeZone)),
  };
}

function dayOf(noon: number | undefined, timeZone: string): IsoDate {
  return zonedDateTime(new Date((noon ?? 0) * 1000), timeZone).date;
}

function pointText(point: StorefrontReturnPoint, messages: Messages, timeZone: string): string {
  const points = messages.aftercare.returns.points;
  switch (point.code) {
    case "window":
      return fill(points[`window_${point.startsAt ?? "delivery"}`], { days: point.days ?? 0 });
    case "holiday_window":
      return fill(points.holiday_window, {
        days: point.days ?? 0,
        from: shortDate(dayOf(point.fromNoon, timeZone), messages),
        through: shortDate(dayOf(point.throughNoon, timeZone), messages),
      });
    case "final_sale_excluded":
      return points.final_sale_excluded;
    case "condition":
      return points[`condition_${point.condition ?? "unused"}`];
    case "resolution":
      return points[`resolution_${point.resolution ?? "refund"}`];
    case "restocking_fee":
      return fill(points.restocking_fee, { percent: point.percent ?? 0 });
  }
}

/** One sentence for the merchant, in the admin language, about a disagreement between the refund policy and the rules. */
export function describeDisagreement(disagreement: PolicyDisagreement, t: Translate): string {
  switch (disagreement.topic) {
    case "window_days":
      return t("returns.disagreement.window_days", { policyDays: disagreement.policyDays, ruleDays: disagreement.ruleDays });
    case "window_start":
      return t("returns.disagreement.window_start", {
        policyStart: t(`returns.startWords.${disagreement.policyStartsAt}`),
        ruleStart: t(`returns.startWords.${disagreement.ruleStartsAt}`),
      });
    case "restocking_fee":
      return t("returns.disagreement.restocking_fee", { policyPercent: disagreement.policyPercent, rulePercent: disagreement.rulePercent });
    case "final_sale":
    case "refund_not_offered":
    case "exchange_not_offered":
    case "returns_not_accepted":
      return t(`returns.disagreement.${disagreement.topic}`);
  }
}
