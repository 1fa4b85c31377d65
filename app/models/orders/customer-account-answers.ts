/**
 * What the customer account endpoints (app/routes/api.customer-account.*) answer when they refuse: a
 * status, a stable `error` code the order-status extension translates into the shopper's language, and
 * an English `message` for anyone reading the answer directly. Pure: no I/O.
 */

export const CUSTOMER_ACCOUNT_ERRORS = {
  unauthorized: { status: 401, message: "Your session has expired. Reload the page and try again." },
  not_logged_in: { status: 401, message: "Log in to your account to see this order." },
  order_not_found: { status: 404, message: "We could not find this order in your account." },
  line_not_found: { status: 404, message: "We could not find this item in your delivered orders." },
  invalid_request: { status: 400, message: "The request is incomplete. Reload the page and try again." },
  unsupported_type: { status: 415, message: "Send the review as application/json." },
  too_large: { status: 413, message: "The request is too large." },
  invalid_review: { status: 422, message: "Check the highlighted fields." },
  invalid_help: { status: 422, message: "Keep the message shorter." },
  too_many: { status: 429, message: "Too many requests. Please wait a few minutes and try again." },
  return_refused: { status: 422, message: "This return cannot be requested as asked." },
  photo_refused: { status: 415, message: "Choose a JPEG, PNG or WebP photo of at most 5 MB." },
  returns_unavailable: { status: 503, message: "Returns cannot be requested online right now." },
  method_not_allowed: { status: 405, message: "This address does not answer that method." },
} as const;

export type CustomerAccountErrorCode = keyof typeof CUSTOMER_ACCOUNT_ERRORS;

export interface CustomerAccountError {
  error: CustomerAccountErrorCode;
  message: string;
  /** Field codes for a 422 (see reviewFieldCodes). */
  fields?: Record<string, string>;
}

const NO_STORE = { "Cache-Control": "no-store" };

export function errorAnswer(code: CustomerAccountErrorCode, options: { fields?: Record<string, string>; headers?: Record<string, string> } = {}): Response {
  const { status, message } = CUSTOMER_ACCOUNT_ERRORS[code];
  const body: CustomerAccountError = { error: code, message, ...(options.fields ? { fields: options.fields } : {}) };
  return jsonAnswer(body, status, options.headers);
}

export function jsonAnswer(body: unknown, status = 200, headers: Record<string, string> = {}): Response {
  return new Response(JSON.stringify(body), { status, headers: { "Content-Type": "application/json; charset=utf-8", ...NO_STORE, ...headers } });
}

/**
 * Shopify's session token names the shop in `dest` ("shop.myshopify.com", or with https:// on some
 * surfaces) and the logged-in buyer in `sub` ("gid://shopify/Customer/123"). Anything else is no shop
 * or no customer.
 */
export function tokenIdentity(claims: { dest?: unknown; sub?: unknown }): { shop: string | null; customerId: string | null } {
  const dest = typeof claims.dest === "string" ? claims.dest.replace(/^https:\/\//, "").replace(/\/$/, "") : "";
  const shop = /^[a-z0-9][a-z0-9-]*\.myshopify\.com$/i.test(dest) ? dest.toLowerCase() : null;
  const sub = typeof claims.sub === "string" ? claims.sub : "";
  const customerId = /^gid:\/\/shopify\/Customer\/[1-9]\d{0,19}$/.test(sub) ? sub : null;
  return { shop, customerId };
}
