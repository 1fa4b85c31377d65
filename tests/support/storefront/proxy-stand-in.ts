/**
 * A minimal storefront for browser tests of a block's script: it serves the extension's assets, a page the
 * test renders, and forwards POSTs under /apps/aftercare/* to the app's route exactly as Shopify's app proxy
 * does (signed, with the shopper's IP), answering what the route answered.
 */
import { createServer, type IncomingMessage } from "node:http";
import type { AddressInfo } from "node:net";
import { appProxyRequest } from "../app-requests";
import { serveExtensionAsset } from "./extension-files";

type RouteAction = (args: { request: Request; params: Record<string, string>; context: Record<string, unknown> }) => Promise<unknown>;

export interface StorefrontStandInOptions {
  /** The storefront page for a URL; `baseUrl` is where the stand-in listens (for asset links). */
  page(url: URL, baseUrl: string): Promise<string>;
  /** Storefront path → the app's proxy path and the route action behind it. */
  proxy: Record<string, { appPath: string; action: RouteAction }>;
}

export interface StorefrontStandIn {
  baseUrl: string;
  close(): Promise<void>;
}

async function readBody(request: IncomingMessage): Promise<string> {
  const chunks: Buffer[] = [];
  for await (const chunk of request) chunks.push(chunk as Buffer);
  return Buffer.concat(chunks).toString("utf8");
}

async function forward(request: IncomingMessage, appPath: string, action: RouteAction): Promise<Response> {
  const signed = appProxyRequest(appPath, {
    method: "POST",
    headers: {
      "Content-Type": request.headers["content-type"] ?? "",
      Accept: request.headers.accept ?? "",
      "X-Forwarded-For": request.socket.remoteAddress ?? "",
    },
    body: await readBody(request),
  });
  try {
    return (await action({ request: signed, params: {}, context: {} })) as Response;
  } catch (thrown) {
    if (thrown instanceof Response) return thrown;
    throw thrown;
  }
}

export function startStorefrontStandIn(options: StorefrontStandInOptions): Promise<StorefrontStandIn> {
  let baseUrl = "";
  const server = createServer((request, response) => {
    const url = new URL(request.url ?? "/", "http://storefront.test");
    void (async () => {
      if (url.pathname.startsWith("/assets/")) {
        const asset = serveExtensionAsset(url.pathname.slice("/assets/".length));
        if (!asset) return response.writeHead(404).end();
        return response.writeHead(200, { "content-type": asset.contentType }).end(asset.body);
      }
      const route = options.proxy[url.pathname];
      if (route && request.method === "POST") {
        const answer = await forward(request, route.appPath, route.action);
        return response.writeHead(answer.status, { "content-type": "application/json" }).end(await answer.text());
      }
      response.writeHead(200, { "content-type": "text/html; charset=utf-8" }).end(await options.page(url, baseUrl));
    })().catch((error: unknown) => {
      response.writeHead(500, { "content-type": "text/plain" }).end(String(error));
    });
  });
  return new Promise((resolve) => {
    server.listen(0, "127.0.0.1", () => {
      baseUrl = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
      resolve({ baseUrl, close: () => new Promise((done) => server.close(() => done())) });
    });
  });
}
