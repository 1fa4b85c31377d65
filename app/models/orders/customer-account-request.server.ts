/**
 * The front door of every customer account endpoint: Shopify's session token, checked by
 * authenticate.public.customerAccount, is the only source of who is asking (`dest` the shop, `sub` the
 * logged-in customer). Preflights are answered, every answer (refusals included) carries the CORS
 * headers the extension's fetch needs, and each customer and address is rate limited.
 */
import prisma from "../../db.server";
import type { AdminGraphql } from "../../shopify/admin-graphql";
import { authenticate, unauthenticated } from "../../shopify.server";
import { clientIpOf, hitRateLimits } from "../rate-limit.server";
import { errorAnswer, tokenIdentity, type CustomerAccountErrorCode } from "./customer-account-answers";

export interface CustomerAccountCaller {
  shop: string;
  customerId: string;
  /** The shop's offline Admin API, to publish what changed. */
  adminGraphql: () => Promise<AdminGraphql | undefined>;
}

export interface RateLimit {
  limit: number;
  windowMs: number;
}

type Handler = (caller: CustomerAccountCaller) => Promise<Response>;

/** The headers authenticate.public.customerAccount's cors() adds, for answers given before it could. */
export function withCorsHeaders(response: Response): Response {
  response.headers.set("Access-Control-Allow-Origin", "*");
  response.headers.set("Access-Control-Allow-Headers", "Authorization, Content-Type");
  response.headers.set("Access-Control-Expose-Headers", "X-Shopify-API-Request-Failure-Reauthorize-Url");
  return response;
}

async function installed(shop: string): Promise<boolean> {
  const session = await prisma.session.findFirst({ where: { shop, isOnline: false }, select: { accessToken: true } });
  return Boolean(session?.accessToken);
}

export async function answerCustomerAccount(
  request: Request,
  options: { feature: string; limits: { customer: RateLimit; client: RateLimit } },
  handle: Handler,
): Promise<Response> {
  let context: Awaited<ReturnType<typeof authenticate.public.customerAccount>>;
  try {
    context = await authenticate.public.customerAccount(request);
  } catch (thrown) {
    if (!(thrown instanceof Response)) throw thrown;
    // The preflight's 204 already carries the CORS headers; a missing or invalid token is a 401.
    if (thrown.status === 401) return withCorsHeaders(errorAnswer("unauthorized"));
    return withCorsHeaders(thrown);
  }
  const { cors } = context;
  const refuse = (code: CustomerAccountErrorCode, headers?: Record<string, string>) => cors(errorAnswer(code, { headers }));

  const { shop, customerId } = tokenIdentity(context.sessionToken);
  if (!shop || !(await installed(shop))) return refuse("unauthorized");
  if (!customerId) return refuse("not_logged_in");

  const limit = await hitRateLimits([
    { key: `${options.feature}:customer:${shop}:${customerId}`, ...options.limits.customer },
    { key: `${options.feature}:client:${shop}:${clientIpOf(request) ?? "unknown"}`, ...options.limits.client },
  ]);
  if (!limit.allowed) return refuse("too_many", { "Retry-After": String(limit.retryAfterSeconds) });

  const adminGraphql = async () => {
    try {
      return (await unauthenticated.admin(shop)).admin.graphql;
    } catch {
      return undefined;
    }
  };
  return cors(await handle({ shop, customerId, adminGraphql }));
}
