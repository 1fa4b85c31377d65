/**
 * The Thank-you page survey's question options, shared by the app and the checkout UI extension
 * (imported there by relative path): no server or library imports.
 */

/** Always offered, always last, with a free-text field. Stored answers use this value. */
export const OTHER_OPTION = "Other";

/** The merchant's options before they change them ("Other" is added to every list). */
export const DEFAULT_ATTRIBUTION_OPTIONS = ["Instagram", "Facebook", "TikTok", "Google search", "A friend", "Podcast"] as const;

/** A default option's translation key in the extension's locales; custom options are shown as written. */
export const DEFAULT_OPTION_KEYS: Record<string, string> = {
  Instagram: "instagram",
  Facebook: "facebook",
  TikTok: "tiktok",
  "Google search": "google",
  "A friend": "friend",
  Podcast: "podcast",
  [OTHER_OPTION]: "other",
};

export const OTHER_TEXT_MAX = 200;
export const OPTION_MAX_LENGTH = 40;
export const MAX_OPTIONS = 12;
export const CSAT_SCORES = [1, 2, 3, 4, 5] as const;

/**
 * The options in a random order (Fisher–Yates with `random`, so answers do not favour the first
 * line), then "Other" last.
 */
export function shuffledOptions(options: readonly string[], random: () => number = Math.random): string[] {
  const list = options.filter((option) => option !== OTHER_OPTION);
  for (let index = list.length - 1; index > 0; index -= 1) {
    const swap = Math.floor(random() * (index + 1));
    [list[index], list[swap]] = [list[swap], list[index]];
  }
  return [...list, OTHER_OPTION];
}

/** `gid://shopify/OrderIdentity/123` (the Thank-you page's order id) or `gid://shopify/Order/123` → the Admin API order gid. */
export function adminOrderGid(id: string): string | null {
  const match = /^gid:\/\/shopify\/(?:OrderIdentity|Order)\/([1-9]\d{0,19})$/.exec(id);
  return match ? `gid://shopify/Order/${match[1]}` : null;
}
