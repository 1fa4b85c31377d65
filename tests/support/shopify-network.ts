/**
 * The one place where outside HTTP is intercepted in tests and in the demo.
 * Requests to a shop's domain (`*.myshopify.com`) go to the handler registered for that shop
 * (usually a fake Admin API); any other outside host fails loudly, so no test reaches the internet.
 */
export type ShopHandler = (request: Request) => Promise<Response>;

declare global {
  // eslint-disable-next-line no-var
  var aftercareShopHandlers: Map<string, ShopHandler> | undefined;
}

// On globalThis: the interceptor is installed once per process, and every copy of this module (a file
// whose modules were evaluated again, see fresh-file.ts) must register where it looks.
const handlers = (globalThis.aftercareShopHandlers ??= new Map<string, ShopHandler>());
const passthroughHosts = new Set(["127.0.0.1", "localhost", "[::1]"]);

export function routeShop(shopDomain: string, handler: ShopHandler): () => void {
  handlers.set(shopDomain, handler);
  return () => {
    if (handlers.get(shopDomain) === handler) handlers.delete(shopDomain);
  };
}

export function clearShopRoutes(): void {
  handlers.clear();
}

export function installShopifyNetwork(realFetch: typeof fetch = globalThis.fetch): void {
  const marker = Symbol.for("aftercare.shopifyNetwork");
  const current = globalThis.fetch as typeof fetch & { [key: symbol]: boolean };
  if (current[marker]) return;

  const routed = async (input: RequestInfo | URL, init?: RequestInit): Promise<Response> => {
    const request = new Request(input, init);
    const { hostname } = new URL(request.url);
    const handler = handlers.get(hostname);
    if (handler) return handler(request);
    if (passthroughHosts.has(hostname)) return realFetch(request);
    throw new Error(`Blocked outside request to ${request.url}: register a handler with routeShop()`);
  };
  Object.defineProperty(routed, marker, { value: true });
  globalThis.fetch = routed as typeof fetch;
}
