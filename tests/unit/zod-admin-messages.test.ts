import { describe, expect, it } from "vitest";
import { z, type ZodTypeAny } from "zod";
import en from "~/i18n/locales/en.json";
import id from "~/i18n/locales/id.json";
import { createTranslator, type Translate } from "~/i18n/messages";
import { parseIn } from "~/i18n/zod-messages";
import { returnDraftSchema } from "~/components/returns/return-form";
import { shippingDraftSchema } from "~/components/shipping/shipping-form";
import { contactOptionsSchemaFor } from "~/models/contact/options";
import { emailSettingsSchemaFor } from "~/models/email/settings";
import { loyaltySettingsSchemaFor } from "~/models/loyalty/loyalty";
import { replySchemaFor } from "~/models/reviews/admin";
import { reviewSettingsSchemaFor } from "~/models/reviews/settings";

/**
 * Every zod schema behind an admin form, fed bad input field by field (wrong types, far too long, far out
 * of range), answers only with messages from our translation table: never zod's default English.
 */

const LANGUAGES = { en, id } as const;

/** Every message of a locale file as a pattern: "Use at most {max} characters" → /^Use at most .+ characters$/. */
function tablePatterns(messages: unknown): RegExp[] {
  const patterns: RegExp[] = [];
  const walk = (node: unknown) => {
    if (typeof node === "string") {
      const source = node.split(/\{[a-z_A-Z]+\}/).map((part) => part.replace(/[.*+?^${}()|[\]\\]/g, "\\$&")).join(".+");
      patterns.push(new RegExp(`^${source}$`, "s"));
    } else if (typeof node === "object" && node !== null) Object.values(node).forEach(walk);
  };
  walk(messages);
  return patterns;
}

const SCHEMAS: Record<string, (t: Translate) => ZodTypeAny> = {
  "email settings": (t) => emailSettingsSchemaFor(t),
  "contact options": (t) => contactOptionsSchemaFor(t),
  loyalty: (t) => loyaltySettingsSchemaFor(t),
  "review settings": (t) => reviewSettingsSchemaFor(t),
  "review reply": (t) => replySchemaFor(t),
  "shipping form": () => shippingDraftSchema,
  "returns form": () => returnDraftSchema,
};

const BAD_VALUES: unknown[] = ["x".repeat(10_000), "not valid @ all", 10 ** 9, -(10 ** 9), 2.5, true, {}, [{}], Array(400).fill("x"), null];

/** The object shape under preprocess/refine/default wrappers. */
function shapeOf(schema: ZodTypeAny): Record<string, ZodTypeAny> {
  let node: ZodTypeAny = schema;
  for (;;) {
    if (node instanceof z.ZodObject) return node.shape as Record<string, ZodTypeAny>;
    if (node instanceof z.ZodEffects) node = node.innerType();
    else if (node instanceof z.ZodDefault || node instanceof z.ZodOptional || node instanceof z.ZodNullable) node = node._def.innerType;
    else throw new Error("Not an object schema");
  }
}

function issuesFor(schema: ZodTypeAny, t: Translate): z.ZodIssue[] {
  const issues: z.ZodIssue[] = [];
  const collect = (input: unknown) => {
    const result = parseIn(schema, input, t);
    if (!result.success) issues.push(...result.error.issues);
  };
  collect(undefined);
  collect({});
  for (const key of Object.keys(shapeOf(schema))) for (const value of BAD_VALUES) collect({ [key]: value });
  return issues;
}

describe.each(Object.keys(LANGUAGES) as (keyof typeof LANGUAGES)[])("admin form schemas in %s", (language) => {
  const t = createTranslator({ language, tag: language });
  const patterns = tablePatterns(LANGUAGES[language]);

  it.each(Object.keys(SCHEMAS))("%s: every message comes from the translation table", (name) => {
    const issues = issuesFor(SCHEMAS[name](t), t);
    expect(issues.length).toBeGreaterThan(0);
    const foreign = issues
      .filter((issue) => !patterns.some((pattern) => pattern.test(issue.message)))
      .map((issue) => `${issue.path.join(".")}: ${issue.message}`);
    expect([...new Set(foreign)]).toEqual([]);
  });
});
