import { z } from "zod";
import type { Translate } from "~/i18n/messages";
import { parseIn } from "~/i18n/zod-messages";
import {
  DEFAULT_RETURN_RULES,
  RESOLUTIONS,
  RETURN_CONDITIONS,
  WINDOW_STARTS,
  returnRulesSchemaFor,
  type Resolution,
  type ReturnCondition,
  type ReturnRules,
  type WindowStart,
} from "~/models/returns/rules";
import type { PolicyDisagreement } from "~/models/returns/policy-comparison";
import { titlesOf, withTitles, type ChosenResource } from "../settings/resource-selection";

/**
 * The return settings form: what the page edits (numbers as typed) and how it becomes validated return
 * rules. Pure, so the browser (live preview, live policy comparison) and the action (saving) read a
 * draft the same way. Errors are keyed by the rules' field path ("holidayExtensions.0.windowDays").
 */

export interface HolidayDraft {
  orderedFrom: string;
  orderedThrough: string;
  windowDays: string;
}

export interface ReturnDraft {
  windowDays: string;
  windowStartsAt: WindowStart;
  transitAllowanceDays: string;
  /** Tags as typed, separated by commas or lines. */
  finalSaleTags: string;
  /** Collections chosen with the resource picker: the stored id (numeric or GID) and its title. */
  finalSaleCollections: ChosenResource[];
  conditions: ReturnCondition[];
  resolutions: Resolution[];
  restockingFeePercent: string;
  holidayExtensions: HolidayDraft[];
}

export type FieldErrors = Record<string, string>;
export type DraftResult = { ok: true; rules: ReturnRules } | { ok: false; errors: FieldErrors };

export const FORM_ERROR = "form";

const text = z.string().max(5000).default("");

/** The shape a submitted draft must have before its fields are read (not their validity). */
export const returnDraftSchema = z.object({
  windowDays: text,
  windowStartsAt: z.enum(WINDOW_STARTS),
  transitAllowanceDays: text,
  finalSaleTags: text,
  finalSaleCollections: z.array(z.object({ id: z.string().max(200), title: z.string().max(1000).default("") })).max(200).default([]),
  conditions: z.array(z.enum(RETURN_CONDITIONS)).default([]),
  resolutions: z.array(z.enum(RESOLUTIONS)).default([]),
  restockingFeePercent: text,
  holidayExtensions: z.array(z.object({ orderedFrom: text, orderedThrough: text, windowDays: text })).max(20).default([]),
});

/** A submitted draft, or null when it is not even shaped like one. */
export function readSubmittedDraft(value: unknown): ReturnDraft | null {
  const result = returnDraftSchema.safeParse(value);
  return result.success ? result.data : null;
}

/** The form's draft of saved rules; `collectionTitles` (GID → title) names the final-sale collections. */
export function draftFromRules(rules: ReturnRules, collectionTitles: Readonly<Record<string, string>> = {}): ReturnDraft {
  return {
    windowDays: String(rules.windowDays),
    windowStartsAt: rules.windowStartsAt,
    transitAllowanceDays: String(rules.transitAllowanceDays),
    finalSaleTags: rules.finalSale.tags.join(", "),
    finalSaleCollections: withTitles("collection", rules.finalSale.collectionIds, collectionTitles),
    conditions: [...rules.conditions],
    resolutions: [...rules.resolutions],
    restockingFeePercent: String(rules.restockingFeePercent),
    holidayExtensions: rules.holidayExtensions.map((period) => ({
      orderedFrom: period.orderedFrom,
      orderedThrough: period.orderedThrough,
      windowDays: String(period.windowDays),
    })),
  };
}

export const DEFAULT_DRAFT: ReturnDraft = draftFromRules(DEFAULT_RETURN_RULES);

/** Tags keep their inner spaces ("final sale"); commas and line breaks separate them. */
export function splitTags(value: string): string[] {
  return value
    .split(/[,\n]+/)
    .map((tag) => tag.trim())
    .filter(Boolean);
}

/** The titles a draft shows for its collections, to name them again in the saved draft. */
export function collectionTitlesOf(draft: ReturnDraft): Record<string, string> {
  return titlesOf("collection", draft.finalSaleCollections);
}

/** "30" → 30; "" → undefined (the schema then names the field); "abc" → NaN (the schema says "a number"). */
function numberFrom(value: string): number | undefined {
  const trimmed = value.trim().replace(",", ".");
  if (trimmed === "") return undefined;
  return /^-?\d+(\.\d+)?$/.test(trimmed) ? Number(trimmed) : Number.NaN;
}

export function parseReturnDraft(draft: ReturnDraft, t?: Translate): DraftResult {
  const input = {
    windowDays: numberFrom(draft.windowDays) ?? Number.NaN,
    windowStartsAt: draft.windowStartsAt,
    transitAllowanceDays: numberFrom(draft.transitAllowanceDays),
    finalSale: { tags: splitTags(draft.finalSaleTags), collectionIds: draft.finalSaleCollections.map((collection) => collection.id) },
    conditions: draft.conditions,
    resolutions: draft.resolutions,
    restockingFeePercent: numberFrom(draft.restockingFeePercent),
    holidayExtensions: draft.holidayExtensions.map((period) => ({
      orderedFrom: period.orderedFrom.trim(),
      orderedThrough: period.orderedThrough.trim(),
      windowDays: numberFrom(period.windowDays) ?? Number.NaN,
    })),
  };
  const result = parseIn(returnRulesSchemaFor(t), input, t);
  if (result.success) return { ok: true, rules: result.data };
  const errors: FieldErrors = {};
  for (const issue of result.error.issues) {
    const key = fieldKey(issue.path);
    errors[key] ??= issue.message;
  }
  return { ok: false, errors };
}

/** Maps a rules path to the draft field that shows it: "finalSale.tags.2" → "finalSaleTags". */
function fieldKey(path: ReadonlyArray<string | number>): string {
  if (path[0] === "finalSale") return path[1] === "collectionIds" ? "finalSaleCollections" : "finalSaleTags";
  if (path[0] === "holidayExtensions" && path.length >= 3) return path.slice(0, 3).join(".");
  if (path.length === 0) return FORM_ERROR;
  return String(path[0]);
}

/**
 * The change to the draft that would make the rules say what the shop's policy says, for the
 * disagreements a number settles. Null when only the merchant can reconcile them (by editing the
 * policy in Shopify or the final-sale list here).
 */
export function adoptFromPolicy(draft: ReturnDraft, disagreement: PolicyDisagreement): ReturnDraft | null {
  switch (disagreement.topic) {
    case "window_days":
      return { ...draft, windowDays: String(disagreement.policyDays) };
    case "window_start":
      return { ...draft, windowStartsAt: disagreement.policyStartsAt };
    case "restocking_fee":
      return { ...draft, restockingFeePercent: String(disagreement.policyPercent) };
    case "refund_not_offered":
      return draft.resolutions.length > 1 ? { ...draft, resolutions: draft.resolutions.filter((r) => r !== "refund") } : null;
    case "exchange_not_offered":
      return draft.resolutions.length > 1 ? { ...draft, resolutions: draft.resolutions.filter((r) => r !== "exchange") } : null;
    default:
      return null;
  }
}
