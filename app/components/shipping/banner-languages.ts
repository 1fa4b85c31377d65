import { LANGUAGES } from "~/i18n/locale";

/**
 * The languages the shipping page offers for a banner message: the shop's published storefront
 * languages (primary first), or the app's own languages when the shop's cannot be read. A language a
 * saved message already uses stays on offer even when the shop no longer publishes it, so saving again
 * never loses it. Names come from the server in the admin language (see country-names.server.ts).
 */

export interface BannerLanguageOption {
  value: string;
  label: string;
}

export interface BannerLanguages {
  /** "shop": the shop's published languages; "app": the fallback (the app may not read them). */
  source: "shop" | "app";
  options: BannerLanguageOption[];
}

/** "pt-BR" in English → "Portuguese (Brazil) (pt-BR)"; the code alone when ICU has no name. */
export function languageLabel(code: string, adminLocale: string): string {
  let name: string | undefined;
  try {
    name = new Intl.DisplayNames([adminLocale], { type: "language", fallback: "none" }).of(code);
  } catch {
    name = undefined;
  }
  return name && name !== code ? `${name} (${code})` : code;
}

export function bannerLanguages(options: {
  /** The shop's published locales, primary first; null when they cannot be read. */
  published: readonly string[] | null;
  /** Locales the saved banner messages use. */
  saved: readonly string[];
  adminLocale: string;
  /** Label of a saved language the shop does not publish: "{name} (not published)". */
  notPublished: (name: string) => string;
}): BannerLanguages {
  const offered = options.published ?? LANGUAGES;
  const seen = new Set<string>();
  const list: BannerLanguageOption[] = [];
  for (const code of offered) {
    if (seen.has(code)) continue;
    seen.add(code);
    list.push({ value: code, label: languageLabel(code, options.adminLocale) });
  }
  for (const code of options.saved) {
    const trimmed = code.trim();
    if (trimmed === "" || seen.has(trimmed)) continue;
    seen.add(trimmed);
    const label = languageLabel(trimmed, options.adminLocale);
    list.push({ value: trimmed, label: options.published ? options.notPublished(label) : label });
  }
  return { source: options.published ? "shop" : "app", options: list };
}
