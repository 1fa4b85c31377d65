import { parseIn } from "~/i18n/zod-messages";
import { z } from "zod";
import { shippingRulesSchemaFor, type ShippingRules } from "~/models/shipping/rules";
import { unknownPlaceholders } from "./banner-template";
import { isKnownCountry } from "./country-codes";
import { createTranslator, type Translate } from "~/i18n/messages";

const ENGLISH = createTranslator({ language: "en", tag: "en" });

/**
 * The shipping settings form: what the page edits (text as typed) and how it becomes validated
 * shipping rules. Pure, so the browser (live preview) and the action (saving) parse a draft the same
 * way. Errors are keyed by the draft field they belong to ("zones.0.maxDays"), ready for `error=`.
 */

export interface ZoneDraft {
  /** Empty for a zone added in this edit; the id then comes from the name. */
  id: string;
  name: string;
  /** "DE, FR" — ISO country codes, or "*" for everywhere else. */
  countries: string;
  /** "US-HI, US-AK" — ISO 3166-2 province codes. */
  provinces: string;
  minDays: string;
  maxDays: string;
  /** Kept as saved: the page does not edit them (yet). */
  deliveryDays: number[];
  holidays: string[];
}

export interface ThresholdDraft {
  currency: string;
  /** In the currency's main unit, as typed: "75" or "75.50". */
  amount: string;
}

export interface BannerDraft {
  /** Storefront language: "en", "id", "pt-BR". */
  locale: string;
  template: string;
}

export interface ShippingDraft {
  /** The shop's time zone, shown, not edited. */
  timeZone: string;
  cutoffTime: string;
  processingDays: string;
  workingDays: number[];
  /** Dates as typed, separated by commas or lines: "2025-12-24, 12-25". */
  holidays: string;
  zones: ZoneDraft[];
  freeShipping: ThresholdDraft[];
  bannerMessages: BannerDraft[];
  /** Kept as saved: edited elsewhere. */
  blockedDates: ShippingRules["blockedDates"];
  overrides: ShippingRules["overrides"];
}

export type FieldErrors = Record<string, string>;

export type DraftResult = { ok: true; rules: ShippingRules } | { ok: false; errors: FieldErrors };

/** Where an error about the form as a whole (not one field) goes. */
export const FORM_ERROR = "form";

const text = z.string().default("");
const zoneDraftSchema = z.object({
  id: text,
  name: text,
  countries: text,
  provinces: text,
  minDays: text,
  maxDays: text,
  deliveryDays: z.array(z.number().int()).default([1, 2, 3, 4, 5]),
  holidays: z.array(z.string()).default([]),
});

/** The shape a submitted draft must have before its fields are read (not their validity). */
export const shippingDraftSchema = z.object({
  timeZone: text,
  cutoffTime: text,
  processingDays: text,
  workingDays: z.array(z.number().int()).default([]),
  holidays: text,
  zones: z.array(zoneDraftSchema).max(50).default([]),
  freeShipping: z.array(z.object({ currency: text, amount: text })).max(50).default([]),
  bannerMessages: z.array(z.object({ locale: text, template: text })).max(20).default([]),
  blockedDates: z.array(z.object({ from: z.string(), to: z.string() })).default([]),
  overrides: z.array(z.record(z.unknown())).default([]),
});

export const DEFAULT_DRAFT: Omit<ShippingDraft, "timeZone"> = {
  cutoffTime: "14:00",
  processingDays: "1",
  workingDays: [1, 2, 3, 4, 5],
  holidays: "",
  zones: [
    {
      id: "",
      name: "Everywhere",
      countries: "*",
      provinces: "",
      minDays: "3",
      maxDays: "7",
      deliveryDays: [1, 2, 3, 4, 5],
      holidays: [],
    },
  ],
  freeShipping: [],
  bannerMessages: [{ locale: "en", template: "Order now and get it between {min_date} and {max_date}." }],
  blockedDates: [],
  overrides: [],
};

/** Splits "DE, fr\nNL" into ["DE", "FR", "NL"]. */
export function splitList(value: string, upperCase = false): string[] {
  return value
    .split(/[\s,;]+/)
    .map((item) => (upperCase ? item.toUpperCase() : item))
    .filter(Boolean);
}

function wholeNumber(value: string): number | null {
  return /^\d{1,4}$/.test(value.trim()) ? Number(value.trim()) : null;
}

/** "75" or "75.5" in main units → 7550 minor units (Liquid's money values are in cents). */
function amountInCents(value: string): number | null {
  const match = /^(\d{1,12})(?:[.,](\d{1,2}))?$/.exec(value.trim());
  if (!match) return null;
  return Number(match[1]) * 100 + Number((match[2] ?? "").padEnd(2, "0"));
}

function centsToAmount(cents: number): string {
  return cents % 100 === 0 ? String(cents / 100) : (cents / 100).toFixed(2);
}

const HOLIDAY = /^(\d{4}-)?\d{2}-\d{2}$/;

function slugify(name: string): string {
  return name
    .normalize("NFKD")
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, "-")
    .replace(/^-+|-+$/g, "")
    .slice(0, 32)
    .replace(/-+$/, "");
}

/** Ids for new zones from their names, never reusing an id already taken. */
function zoneIds(zones: readonly ZoneDraft[]): string[] {
  const taken = new Set(zones.map((zone) => zone.id).filter(Boolean));
  return zones.map((zone, index) => {
    if (zone.id) return zone.id;
    const base = slugify(zone.name) || `zone-${index + 1}`;
    let id = base;
    for (let n = 2; taken.has(id); n += 1) id = `${base.slice(0, 28)}-${n}`;
    taken.add(id);
    return id;
  });
}

/**
 * Converts what was typed into the rules' input shape. A field that cannot be read gets an error here
 * and is left out of the input, so the shared schema can still check every other field in one pass.
 */
function readDraft(draft: ShippingDraft, t: Translate): { input: Record<string, unknown>; errors: FieldErrors } {
  const errors: FieldErrors = {};
  const ids = zoneIds(draft.zones);

  const owners = new Map<string, number>();
  const zones = draft.zones.map((zone, index) => {
    const countries = splitList(zone.countries, true);
    const provinces = splitList(zone.provinces, true);
    const claimed = [...countries, ...provinces].filter((code) => (owners.get(code) ?? index) !== index);
    for (const code of [...countries, ...provinces]) if (!owners.has(code)) owners.set(code, index);
    const unknownCountries = countries.filter((code) => code !== "*" && !isKnownCountry(code));
    if (unknownCountries.length > 0) {
      errors[`zones.${index}.countries`] = t("shipping.errors.unknownCountry", { codes: unknownCountries.join(", ") });
    } else if (claimed.length > 0) {
      const owner = draft.zones[owners.get(claimed[0]) ?? 0];
      const field = countries.includes(claimed[0]) ? "countries" : "provinces";
      errors[`zones.${index}.${field}`] = t("shipping.errors.alreadyInZone", {
        zone: owner.name.trim() || (owners.get(claimed[0]) ?? 0) + 1,
        codes: claimed.join(", "),
      });
    }
    const badProvinces = provinces.filter(
      (code) => !/^[A-Z]{2}-[A-Z0-9]{1,3}$/.test(code) || !isKnownCountry(code.slice(0, 2)),
    );
    if (badProvinces.length > 0) {
      errors[`zones.${index}.provinces`] = t("shipping.errors.provinceFormat", { codes: badProvinces.join(", ") });
    }
    if (!zone.name.trim()) errors[`zones.${index}.name`] = t("shipping.errors.zoneName");
    const min = wholeNumber(zone.minDays);
    const max = wholeNumber(zone.maxDays);
    if (min === null) errors[`zones.${index}.minDays`] = t("shipping.errors.wholeDays");
    if (max === null) errors[`zones.${index}.maxDays`] = t("shipping.errors.wholeDays");
    return {
      id: ids[index],
      name: zone.name,
      regions: [...new Set([...countries.filter((code) => !unknownCountries.includes(code)), ...provinces])],
      transitDays: { min: min ?? undefined, max: max ?? undefined },
      deliveryDays: zone.deliveryDays,
      holidays: zone.holidays,
    };
  });

  const holidays = splitList(draft.holidays);
  const badHolidays = holidays.filter((day) => !HOLIDAY.test(day));
  if (badHolidays.length > 0) {
    errors.holidays = t("shipping.errors.holidayFormat", { days: badHolidays.join(", ") });
  }

  const processingDays = wholeNumber(draft.processingDays);
  if (processingDays === null) errors.processingDays = t("shipping.errors.wholeDays");

  const freeShipping = draft.freeShipping.flatMap((threshold, index) => {
    const currency = threshold.currency.trim().toUpperCase();
    const minimumCents = amountInCents(threshold.amount);
    if (minimumCents === null) {
      errors[`freeShipping.${index}.amount`] = t("shipping.errors.amount");
      return [];
    }
    return [{ currency, minimumCents }];
  });

  const bannerMessages: Record<string, string> = {};
  const seenLocales = new Map<string, number>();
  draft.bannerMessages.forEach((banner, index) => {
    const locale = banner.locale.trim();
    if (!/^[a-z]{2}(-[A-Z]{2})?$/.test(locale)) {
      errors[`bannerMessages.${index}.locale`] = t("shipping.errors.languageCode");
      return;
    }
    if (seenLocales.has(locale)) {
      errors[`bannerMessages.${index}.locale`] = t("shipping.errors.oneMessagePerLanguage");
      return;
    }
    seenLocales.set(locale, index);
    const unknown = unknownPlaceholders(banner.template);
    if (unknown.length > 0) {
      errors[`bannerMessages.${index}.template`] = t("shipping.errors.unknownPlaceholder", { names: unknown.map((name) => `{${name}}`).join(", ") });
      return;
    }
    bannerMessages[locale] = banner.template;
  });

  return {
    input: {
      timeZone: draft.timeZone,
      cutoffTime: draft.cutoffTime.trim(),
      processingDays: processingDays ?? undefined,
      workingDays: draft.workingDays,
      holidays: holidays.filter((day) => HOLIDAY.test(day)),
      blockedDates: draft.blockedDates,
      zones,
      overrides: draft.overrides,
      freeShipping,
      bannerMessages,
    },
    errors,
  };
}

/** The draft field a shared-schema issue belongs to. */
function draftPath(path: readonly (string | number)[], draft: ShippingDraft): string {
  const [head, index, field, sub] = path;
  switch (head) {
    case "cutoffTime":
    case "processingDays":
    case "workingDays":
    case "holidays":
    case "timeZone":
      return String(head);
    case "zones": {
      if (typeof index !== "number") return "zones";
      if (field === "transitDays") return `zones.${index}.${sub === "min" ? "minDays" : "maxDays"}`;
      if (field === "regions") {
        const countryCount = splitList(draft.zones[index]?.countries ?? "").length;
        return `zones.${index}.${typeof sub === "number" && sub >= countryCount ? "provinces" : "countries"}`;
      }
      return `zones.${index}.name`;
    }
    case "freeShipping":
      if (typeof index !== "number") return FORM_ERROR;
      return `freeShipping.${index}.${field === "minimumCents" ? "amount" : "currency"}`;
    case "bannerMessages": {
      const row = draft.bannerMessages.findIndex((banner) => banner.locale.trim() === index);
      return row === -1 ? FORM_ERROR : `bannerMessages.${row}.template`;
    }
    default:
      return FORM_ERROR;
  }
}

/**
 * Validates a draft with the shared shipping-rules schema; every problem comes back on its field, worded
 * by `t` (English unless the admin's translator is given), the shared schema's own messages included.
 */
export function parseShippingDraft(draft: ShippingDraft, t: Translate = ENGLISH): DraftResult {
  const { input, errors: readErrors } = readDraft(draft, t);
  const parsed = parseIn(shippingRulesSchemaFor(t), input, t);
  const errors: FieldErrors = {};
  if (!parsed.success) {
    for (const issue of parsed.error.issues) {
      const key = draftPath(issue.path, draft);
      errors[key] ??= key === FORM_ERROR && issue.path.length > 0 ? `${issue.path.join(".")}: ${issue.message}` : issue.message;
    }
  }
  Object.assign(errors, readErrors);
  if (parsed.success && Object.keys(errors).length === 0) return { ok: true, rules: parsed.data };
  return { ok: false, errors };
}

/** Reads a submitted body (JSON) as a draft, or reports the body as unreadable. */
export function readSubmittedDraft(body: unknown): ShippingDraft | null {
  const parsed = shippingDraftSchema.safeParse(body);
  return parsed.success ? (parsed.data as ShippingDraft) : null;
}

/** The form as it shows saved rules. */
export function draftFromRules(rules: ShippingRules): ShippingDraft {
  return {
    timeZone: rules.timeZone,
    cutoffTime: rules.cutoffTime,
    processingDays: String(rules.processingDays),
    workingDays: rules.workingDays,
    holidays: rules.holidays.join(", "),
    zones: rules.zones.map((zone) => ({
      id: zone.id,
      name: zone.name,
      countries: zone.regions.filter((region) => !region.includes("-")).join(", "),
      provinces: zone.regions.filter((region) => region.includes("-")).join(", "),
      minDays: String(zone.transitDays.min),
      maxDays: String(zone.transitDays.max),
      deliveryDays: zone.deliveryDays,
      holidays: zone.holidays,
    })),
    freeShipping: rules.freeShipping.map((threshold) => ({
      currency: threshold.currency,
      amount: centsToAmount(threshold.minimumCents),
    })),
    bannerMessages: Object.entries(rules.bannerMessages).map(([locale, template]) => ({ locale, template })),
    blockedDates: rules.blockedDates,
    overrides: rules.overrides,
  };
}

export function defaultDraft(timeZone: string): ShippingDraft {
  return { ...structuredClone(DEFAULT_DRAFT), timeZone };
}
