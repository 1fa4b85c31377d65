/** Requests shaped like the ones Shopify's admin, webhooks and proxy send to the app under test. */
import { mintSessionToken, signAppProxyUrl, signedWebhookRequest } from "./signing";
import { TEST_API_KEY, TEST_API_SECRET, TEST_APP_URL, TEST_SHOP } from "./test-env";

export function appUrl(path: string): string {
  return new URL(path, TEST_APP_URL).toString();
}

export function sessionToken(options: { shop?: string; issuedAt?: number; secret?: string } = {}): string {
  return mintSessionToken({
    shop: options.shop ?? TEST_SHOP,
    apiKey: TEST_API_KEY,
    secret: options.secret ?? TEST_API_SECRET,
    issuedAt: options.issuedAt,
  });
}

/** A fetch from the embedded admin (App Bridge adds the session token as a Bearer header). */
export function adminFetchRequest(path: string, init: RequestInit & { shop?: string; token?: string } = {}): Request {
  const headers = new Headers(init.headers);
  headers.set("Authorization", `Bearer ${init.token ?? sessionToken({ shop: init.shop })}`);
  return new Request(appUrl(path), { ...init, headers });
}

/** The first document load of an embedded page: shop, host, embedded=1 and id_token in the query. */
export function adminDocumentRequest(path: string, options: { shop?: string; token?: string } = {}): Request {
  const shop = options.shop ?? TEST_SHOP;
  const url = new URL(appUrl(path));
  url.searchParams.set("embedded", "1");
  url.searchParams.set("shop", shop);
  url.searchParams.set("host", Buffer.from(`admin.shopify.com/store/${shop.replace(".myshopify.com", "")}`).toString("base64url"));
  url.searchParams.set("id_token", options.token ?? sessionToken({ shop }));
  return new Request(url, { headers: { Accept: "text/html" } });
}

export function webhookRequest(
  topic: string,
  payload: unknown,
  options: { shop?: string; webhookId?: string; hmac?: string } = {},
): Request {
  return signedWebhookRequest({
    url: appUrl(`/webhooks/${topic}`),
    topic,
    shop: options.shop ?? TEST_SHOP,
    payload,
    secret: TEST_API_SECRET,
    webhookId: options.webhookId,
    hmac: options.hmac,
  });
}

export function appProxyRequest(
  path: string,
  init: RequestInit & { shop?: string; loggedInCustomerId?: string; signature?: string; timestamp?: number } = {},
): Request {
  const url = signAppProxyUrl({
    url: appUrl(path),
    shop: init.shop ?? TEST_SHOP,
    secret: TEST_API_SECRET,
    loggedInCustomerId: init.loggedInCustomerId,
    signature: init.signature,
    timestamp: init.timestamp,
  });
  return new Request(url, init);
}

/** A route's answer as Remix sends it: a Response the route throws (a redirect, a 401) is the answer too. */
export async function routeAnswer(run: () => Promise<Response>): Promise<Response> {
  try {
    return await run();
  } catch (thrown) {
    if (thrown instanceof Response) return thrown;
    throw thrown;
  }
}
