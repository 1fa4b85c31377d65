/**
 * Banner message templates: the merchant's text with placeholders the storefront fills in
 * ("Order today, get it {min_date} – {max_date} in {country}"). Pure: the admin preview, the
 * server's validation and the published calendar all read a template through `bannerParts`, and
 * the storefront's Liquid (snippets/aftercare-banner-message.liquid) applies the same rule as
 * `renderBannerTemplate` to those parts, so what the merchant previews is what a shopper reads.
 *
 * The rule: a template is cut into sentences; a sentence whose placeholder has no value for the
 * shopper (no zone ships to them, a stale calendar, nothing left to spend for free shipping) is
 * left out whole, so no "{min_date}" and no "get it between  and ." ever reaches a shopper.
 */

export const BANNER_PLACEHOLDERS = ["min_date", "max_date", "country", "remaining_for_free_shipping"] as const;
export type BannerPlaceholder = (typeof BANNER_PLACEHOLDERS)[number];

const PLACEHOLDER = /\{([^{}\s]*)\}/g;
/** A sentence ends after . ! ? … (and closing quotes or brackets) followed by white space, or at a line break. */
const SENTENCE_END = /(?<=[.!?…。！？]["'”’)\]]*)\s+|\s*\n\s*/;

const isPlaceholder = (name: string): name is BannerPlaceholder =>
  (BANNER_PLACEHOLDERS as readonly string[]).includes(name);

/** One piece of a sentence: literal text, or the name of a placeholder to fill in. */
export type BannerPart = { text: string } | { value: BannerPlaceholder };
/** A template as published to the storefront: sentences, each a list of parts. */
export type BannerSentences = BannerPart[][];

/** Placeholders written in the template that the storefront would not fill in, in order, once each. */
export function unknownPlaceholders(template: string): string[] {
  const unknown = [...template.matchAll(PLACEHOLDER)].map((match) => match[1]).filter((name) => !isPlaceholder(name));
  return [...new Set(unknown)];
}

/**
 * The template cut into sentences and parts. Each sentence but the last keeps one trailing space,
 * so the storefront joins the sentences it shows without adding any. Braces that are not a known
 * placeholder stay text (validation refuses them before saving).
 */
export function bannerParts(template: string): BannerSentences {
  const sentences = template
    .trim()
    .split(SENTENCE_END)
    .filter((sentence) => sentence.trim() !== "");
  return sentences.map((sentence, index) => {
    const parts: BannerPart[] = [];
    const pushText = (text: string) => {
      if (text === "") return;
      const last = parts[parts.length - 1];
      if (last && "text" in last) last.text += text;
      else parts.push({ text });
    };
    let at = 0;
    for (const match of sentence.matchAll(PLACEHOLDER)) {
      pushText(sentence.slice(at, match.index));
      if (isPlaceholder(match[1])) parts.push({ value: match[1] });
      else pushText(match[0]);
      at = (match.index ?? 0) + match[0].length;
    }
    pushText(sentence.slice(at) + (index < sentences.length - 1 ? " " : ""));
    return parts;
  });
}

/**
 * The template with every known placeholder replaced. A sentence whose placeholder has no value
 * (left out or empty) is dropped whole; null when no sentence is left.
 */
export function renderBannerTemplate(
  template: string,
  values: Partial<Record<BannerPlaceholder, string>>,
): string | null {
  const shown = bannerParts(template).flatMap((sentence) => {
    const pieces = sentence.map((part) => ("text" in part ? part.text : values[part.value] || null));
    return pieces.includes(null) ? [] : [pieces.join("")];
  });
  const message = shown.join("").trim();
  return message === "" ? null : message;
}
