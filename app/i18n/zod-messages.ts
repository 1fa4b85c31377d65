/**
 * Field errors for the admin, written for merchants and in their language: zod's own English
 * ("String must contain at most 120 character(s)") never reaches a page. Every admin form parses with
 * `parseIn(schema, input, t)` (or passes `errorMap: zodErrorMapFor(t)`), so any check a schema makes
 * without a message of its own gets one from `validation.*`, naming the limit. Pure.
 */
import { z, type ZodErrorMap, type ZodTypeAny } from "zod";
import { createTranslator, type Translate } from "./messages";

const ENGLISH = createTranslator({ language: "en", tag: "en" });

const bound = (value: number | bigint) => Number(value);

/** The message for one issue, in the language of `t`. */
export function validationMessage(issue: z.ZodIssueOptionalMessage, t: Translate = ENGLISH): string {
  switch (issue.code) {
    case "invalid_type":
      if (issue.received === "undefined" || issue.received === "null") return t("validation.required");
      if (issue.expected === "number" || issue.expected === "bigint") return t("validation.number");
      if (issue.expected === "integer") return t("validation.wholeNumber");
      return t("validation.invalid");
    case "too_big": {
      const max = bound(issue.maximum) - (issue.inclusive ? 0 : 1);
      if (issue.type === "string") return t("validation.textMax", { max });
      if (issue.type === "array" || issue.type === "set") return t("validation.listMax", { max });
      if (issue.type === "number" || issue.type === "bigint") return t("validation.numberMax", { max: bound(issue.maximum) });
      return t("validation.invalid");
    }
    case "too_small": {
      const min = bound(issue.minimum) + (issue.inclusive ? 0 : 1);
      if (issue.type === "string") return min <= 1 ? t("validation.required") : t("validation.textMin", { min });
      if (issue.type === "array" || issue.type === "set") return t("validation.listMin", { min });
      if (issue.type === "number" || issue.type === "bigint") return t("validation.numberMin", { min: bound(issue.minimum) });
      return t("validation.invalid");
    }
    case "invalid_string":
      if (issue.validation === "email") return t("validation.email");
      if (issue.validation === "url") return t("validation.url");
      return t("validation.format");
    case "invalid_enum_value":
    case "invalid_literal":
    case "invalid_union_discriminator":
    case "invalid_union":
      return t("validation.choose");
    case "not_multiple_of":
      return t("validation.wholeNumber");
    case "invalid_date":
      return t("validation.date");
    default:
      return t("validation.invalid");
  }
}

/**
 * A zod error map in the language of `t`. A message the schema gives itself (`.max(90, t(...))`, an
 * enum's own error map) is kept; zod's built-in English is replaced.
 */
export function zodErrorMapFor(t: Translate = ENGLISH): ZodErrorMap {
  return (issue, context) => {
    const builtIn = z.defaultErrorMap(issue, context).message;
    if (context.defaultError !== builtIn) return { message: context.defaultError };
    return { message: validationMessage(issue, t) };
  };
}

/** `schema.safeParse(input)` with merchant-facing messages in the language of `t`. */
export function parseIn<S extends ZodTypeAny>(schema: S, input: unknown, t: Translate = ENGLISH) {
  return schema.safeParse(input, { errorMap: zodErrorMapFor(t) }) as z.SafeParseReturnType<z.input<S>, z.output<S>>;
}

/** A whole number from `min` to `max`, every failure answered "Enter a number from {min} to {max}". */
export function wholeNumberFrom(min: number, max: number, t: Translate = ENGLISH) {
  const message = t("validation.wholeNumberRange", { min, max });
  return z.coerce.number({ invalid_type_error: message }).int(message).min(min, message).max(max, message);
}
