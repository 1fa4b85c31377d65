import { createHmac, timingSafeEqual } from "node:crypto";

/**
 * `POST https://<shop>/admin/oauth/access_token` with the token-exchange grant: an embedded app trades
 * the session token App Bridge gave it (an HS256 JWT signed with the app's secret) for an access token.
 * https://shopify.dev/docs/apps/build/authentication-authorization/access-tokens/token-exchange
 */

export const TOKEN_EXCHANGE_GRANT = "urn:ietf:params:oauth:grant-type:token-exchange";
export const ID_TOKEN_TYPE = "urn:ietf:params:oauth:token-type:id_token";
export const OFFLINE_TOKEN_TYPE = "urn:shopify:params:oauth:token-type:offline-access-token";
export const ONLINE_TOKEN_TYPE = "urn:shopify:params:oauth:token-type:online-access-token";

export interface TokenExchangeConfig {
  shopDomain: string;
  apiKey: string;
  apiSecret: string;
  /** Comma-separated, as Shopify answers (`read_orders,write_products`). */
  scope: string;
  offlineToken: string;
  /** Online tokens are issued per user; this records them so the API accepts them. */
  issueOnlineToken: (userId: string) => string;
  nowMs: number;
}

export interface TokenExchangeAnswer {
  status: number;
  body: Record<string, unknown>;
}

const CLOCK_TOLERANCE_SECONDS = 10;

function base64UrlDecode(part: string): Buffer {
  return Buffer.from(part.replace(/-/g, "+").replace(/_/g, "/"), "base64");
}

/** Verifies an HS256 session token; returns its claims or why it was refused. */
export function verifySessionToken(
  token: string,
  secret: string,
  nowMs: number,
): { ok: true; claims: Record<string, unknown> } | { ok: false; reason: string } {
  const parts = token.split(".");
  if (parts.length !== 3) return { ok: false, reason: "not a JWT" };
  const [header, payload, signature] = parts;
  let alg: unknown;
  let claims: Record<string, unknown>;
  try {
    alg = (JSON.parse(base64UrlDecode(header).toString("utf8")) as { alg?: unknown }).alg;
    claims = JSON.parse(base64UrlDecode(payload).toString("utf8")) as Record<string, unknown>;
  } catch {
    return { ok: false, reason: "malformed JWT" };
  }
  if (alg !== "HS256") return { ok: false, reason: `unsupported algorithm ${String(alg)}` };
  const expected = createHmac("sha256", secret).update(`${header}.${payload}`).digest();
  const given = base64UrlDecode(signature);
  if (given.length !== expected.length || !timingSafeEqual(given, expected)) {
    return { ok: false, reason: "signature does not match" };
  }
  const now = nowMs / 1000;
  if (typeof claims.exp !== "number" || claims.exp < now - CLOCK_TOLERANCE_SECONDS) return { ok: false, reason: "expired" };
  if (typeof claims.nbf === "number" && claims.nbf > now + CLOCK_TOLERANCE_SECONDS) return { ok: false, reason: "not yet valid" };
  return { ok: true, claims };
}

const invalidSubjectToken = (reason: string): TokenExchangeAnswer => ({
  status: 400,
  body: { error: "invalid_subject_token", error_description: `The subject token is invalid: ${reason}.` },
});

export function exchangeToken(params: Record<string, string>, config: TokenExchangeConfig): TokenExchangeAnswer {
  if (params.client_id !== config.apiKey || params.client_secret !== config.apiSecret) {
    return { status: 401, body: { error: "invalid_client", error_description: "Client authentication failed." } };
  }
  if (params.grant_type !== TOKEN_EXCHANGE_GRANT) {
    return { status: 400, body: { error: "unsupported_grant_type", error_description: `Unsupported grant type: ${params.grant_type}.` } };
  }
  if (params.subject_token_type !== ID_TOKEN_TYPE) {
    return { status: 400, body: { error: "invalid_request", error_description: "subject_token_type must be an id_token." } };
  }
  const verified = verifySessionToken(params.subject_token ?? "", config.apiSecret, config.nowMs);
  if (!verified.ok) return invalidSubjectToken(verified.reason);
  const { claims } = verified;
  if (claims.dest !== `https://${config.shopDomain}`) return invalidSubjectToken("issued for another shop");
  if (claims.aud !== config.apiKey) return invalidSubjectToken("issued for another app");

  const requested = params.requested_token_type ?? OFFLINE_TOKEN_TYPE;
  if (requested === ONLINE_TOKEN_TYPE) {
    const userId = String(claims.sub ?? "");
    if (!userId) return invalidSubjectToken("no user");
    return {
      status: 200,
      body: {
        access_token: config.issueOnlineToken(userId),
        scope: config.scope,
        expires_in: 86_399,
        associated_user_scope: config.scope,
        associated_user: {
          id: Number(userId),
          first_name: "Sekar",
          last_name: "Wulandari",
          email: "owner@aftercare-demo.example",
          account_owner: true,
          locale: "en",
          collaborator: false,
          email_verified: true,
        },
      },
    };
  }
  if (requested !== OFFLINE_TOKEN_TYPE) {
    return { status: 400, body: { error: "invalid_request", error_description: `Unknown requested_token_type: ${requested}.` } };
  }
  return { status: 200, body: { access_token: config.offlineToken, scope: config.scope } };
}
