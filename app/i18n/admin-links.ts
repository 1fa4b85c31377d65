/**
 * Links between admin pages keep the parameters Shopify gave the embedded app (`locale`, `host`,
 * `shop`), so the next page renders in the same language and App Bridge keeps its context. Pure.
 */

/** The query parameters that travel from one admin page to the next. */
export const CARRIED_PARAMS = ["locale", "host", "shop"] as const;

/**
 * `to` (a path such as "/app/shipping", maybe with its own query) with the carried parameters of the
 * current URL's search added; parameters already in `to` win.
 */
export function adminHref(to: string, currentSearch: string): string {
  const [pathAndQuery, hash = ""] = to.split("#", 2);
  const [path, query = ""] = pathAndQuery.split("?", 2);
  const current = new URLSearchParams(currentSearch);
  const next = new URLSearchParams(query);
  for (const name of CARRIED_PARAMS) {
    const value = current.get(name);
    if (value !== null && !next.has(name)) next.set(name, value);
  }
  const search = next.toString();
  return `${path}${search ? `?${search}` : ""}${hash ? `#${hash}` : ""}`;
}

/** Whether `to` points inside the app (a relative admin path), as opposed to Shopify's admin or the web. */
export const isAppPath = (to: string) => to.startsWith("/") && !to.startsWith("//");
