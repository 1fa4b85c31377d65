/**
 * A minimal storefront for browser tests of a block's script: it serves the extension's assets, a page the
 * test renders, and forwards requests under /apps/aftercare/* to the app's route exactly as Shopify's app
 * proxy does (signed, with the logged-in customer and the shopper's IP), answering what the route answered:
 * GET reaches the route's loader, POST its action.
 */
import { createServer, type IncomingMessage } from "node:http";
import type { AddressInfo } from "node:net";
import { appProxyRequest } from "../app-requests";
import { serveExtensionAsset } from "./extension-files";

type RouteHandler = (args: { request: Request; params: Record<string, string>; context: Record<string, unknown> }) => Promise<unknown>;

export interface ProxiedRoute {
  appPath: string;
  action?: RouteHandler;
  loader?: RouteHandler;
}

export interface StorefrontPage {
  html: string;
  headers?: Record<string, string>;
}

export interface StorefrontStandInOptions {
  /** The storefront page for a URL; `baseUrl` is where the stand-in listens (for asset links). */
  page(url: URL, baseUrl: string): Promise<string | StorefrontPage>;
  /** Storefront path → the app's proxy path and the route behind it. */
  proxy: Record<string, ProxiedRoute>;
  /** The logged-in customer, as Shopify knows from its own session cookie. */
  loggedInCustomer?(request: IncomingMessage): string | undefined;
}

/** What the app answered to one proxied request (the body cut at 500 characters), for failure messages. */
export interface ProxiedAnswer {
  method: string;
  path: string;
  status: number;
  body: string;
}

export interface StorefrontStandIn {
  baseUrl: string;
  /** Every proxied request's answer, oldest first. */
  answers: ProxiedAnswer[];
  close(): Promise<void>;
}

/** The body's bytes as sent: a multipart form's photo is binary and must not pass through a text decoding. */
async function readBody(request: IncomingMessage): Promise<Uint8Array<ArrayBuffer>> {
  const chunks: Buffer[] = [];
  for await (const chunk of request) chunks.push(chunk as Buffer);
  return new Uint8Array(Buffer.concat(chunks));
}

async function forward(request: IncomingMessage, handler: RouteHandler, appPath: string, customer?: string): Promise<Response> {
  const post = request.method === "POST";
  // The shopper's query string travels with the request, as Shopify's proxy forwards it.
  const { search } = new URL(request.url ?? "/", "http://storefront.test");
  const signed = appProxyRequest(`${appPath}${search}`, {
    method: request.method,
    loggedInCustomerId: customer,
    headers: {
      "Content-Type": request.headers["content-type"] ?? "",
      Accept: request.headers.accept ?? "",
      "X-Forwarded-For": request.socket.remoteAddress ?? "",
    },
    body: post ? await readBody(request) : undefined,
  });
  try {
    return (await handler({ request: signed, params: {}, context: {} })) as Response;
  } catch (thrown) {
    if (thrown instanceof Response) return thrown;
    throw thrown;
  }
}

export function startStorefrontStandIn(options: StorefrontStandInOptions): Promise<StorefrontStandIn> {
  let baseUrl = "";
  const answers: ProxiedAnswer[] = [];
  const server = createServer((request, response) => {
    const url = new URL(request.url ?? "/", "http://storefront.test");
    void (async () => {
      if (url.pathname.startsWith("/assets/")) {
        const asset = serveExtensionAsset(url.pathname.slice("/assets/".length));
        if (!asset) return response.writeHead(404).end();
        return response.writeHead(200, { "content-type": asset.contentType }).end(asset.body);
      }
      const route = options.proxy[url.pathname];
      const handler = request.method === "POST" ? route?.action : route?.loader;
      if (route && handler) {
        const answer = await forward(request, handler, route.appPath, options.loggedInCustomer?.(request));
        const type = answer.headers.get("content-type") ?? "application/json";
        const body = await answer.text();
        answers.push({ method: request.method ?? "GET", path: url.pathname + url.search, status: answer.status, body: body.slice(0, 500) });
        return response.writeHead(answer.status, { "content-type": type }).end(body);
      }
      const page = await options.page(url, baseUrl);
      const { html, headers } = typeof page === "string" ? { html: page, headers: {} } : page;
      response.writeHead(200, { "content-type": "text/html; charset=utf-8", ...headers }).end(html);
    })().catch((error: unknown) => {
      answers.push({ method: request.method ?? "GET", path: url.pathname + url.search, status: 500, body: String(error).slice(0, 500) });
      response.writeHead(500, { "content-type": "text/plain" }).end(String(error));
    });
  });
  return new Promise((resolve) => {
    server.listen(0, "127.0.0.1", () => {
      baseUrl = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
      // Closing drops every connection too: Chromium keeps keep-alive and speculative (preconnected, still
      // request-less) sockets open, and server.close() alone would wait for those until their timeouts.
      const close = () =>
        new Promise<void>((done) => {
          server.close(() => done());
          server.closeAllConnections();
        });
      resolve({ baseUrl, answers, close });
    });
  });
}
