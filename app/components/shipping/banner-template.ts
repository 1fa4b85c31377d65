/**
 * Banner message templates: the merchant's text with placeholders the storefront fills in
 * ("Order today, get it {min_date} – {max_date} in {country}"). Pure, so the admin preview and the
 * server's validation read templates the same way.
 */

export const BANNER_PLACEHOLDERS = ["min_date", "max_date", "country", "remaining_for_free_shipping"] as const;
export type BannerPlaceholder = (typeof BANNER_PLACEHOLDERS)[number];

const PLACEHOLDER = /\{([^{}\s]*)\}/g;

const isPlaceholder = (name: string): name is BannerPlaceholder =>
  (BANNER_PLACEHOLDERS as readonly string[]).includes(name);

/** Placeholders written in the template that the storefront would not fill in, in order, once each. */
export function unknownPlaceholders(template: string): string[] {
  const unknown = [...template.matchAll(PLACEHOLDER)].map((match) => match[1]).filter((name) => !isPlaceholder(name));
  return [...new Set(unknown)];
}

/** The template with every known placeholder replaced; a value left out renders as an empty string. */
export function renderBannerTemplate(template: string, values: Partial<Record<BannerPlaceholder, string>>): string {
  return template.replace(PLACEHOLDER, (whole, name: string) => (isPlaceholder(name) ? (values[name] ?? "") : whole));
}
