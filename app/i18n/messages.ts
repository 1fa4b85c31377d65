/**
 * Our own admin strings and a small translator over them: `{name}` interpolation, and plural forms
 * (`{ "one": ..., "other": ... }`) chosen with Intl.PluralRules from a numeric `count`. Pure.
 */
import en from "./locales/en.json";
import id from "./locales/id.json";
import type { AdminLocale, Language } from "./locale";

export type Messages = typeof en;

/** A message with plural forms: `other` is required, the language's other categories as it needs them. */
export type PluralMessage = Partial<Record<Intl.LDMLPluralRule, string>> & { other: string };

type MessageKeys<T, Prefix extends string = ""> = {
  [K in keyof T & string]: T[K] extends string
    ? `${Prefix}${K}`
    : T[K] extends { other: string }
      ? `${Prefix}${K}`
      : MessageKeys<T[K], `${Prefix}${K}.`>;
}[keyof T & string];

/** Every key of en.json, dotted: "nav.home", "home.stats.orders". */
export type MessageKey = MessageKeys<Messages>;

export type MessageVars = Record<string, string | number>;
export type Translate = (key: MessageKey, vars?: MessageVars) => string;

export const MESSAGES: Record<Language, unknown> = { en, id };

export const isPluralMessage = (value: unknown): value is PluralMessage =>
  typeof value === "object" && value !== null && typeof (value as { other?: unknown }).other === "string";

function lookup(messages: unknown, key: string): unknown {
  let node = messages;
  for (const part of key.split(".")) {
    if (typeof node !== "object" || node === null) return undefined;
    node = (node as Record<string, unknown>)[part];
  }
  return node;
}

/** A translator for one locale; a key missing in the language falls back to English, then to the key. */
export function createTranslator(locale: AdminLocale, messages: Record<Language, unknown> = MESSAGES): Translate {
  const plurals = new Intl.PluralRules(locale.tag);
  const numbers = new Intl.NumberFormat(locale.tag);
  return (key, vars = {}) => {
    let message = lookup(messages[locale.language], key) ?? lookup(messages.en, key);
    if (isPluralMessage(message)) {
      const count = vars.count;
      message = typeof count === "number" ? (message[plurals.select(count)] ?? message.other) : message.other;
    }
    if (typeof message !== "string") return key;
    return message.replace(/\{(\w+)\}/g, (placeholder, name: string) => {
      const value = vars[name];
      if (value === undefined) return placeholder;
      return typeof value === "number" ? numbers.format(value) : value;
    });
  };
}
