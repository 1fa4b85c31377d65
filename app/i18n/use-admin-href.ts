import { useLocation } from "@remix-run/react";
import { adminHref, isAppPath } from "./admin-links";

/** `href("/app/shipping")` keeps the current page's `locale`, `host` and `shop` parameters. */
export function useAdminHref(): (to: string) => string {
  const { search } = useLocation();
  return (to) => (isAppPath(to) ? adminHref(to, search) : to);
}
