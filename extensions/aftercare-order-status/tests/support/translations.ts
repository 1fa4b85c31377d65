/**
 * Shopify's `i18n` for tests, reading this extension's real locale files: `{{name}}` placeholders,
 * `count` choosing `one`/`other`, dates through Intl in the shopper's language.
 */
import en from "../../locales/en.default.json";
import id from "../../locales/id.json";

type Messages = { [key: string]: string | Messages };

export function localeMessages(language: "en" | "id"): Messages {
  return (language === "en" ? en : id) as Messages;
}

export function i18nFor(language: "en" | "id") {
  const messages = localeMessages(language);
  const lookUp = (key: string): string | Messages | undefined =>
    key.split(".").reduce<string | Messages | undefined>((node, part) => (node && typeof node === "object" ? node[part] : undefined), messages);
  return {
    translate: (key: string, options: Record<string, string | number> = {}) => {
      let entry = lookUp(key);
      if (entry && typeof entry === "object" && typeof options.count === "number") entry = entry[options.count === 1 ? "one" : "other"];
      if (typeof entry !== "string") throw new Error(`No ${language} translation for ${key}`);
      return entry.replace(/\{\{\s*(\w+)\s*\}\}/g, (_, name: string) => String(options[name] ?? `{{${name}}}`));
    },
    formatDate: (date: Date, options?: Intl.DateTimeFormatOptions) => new Intl.DateTimeFormat(language, options).format(date),
    formatNumber: (value: number | bigint) => new Intl.NumberFormat(language).format(value),
    formatCurrency: (value: number | bigint) => new Intl.NumberFormat(language).format(value),
  };
}
