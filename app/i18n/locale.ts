/**
 * Which language the admin speaks. Shopify passes the merchant's admin language to an embedded app as
 * the `locale` query parameter (`id`, `id-ID`, `en-GB`, ...); when it is absent (a later request, a
 * form post) the session's user locale or the browser's Accept-Language decide. Pure: no I/O.
 */
export const LANGUAGES = ["en", "id"] as const;
export type Language = (typeof LANGUAGES)[number];
export const DEFAULT_LANGUAGE: Language = "en";

/** The language our strings are in, and the full tag Intl formats dates and numbers with. */
export interface AdminLocale {
  language: Language;
  /** A canonical BCP 47 tag whose language is `language`, e.g. "id-ID" or "en-GB". */
  tag: string;
}

/** Older systems still send Indonesian with its withdrawn ISO code "in". */
const LANGUAGE_ALIASES: Record<string, Language> = { in: "id" };

const isLanguage = (value: string): value is Language => (LANGUAGES as readonly string[]).includes(value);

/** A supported locale for one tag (`id`, `id_ID`, `en-gb`), or null when the tag names another language. */
export function parseLocaleTag(raw: string | null | undefined): AdminLocale | null {
  const trimmed = raw?.trim().replace(/_/g, "-");
  if (!trimmed) return null;
  let tag: string;
  try {
    [tag] = Intl.getCanonicalLocales(trimmed);
  } catch {
    return null;
  }
  const [base, ...rest] = tag.split("-");
  const language = LANGUAGE_ALIASES[base.toLowerCase()] ?? base.toLowerCase();
  if (!isLanguage(language)) return null;
  return { language, tag: [language, ...rest].join("-") };
}

/** The best supported locale in an Accept-Language header, honouring its q-values. */
export function parseAcceptLanguage(header: string | null | undefined): AdminLocale | null {
  if (!header) return null;
  const ranked = header
    .split(",")
    .map((part, index) => {
      const [range, ...params] = part.trim().split(";");
      const q = params.map((param) => param.trim()).find((param) => param.startsWith("q="));
      const weight = q ? Number(q.slice(2)) : 1;
      return { range: range.trim(), weight: Number.isFinite(weight) ? weight : 0, index };
    })
    .filter((entry) => entry.range !== "" && entry.range !== "*" && entry.weight > 0)
    .sort((a, b) => b.weight - a.weight || a.index - b.index);
  for (const entry of ranked) {
    const locale = parseLocaleTag(entry.range);
    if (locale) return locale;
  }
  return null;
}

export interface LocaleSources {
  /** The `locale` query parameter Shopify adds to the embedded app's URL. */
  query?: string | null;
  /** The staff member's locale stored with an online session. */
  sessionLocale?: string | null;
  acceptLanguage?: string | null;
}

/** Query parameter first, then the session, then the browser, then English. */
export function resolveLocale(sources: LocaleSources): AdminLocale {
  return (
    parseLocaleTag(sources.query) ??
    parseLocaleTag(sources.sessionLocale) ??
    parseAcceptLanguage(sources.acceptLanguage) ?? { language: DEFAULT_LANGUAGE, tag: DEFAULT_LANGUAGE }
  );
}

/** The session shape we read: shopify-api's Session, online or offline. */
export interface SessionWithLocale {
  onlineAccessInfo?: { associated_user?: { locale?: string | null } | null } | null;
}

/** The admin locale for a request to an admin route (loader or action). */
export function localeFromRequest(request: Request, session?: SessionWithLocale | null): AdminLocale {
  return resolveLocale({
    query: new URL(request.url).searchParams.get("locale"),
    sessionLocale: session?.onlineAccessInfo?.associated_user?.locale,
    acceptLanguage: request.headers.get("Accept-Language"),
  });
}
