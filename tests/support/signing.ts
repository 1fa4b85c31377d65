/**
 * Signing exactly as Shopify signs, so requests in tests and in the demo pass through the real
 * `authenticate.*` code: webhook HMACs, app-proxy signatures and App Bridge session tokens (JWT, HS256).
 */
import { createHmac, randomUUID } from "node:crypto";

export function webhookHmac(rawBody: string, secret: string): string {
  return createHmac("sha256", secret).update(rawBody, "utf8").digest("base64");
}

export interface WebhookOptions {
  url: string;
  topic: string;
  shop: string;
  payload: unknown;
  secret: string;
  webhookId?: string;
  apiVersion?: string;
  /** Overrides the computed HMAC (to forge a delivery). */
  hmac?: string;
}

/** A webhook delivery as Shopify sends it: raw JSON body and X-Shopify-* headers. */
export function signedWebhookRequest(options: WebhookOptions): Request {
  const body = JSON.stringify(options.payload);
  return new Request(options.url, {
    method: "POST",
    body,
    headers: {
      "Content-Type": "application/json",
      "X-Shopify-Topic": options.topic,
      "X-Shopify-Shop-Domain": options.shop,
      "X-Shopify-Webhook-Id": options.webhookId ?? randomUUID(),
      "X-Shopify-Event-Id": randomUUID(),
      "X-Shopify-Triggered-At": new Date().toISOString(),
      "X-Shopify-API-Version": options.apiVersion ?? "2026-07",
      "X-Shopify-Hmac-Sha256": options.hmac ?? webhookHmac(body, options.secret),
    },
  });
}

/**
 * The app-proxy signature: every query parameter but `signature`, as `key=value` (repeated keys joined
 * with commas), sorted, concatenated with no separator, HMAC-SHA256 with the app secret, hex.
 */
export function appProxySignature(params: URLSearchParams, secret: string): string {
  const grouped = new Map<string, string[]>();
  for (const [key, value] of params) {
    if (key === "signature") continue;
    grouped.set(key, [...(grouped.get(key) ?? []), value]);
  }
  const message = [...grouped.entries()]
    .map(([key, values]) => `${key}=${values.join(",")}`)
    .sort()
    .join("");
  return createHmac("sha256", secret).update(message, "utf8").digest("hex");
}

export interface AppProxyOptions {
  /** The app's own URL for the proxied path, e.g. https://app.example/proxy/orders */
  url: string;
  shop: string;
  secret: string;
  pathPrefix?: string;
  loggedInCustomerId?: string;
  timestamp?: number;
  /** Overrides the computed signature (to forge a request). */
  signature?: string;
}

/** The URL Shopify's app proxy forwards to: the shopper's query plus shop, path_prefix, timestamp, signature. */
export function signAppProxyUrl(options: AppProxyOptions): string {
  const url = new URL(options.url);
  url.searchParams.set("shop", options.shop);
  url.searchParams.set("path_prefix", options.pathPrefix ?? "/apps/aftercare");
  url.searchParams.set("timestamp", String(options.timestamp ?? Math.floor(Date.now() / 1000)));
  url.searchParams.set("logged_in_customer_id", options.loggedInCustomerId ?? "");
  url.searchParams.delete("signature");
  url.searchParams.set("signature", options.signature ?? appProxySignature(url.searchParams, options.secret));
  return url.toString();
}

function base64url(input: string | Buffer): string {
  return Buffer.from(input).toString("base64url");
}

export interface SessionTokenOptions {
  shop: string;
  apiKey: string;
  secret: string;
  userId?: string;
  /** Seconds since the epoch; Shopify's tokens live one minute. */
  issuedAt?: number;
  lifetimeSeconds?: number;
}

/** An App Bridge session token (the `id_token` / Bearer token Shopify's admin gives an embedded app). */
export function mintSessionToken(options: SessionTokenOptions): string {
  const iat = options.issuedAt ?? Math.floor(Date.now() / 1000);
  const payload = {
    iss: `https://${options.shop}/admin`,
    dest: `https://${options.shop}`,
    aud: options.apiKey,
    sub: options.userId ?? "1",
    exp: iat + (options.lifetimeSeconds ?? 60),
    nbf: iat,
    iat,
    jti: randomUUID(),
    sid: randomUUID(),
  };
  const header = base64url(JSON.stringify({ alg: "HS256", typ: "JWT" }));
  const body = base64url(JSON.stringify(payload));
  const signature = createHmac("sha256", options.secret).update(`${header}.${body}`).digest("base64url");
  return `${header}.${body}.${signature}`;
}

export interface ExtensionTokenOptions {
  shop: string;
  apiKey: string;
  secret: string;
  /** The logged-in buyer's customer GID (Shopify adds `sub` only when the buyer is logged in). */
  customerId?: string;
  issuedAt?: number;
  lifetimeSeconds?: number;
}

/**
 * The session token a checkout or customer account UI extension gets from `shopify.sessionToken.get()`
 * and sends as `Authorization: Bearer …`: HS256 with the app secret, `dest` the shop's domain, `aud` the
 * app's client id, `sub` the customer when one is logged in, valid for 5 minutes.
 */
export function mintExtensionToken(options: ExtensionTokenOptions): string {
  const iat = options.issuedAt ?? Math.floor(Date.now() / 1000);
  const payload: Record<string, unknown> = {
    dest: options.shop,
    aud: options.apiKey,
    exp: iat + (options.lifetimeSeconds ?? 300),
    nbf: iat,
    iat,
    jti: randomUUID(),
  };
  if (options.customerId) payload.sub = options.customerId;
  const header = base64url(JSON.stringify({ alg: "HS256", typ: "JWT" }));
  const body = base64url(JSON.stringify(payload));
  const signature = createHmac("sha256", options.secret).update(`${header}.${body}`).digest("base64url");
  return `${header}.${body}.${signature}`;
}

/** A request from a UI extension to the app's backend, as the extension's `fetch` sends it. */
export function extensionRequest(url: string, token: string | null, init: { method?: string; body?: unknown; origin?: string } = {}): Request {
  const headers: Record<string, string> = { Origin: init.origin ?? "https://extensions.shopifycdn.com" };
  if (token) headers.Authorization = `Bearer ${token}`;
  // A FormData body is sent as the browser sends it (multipart, its boundary set by Request).
  const isForm = init.body instanceof FormData;
  if (init.body !== undefined && !isForm) headers["Content-Type"] = "application/json";
  return new Request(url, {
    method: init.method ?? (init.body === undefined ? "GET" : "POST"),
    headers,
    body: init.body === undefined ? undefined : isForm ? (init.body as FormData) : JSON.stringify(init.body),
  });
}

/** Shopify Flow's signature on an action request: base64 HMAC-SHA256 of the raw body with the app secret. */
export function flowActionHmac(rawBody: string, secret: string): string {
  return createHmac("sha256", secret).update(rawBody, "utf8").digest("base64");
}

export interface FlowActionRequestOptions {
  url: string;
  body: unknown;
  secret: string;
  /** Overrides the computed HMAC (to forge a request); null sends none. */
  hmac?: string | null;
}

/** A Flow action run as Flow posts it to the action's runtime_url. */
export function signedFlowActionRequest(options: FlowActionRequestOptions): Request {
  const raw = typeof options.body === "string" ? options.body : JSON.stringify(options.body);
  const headers: Record<string, string> = { "Content-Type": "application/json" };
  const hmac = options.hmac === undefined ? flowActionHmac(raw, options.secret) : options.hmac;
  if (hmac !== null) headers["x-shopify-hmac-sha256"] = hmac;
  return new Request(options.url, { method: "POST", body: raw, headers });
}
