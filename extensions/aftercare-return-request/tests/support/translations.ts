/** Shopify's `i18n` for tests, reading this extension's real locale files (`{{name}}` placeholders). */
import en from "../../locales/en.default.json";
import id from "../../locales/id.json";

type Messages = { [key: string]: string | Messages };

export function i18nFor(language: "en" | "id") {
  const messages = (language === "en" ? en : id) as Messages;
  return {
    translate: (key: string, options: Record<string, string | number> = {}) => {
      const entry = key.split(".").reduce<string | Messages | undefined>((node, part) => (node && typeof node === "object" ? node[part] : undefined), messages);
      if (typeof entry !== "string") throw new Error(`No ${language} translation for ${key}`);
      return entry.replace(/\{\{\s*(\w+)\s*\}\}/g, (_, name: string) => String(options[name] ?? `{{${name}}}`));
    },
  };
}
