/**
 * The language a storefront page answered through the app proxy is written in. Shopify forwards the
 * shopper's storefront request: the storefront's locale comes as the `locale` query parameter (the
 * theme's `request.locale.iso_code`, which our links and forms pass on) or as the language prefix of
 * `path_prefix` ("/id/apps/aftercare"); without either, the browser's Accept-Language decides, then
 * English. Only languages Aftercare has words for are chosen (see EMAIL_LANGUAGES). Pure.
 */
import { EMAIL_LANGUAGES, supportedEmailLanguage, type EmailLanguage } from "../../email/language";

export type StorefrontLanguage = EmailLanguage;
export const STOREFRONT_LANGUAGES = EMAIL_LANGUAGES;

/** The best supported language of an Accept-Language header, by q-value (first listed wins a tie). */
function fromAcceptLanguage(header: string | null): StorefrontLanguage | null {
  if (!header) return null;
  const ranked = header
    .split(",")
    .map((part, index) => {
      const [tag, ...params] = part.trim().split(";");
      const q = params.map((param) => /^\s*q=([\d.]+)\s*$/.exec(param)?.[1]).find(Boolean);
      return { language: supportedEmailLanguage(tag), q: q === undefined ? 1 : Number(q), index };
    })
    .filter((entry): entry is { language: StorefrontLanguage; q: number; index: number } => entry.language !== null && entry.q > 0)
    .sort((a, b) => b.q - a.q || a.index - b.index);
  return ranked[0]?.language ?? null;
}

/** "/id/apps/aftercare" → "id"; "/apps/aftercare" → null. */
function fromPathPrefix(prefix: string | null): StorefrontLanguage | null {
  const first = /^\/([a-zA-Z]{2}(?:-[a-zA-Z]{2,4})?)\/apps\//.exec(prefix ?? "")?.[1];
  return first ? supportedEmailLanguage(first) : null;
}

export function storefrontLanguage(request: Request): StorefrontLanguage {
  const url = new URL(request.url);
  return (
    supportedEmailLanguage(url.searchParams.get("locale")) ??
    fromPathPrefix(url.searchParams.get("path_prefix")) ??
    fromAcceptLanguage(request.headers.get("accept-language")) ??
    "en"
  );
}
