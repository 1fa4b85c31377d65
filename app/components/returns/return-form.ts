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
  /** Collection ids (numeric or GID), separated by commas or lines. */
  finalSaleCollectionIds: string;
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
  finalSaleCollectionIds: text,
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

export function draftFromRules(rules: ReturnRules): ReturnDraft {
  return {
    windowDays: String(rules.windowDays),
    windowStartsAt: rules.windowStartsAt,
    transitAllowanceDays: String(rules.transitAllowanceDays),
    finalSaleTags: rules.finalSale.tags.join(", "),
    finalSaleCollectionIds: rules.finalSale.collectionIds.join(", "),
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

function splitIds(value: string): string[] {
  return value.split(/[\s,;]+/).filter(Boolean);
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
    finalSale: { tags: splitTags(draft.finalSaleTags), collectionIds: splitIds(draft.finalSaleCollectionIds) },
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
  if (path[0] === "finalSale") return path[1] === "collectionIds" ? "finalSaleCollectionIds" : "finalSaleTags";
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
