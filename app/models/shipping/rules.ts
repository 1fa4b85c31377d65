import { z } from "zod";
import { createTranslator, type Translate } from "../../i18n/messages";
import { isIsoDate, isValidTimeZone } from "../shop/time";

/**
 * The shipping rules a merchant edits. Parsed with `shippingRulesSchema` before they reach
 * the delivery-estimate engine, so the engine can trust every field. Every message is a key of
 * `validation.shippingRules` in the admin's language: build the schema with `shippingRulesSchemaFor(t)`
 * and parse with `parseIn` (app/i18n/zod-messages.ts) so the checks without a message of their own
 * name their limit too. Pure.
 */

const ENGLISH = createTranslator({ language: "en", tag: "en" });

/** Longest zone or group id: a lowercase letter or digit, then up to 31 more. */
export const MAX_SLUG_LENGTH = 32;

export function shippingRulesSchemaFor(t: Translate = ENGLISH) {
  const weekday = z.number().int().min(0, t("validation.shippingRules.weekday")).max(6, t("validation.shippingRules.weekday"));

  const weekdays = z
    .array(weekday)
    .min(1, t("validation.shippingRules.chooseDay"))
    .transform((days) => [...new Set(days)].sort((a, b) => a - b));

  const isoDate = z.string().refine(isIsoDate, t("validation.shippingRules.date"));

  /** "2025-12-24" for one year only, "12-25" for every year. */
  const holiday = z
    .string()
    .refine(
      (value) => isIsoDate(value) || (/^\d{2}-\d{2}$/.test(value) && isIsoDate(`2000-${value}`)),
      t("validation.shippingRules.holiday"),
    );

  /** "HH:MM" in the shop's time zone; "24:00" is midnight at the end of the day. */
  const timeOfDay = z.string().regex(/^(([01]\d|2[0-3]):[0-5]\d|24:00)$/, t("validation.shippingRules.time"));

  const dayCount = z.number().int().min(0).max(60);

  const dayRange = z
    .object({ min: dayCount, max: dayCount })
    .refine((range) => range.min <= range.max, { message: t("validation.shippingRules.minAboveMax"), path: ["max"] });

  const slug = z.string().regex(/^[a-z0-9][a-z0-9-]{0,31}$/, t("validation.shippingRules.id", { max: MAX_SLUG_LENGTH }));

  /** "DE" (a country), "US-HI" (a province, ISO 3166-2 subdivision code) or "*" (everywhere else). */
  const region = z.string().regex(/^(\*|[A-Z]{2}(-[A-Z0-9]{1,3})?)$/, t("validation.shippingRules.region"));

  const shippingZoneSchema = z.object({
    id: slug,
    name: z.string().trim().min(1).max(60),
    regions: z.array(region).min(1, t("validation.shippingRules.addCountry")),
    transitDays: dayRange,
    /** Days the carrier delivers in this zone. */
    deliveryDays: weekdays.default([1, 2, 3, 4, 5]),
    /** Public holidays at the destination: no deliveries. */
    holidays: z.array(holiday).max(100).default([]),
  });

  const shippingOverrideSchema = z
    .object({
      id: slug,
      name: z.string().trim().min(1).max(60),
      /** Product tags (case-insensitive) that select this group. */
      tags: z
        .array(z.string().trim().min(1).max(255))
        .max(50)
        .default([])
        .transform((tags) => tags.map((tag) => tag.toLowerCase())),
      /** Numeric product ids that select this group. */
      productIds: z.array(z.string().regex(/^\d+$/, t("validation.shippingRules.productId"))).max(250).default([]),
      /** Replaces the shop's processing days for these products. */
      processingDays: dayCount.optional(),
      /** Added to every zone's transit days for these products (bulky goods, for example). */
      extraTransitDays: dayCount.default(0),
    })
    .refine((group) => group.tags.length + group.productIds.length > 0, {
      message: t("validation.shippingRules.tagOrProduct"),
      path: ["tags"],
    });

  const currencyCode = z.string().regex(/^[A-Z]{3}$/, t("validation.shippingRules.currency"));

  return z
    .object({
      timeZone: z.string().refine(isValidTimeZone, t("validation.shippingRules.timeZone")),
      /** Orders placed before this time on a working day count as received that day. */
      cutoffTime: timeOfDay,
      /** Working days between receiving an order and handing it to the carrier. */
      processingDays: dayCount,
      /** Days the warehouse works. */
      workingDays: weekdays,
      /** Days the warehouse is closed (and carriers do not collect). */
      holidays: z.array(holiday).max(100).default([]),
      /** Extra closures, such as a stocktake, inclusive of both ends. */
      blockedDates: z
        .array(
          z
            .object({ from: isoDate, to: isoDate })
            .refine((range) => range.from <= range.to, { message: t("validation.shippingRules.endBeforeStart"), path: ["to"] }),
        )
        .max(50)
        .default([]),
      zones: z.array(shippingZoneSchema).min(1, t("validation.shippingRules.addZone")).max(50),
      /** Checked in order: the first group that matches a product wins. */
      overrides: z.array(shippingOverrideSchema).max(10).default([]),
      /** Order subtotal (in the currency's cents) from which shipping is free. */
      freeShipping: z
        .array(z.object({ currency: currencyCode, minimumCents: z.number().int().min(0) }))
        .max(50)
        .default([]),
      /** The merchant's own announcement, per storefront language ("en", "id", "pt-BR"). */
      bannerMessages: z.record(z.string().regex(/^[a-z]{2}(-[A-Z]{2})?$/), z.string().trim().max(200)).default({}),
    })
    .superRefine((rules, ctx) => {
      const seenZones = new Set<string>();
      const seenRegions = new Map<string, string>();
      rules.zones.forEach((zone, index) => {
        if (seenZones.has(zone.id)) {
          ctx.addIssue({ code: z.ZodIssueCode.custom, message: t("validation.shippingRules.zoneIdTaken"), path: ["zones", index, "id"] });
        }
        seenZones.add(zone.id);
        for (const code of zone.regions) {
          const owner = seenRegions.get(code);
          if (owner && owner !== zone.id) {
            ctx.addIssue({
              code: z.ZodIssueCode.custom,
              message: t("validation.shippingRules.regionTaken", { code, zone: owner }),
              path: ["zones", index, "regions"],
            });
          }
          seenRegions.set(code, zone.id);
        }
      });
      const seenGroups = new Set<string>();
      rules.overrides.forEach((group, index) => {
        if (seenGroups.has(group.id)) {
          ctx.addIssue({ code: z.ZodIssueCode.custom, message: t("validation.shippingRules.groupIdTaken"), path: ["overrides", index, "id"] });
        }
        seenGroups.add(group.id);
      });
      const seenCurrencies = new Set<string>();
      rules.freeShipping.forEach((threshold, index) => {
        if (seenCurrencies.has(threshold.currency)) {
          ctx.addIssue({
            code: z.ZodIssueCode.custom,
            message: t("validation.shippingRules.oneThresholdPerCurrency"),
            path: ["freeShipping", index, "currency"],
          });
        }
        seenCurrencies.add(threshold.currency);
      });
    });
}

/** The schema with English messages (the engine, tests and scripts; the admin builds its own with `t`). */
export const shippingRulesSchema = shippingRulesSchemaFor();

/** What the admin form submits (defaults not yet applied). */
export type ShippingRulesInput = z.input<typeof shippingRulesSchema>;
/** Validated rules, as the engine reads them. */
export type ShippingRules = z.output<typeof shippingRulesSchema>;
export type ShippingZone = ShippingRules["zones"][number];
export type ShippingOverride = ShippingRules["overrides"][number];

export function parseShippingRules(input: unknown): ShippingRules {
  return shippingRulesSchema.parse(input);
}
