import { COUNTRY_CODES } from "./country-codes";

/**
 * Country names for the shipping page, computed here on the server only and sent to the browser with the
 * loader data. Node and Chromium ship different ICU data ("Hong Kong SAR China" vs "Hong Kong"), so names
 * computed on each side would differ and break hydration; the page never asks the browser's Intl.
 */

/** Code → name in one language. */
export type CountryNames = Readonly<Record<string, string>>;

export interface CountryOption {
  code: string;
  name: string;
}

/**
 * ICU has no name of its own for "AN" (Netherlands Antilles, dissolved in 2010 but still in Shopify's
 * CountryCode enum): it resolves the alias to its first successor and says "Curaçao", so the list named
 * Curaçao twice. Named here instead; languages not listed get the English name.
 */
const NETHERLANDS_ANTILLES: Readonly<Record<string, string>> = {
  en: "Netherlands Antilles",
  id: "Antillen Belanda",
  nl: "Nederlandse Antillen",
  de: "Niederländische Antillen",
  fr: "Antilles néerlandaises",
  es: "Antillas Neerlandesas",
  pt: "Antilhas Holandesas",
  it: "Antille Olandesi",
};

const baseLanguage = (locale: string) => locale.split("-")[0].toLowerCase();

/** Every country Shopify knows, named in `locale` (the code itself when there is no name for it). */
export function countryNamesFor(locale: string): CountryNames {
  let display: Intl.DisplayNames | null = null;
  try {
    display = new Intl.DisplayNames([locale], { type: "region", fallback: "code" });
  } catch {
    display = null;
  }
  const names: Record<string, string> = {};
  for (const code of COUNTRY_CODES) {
    if (code === "AN") {
      names[code] = NETHERLANDS_ANTILLES[baseLanguage(locale)] ?? NETHERLANDS_ANTILLES.en;
      continue;
    }
    let name: string | undefined;
    try {
      name = display?.of(code);
    } catch {
      name = undefined;
    }
    names[code] = name ?? code;
  }
  return names;
}

/** The country select's options for the admin language, sorted (on the server) the way that language sorts. */
export function countryOptionsFor(locale: string): CountryOption[] {
  const names = countryNamesFor(locale);
  return COUNTRY_CODES.map((code) => ({ code, name: names[code] })).sort(
    (a, b) => a.name.localeCompare(b.name, locale) || a.code.localeCompare(b.code),
  );
}

/**
 * What the shipping page needs: the select's options in the admin language, and names for every
 * storefront language that has a banner message (the preview fills `{country}` with them).
 */
export function shippingPageCountries(adminTag: string, bannerLocales: readonly string[]) {
  const countryNames: Record<string, CountryNames> = {};
  for (const locale of new Set(bannerLocales.map((value) => value.trim()).filter(Boolean))) {
    try {
      const [canonical] = Intl.getCanonicalLocales(locale);
      countryNames[locale] = countryNamesFor(canonical);
    } catch {
      // Not a language tag: the preview falls back to the admin language's names.
    }
  }
  return { countries: countryOptionsFor(adminTag), countryNames };
}
