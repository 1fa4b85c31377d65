import { estimateDelivery } from "~/models/shipping/delivery-estimate";
import type { ShippingRules } from "~/models/shipping/rules";
import type { IsoDate } from "~/models/shop/time";
import { renderBannerTemplate } from "./banner-template";

/**
 * What a shopper would read in the banner, worked out by the delivery-estimate engine from rules that
 * are not saved yet. Runs in the browser; the storefront renders the published calendar the same way.
 */

export interface BannerPreviewRequest {
  rules: ShippingRules;
  now: Date;
  countryCode: string;
  /** The country's name in `locale`, as the server named it (the browser's Intl is never asked). */
  countryName: string;
  /** Storefront language; picks the message ("pt-BR" falls back to "pt", then to "en"). */
  locale: string;
  /** The shopper's cart subtotal in minor units of `currency`. */
  subtotalCents: number;
  currency: string;
}

export interface BannerPreview {
  /**
   * Null when no message exists for the language (or any fallback), or when every sentence of it
   * needs a value this shopper has none for (see renderBannerTemplate).
   */
  message: string | null;
  /** Null when no zone ships to the country. */
  estimate: { zoneName: string; earliest: IsoDate; latest: IsoDate; cutoff: Date | null } | null;
  /** Null when the currency has no free-shipping threshold. */
  remainingCents: number | null;
}

export function templateFor(messages: Readonly<Record<string, string>>, locale: string): string | null {
  return messages[locale] ?? messages[locale.split("-")[0]] ?? messages.en ?? null;
}

function formatDate(date: IsoDate, locale: string): string {
  return new Intl.DateTimeFormat(locale, { weekday: "short", month: "short", day: "numeric", timeZone: "UTC" }).format(
    new Date(`${date}T12:00:00Z`),
  );
}

function formatMoney(cents: number, currency: string, locale: string): string {
  try {
    return new Intl.NumberFormat(locale, { style: "currency", currency }).format(cents / 100);
  } catch {
    return `${(cents / 100).toFixed(2)} ${currency}`;
  }
}

export function previewBanner(request: BannerPreviewRequest): BannerPreview {
  const { rules, locale } = request;
  const result = estimateDelivery(rules, { now: request.now, destination: { countryCode: request.countryCode } });
  const zone = result ? rules.zones.find((candidate) => candidate.id === result.zoneId) : undefined;
  const threshold = rules.freeShipping.find((entry) => entry.currency === request.currency);
  const remainingCents = threshold ? Math.max(0, threshold.minimumCents - request.subtotalCents) : null;
  const template = templateFor(rules.bannerMessages, locale);
  const message =
    template === null
      ? null
      : renderBannerTemplate(template, {
          min_date: result ? formatDate(result.earliest, locale) : "",
          max_date: result ? formatDate(result.latest, locale) : "",
          country: request.countryName,
          // Nothing left to spend is no amount to announce: that sentence is left out, as on the storefront.
          remaining_for_free_shipping:
            remainingCents === null || remainingCents <= 0 ? "" : formatMoney(remainingCents, request.currency, locale),
        });
  return {
    message,
    estimate:
      result && zone
        ? { zoneName: zone.name, earliest: result.earliest, latest: result.latest, cutoff: result.countdown ? result.cutoff : null }
        : null,
    remainingCents,
  };
}
