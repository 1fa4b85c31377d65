/**
 * The offline demo: a seeded fake shop (the same fake Admin API the tests use), the built Aftercare app
 * served on localhost, and a stand-in for Shopify around it (admin frame, storefront preview, app proxy).
 * Everything the app does goes through its real code: session tokens are minted and signed with the app
 * secret, app-proxy requests are signed, Admin API calls are answered by the real schema.
 */
import { createServer, type IncomingMessage, type Server, type ServerResponse } from "node:http";
import path from "node:path";
import { pathToFileURL } from "node:url";
import { createRequestHandler, type ServerBuild } from "@remix-run/node";
import { createFakeAdmin, type FakeAdmin } from "../../tests/support/fake-admin/server";
import { createSeedShop } from "../../tests/support/fake-admin/seed";
import { installShopifyNetwork, routeShop } from "../../tests/support/shopify-network";
import { mintSessionToken, signAppProxyUrl } from "../../tests/support/signing";
import { adminFrameHtml } from "./admin-frame";
import { embeddedAppPath, handleChargeApproval, toDemoShopifyUrl } from "./billing-approval";
import { sendFetchResponse, serveStatic, toFetchRequest } from "./node-http";
import { renderStorefront } from "./storefront";

const root = path.resolve(import.meta.dirname, "../..");
const APP_BRIDGE_CDN = "https://cdn.shopify.com/shopifycloud/app-bridge.js";

export interface DemoOptions {
  appPort: number;
  shopifyPort: number;
  shopDomain?: string;
  now?: Date;
  buildDir?: string;
  /** Skip the merchant's saved settings: a just-installed shop. */
  fresh?: boolean;
}

export interface RunningDemo {
  appUrl: string;
  shopifyUrl: string;
  adminUrl: string;
  embeddedAppUrl: string;
  storefrontUrl: string;
  shopDomain: string;
  fakeAdmin: FakeAdmin;
  close(): Promise<void>;
}

export function assertNotProduction(env: NodeJS.ProcessEnv = process.env): void {
  if (env.NODE_ENV === "production") {
    throw new Error("The demo refuses to start with NODE_ENV=production: it mints its own session tokens and fakes Shopify.");
  }
}

function listen(server: Server, port: number): Promise<number> {
  return new Promise((resolve, reject) => {
    server.once("error", reject);
    server.listen(port, "127.0.0.1", () => {
      const address = server.address();
      resolve(typeof address === "object" && address ? address.port : port);
    });
  });
}

function close(server: Server): Promise<void> {
  return new Promise((resolve) => {
    server.closeAllConnections();
    server.close(() => resolve());
  });
}

export async function startDemo(options: DemoOptions): Promise<RunningDemo> {
  assertNotProduction();
  const shopDomain = options.shopDomain ?? "aftercare-demo.myshopify.com";
  const apiKey = process.env.SHOPIFY_API_KEY!;
  const apiSecret = process.env.SHOPIFY_API_SECRET!;
  const now = options.now ?? new Date();

  const fakeAdmin = createFakeAdmin({ shop: createSeedShop({ now, domain: shopDomain }), apiSecret });
  installShopifyNetwork();
  routeShop(shopDomain, (request) => fakeAdmin.handle(request));

  const appServer = createServer();
  const shopifyServer = createServer();
  const appPort = await listen(appServer, options.appPort);
  const shopifyPort = await listen(shopifyServer, options.shopifyPort);
  const appUrl = `http://localhost:${appPort}`;
  const shopifyUrl = `http://localhost:${shopifyPort}`;
  process.env.SHOPIFY_APP_URL = appUrl;

  // Imported only now: the app reads its environment and captures fetch when it loads.
  const buildDir = options.buildDir ?? path.resolve(root, process.env.AFTERCARE_BUILD_DIR || "build");
  const build = (await import(pathToFileURL(path.join(buildDir, "server/index.js")).href)) as ServerBuild;
  const handleApp = createRequestHandler(build, "production");
  if (!options.fresh) {
    // Loaded here: the app's models read DATABASE_URL when they load.
    const { configureDemoMerchant, syncDemoHistory } = await import("./merchant-settings");
    await configureDemoMerchant(fakeAdmin, now);
    await syncDemoHistory(fakeAdmin, now);
  }
  const clientDir = path.join(buildDir, "client");
  const host = Buffer.from(`admin.shopify.com/store/${shopDomain.replace(".myshopify.com", "")}`).toString("base64url");
  const embeddedAppUrl = `${appUrl}/app?embedded=1&shop=${shopDomain}&host=${host}`;
  const embeddedPageUrl = (appPath: string, locale?: string | null) => {
    const page = new URL(appPath, appUrl);
    // Shopify passes the merchant's admin language to the app as `locale`.
    if (locale) page.searchParams.set("locale", locale);
    page.searchParams.set("embedded", "1");
    page.searchParams.set("shop", shopDomain);
    page.searchParams.set("host", host);
    return page.toString();
  };

  appServer.on("request", (req: IncomingMessage, res: ServerResponse) => {
    void (async () => {
      const url = new URL(req.url ?? "/", appUrl);
      if (url.pathname === "/__demo/app-bridge.js") {
        serveStatic(path.join(root, "scripts/demo"), "/app-bridge-stub.js", res);
        return;
      }
      if (url.pathname === "/__demo/session-token") {
        if (url.searchParams.get("shop") !== shopDomain) {
          res.writeHead(400, { "Content-Type": "text/plain" }).end("Unknown shop");
          return;
        }
        res.writeHead(200, { "Content-Type": "text/plain", "Cache-Control": "no-store" });
        res.end(mintSessionToken({ shop: shopDomain, apiKey, secret: apiSecret }));
        return;
      }
      if (req.method === "GET" && serveStatic(clientDir, url.pathname, res, url.pathname.startsWith("/assets/") ? 31536000 : 0)) return;
      const response = await handleApp(toFetchRequest(req, appUrl));
      await sendFetchResponse(res, await adaptForDemo(response, shopifyUrl, shopDomain));
    })().catch((error: unknown) => failRequest(res, error));
  });

  shopifyServer.on("request", (req: IncomingMessage, res: ServerResponse) => {
    void (async () => {
      const url = new URL(req.url ?? "/", shopifyUrl);
      if (url.pathname === "/" || url.pathname === "/admin") {
        res.writeHead(200, { "Content-Type": "text/html; charset=utf-8" });
        res.end(adminFrameHtml({ shopName: fakeAdmin.shop.name, appSrc: embeddedPageUrl(embeddedAppPath(url), url.searchParams.get("locale")) }));
        return;
      }
      const approval = await handleChargeApproval(toFetchRequest(req, shopifyUrl), fakeAdmin, shopifyUrl);
      if (approval) {
        await sendFetchResponse(res, approval);
        return;
      }
      if (url.pathname.startsWith("/apps/aftercare")) {
        // What Shopify's app proxy does: forward to the app's proxy URL with a signed query.
        const target = new URL(`/proxy${url.pathname.slice("/apps/aftercare".length)}`, appUrl);
        url.searchParams.forEach((value, key) => target.searchParams.append(key, value));
        const signed = signAppProxyUrl({
          url: target.toString(),
          shop: shopDomain,
          secret: apiSecret,
          loggedInCustomerId: url.searchParams.get("demo_customer") ?? undefined,
        });
        const incoming = toFetchRequest(req, shopifyUrl);
        const response = await handleApp(new Request(signed, incoming));
        await sendFetchResponse(res, response);
        return;
      }
      if (url.pathname.startsWith("/storefront")) {
        await sendFetchResponse(res, await renderStorefront({ url, fakeAdmin, shopifyUrl }));
        return;
      }
      res.writeHead(404, { "Content-Type": "text/plain" }).end("Not found");
    })().catch((error: unknown) => failRequest(res, error));
  });

  return {
    appUrl,
    shopifyUrl,
    adminUrl: `${shopifyUrl}/admin`,
    embeddedAppUrl,
    storefrontUrl: `${shopifyUrl}/storefront`,
    shopDomain,
    fakeAdmin,
    async close() {
      await Promise.all([close(appServer), close(shopifyServer)]);
    },
  };
}

/** Points App Bridge at the local stand-in and lets the demo's admin frame embed the app. */
async function adaptForDemo(response: Response, shopifyUrl: string, shopDomain: string): Promise<Response> {
  const headers = new Headers(response.headers);
  // Billing's redirect out of the iframe points at the shop's domain: the demo serves it itself.
  const reauthorize = headers.get("X-Shopify-API-Request-Failure-Reauthorize-Url");
  if (reauthorize) headers.set("X-Shopify-API-Request-Failure-Reauthorize-Url", toDemoShopifyUrl(reauthorize, shopDomain, shopifyUrl));
  const preload = headers.get("Link");
  if (preload) headers.set("Link", preload.replaceAll(APP_BRIDGE_CDN, "/__demo/app-bridge.js"));
  const csp = headers.get("Content-Security-Policy");
  if (csp) headers.set("Content-Security-Policy", csp.replace("frame-ancestors", `frame-ancestors ${shopifyUrl}`));
  if (!(headers.get("Content-Type") ?? "").includes("text/html") || !response.body) {
    return new Response(response.body, { status: response.status, statusText: response.statusText, headers });
  }
  const html = (await response.text()).replaceAll(APP_BRIDGE_CDN, "/__demo/app-bridge.js");
  headers.delete("Content-Length");
  return new Response(html, { status: response.status, statusText: response.statusText, headers });
}

function failRequest(res: ServerResponse, error: unknown): void {
  console.error(error);
  if (!res.headersSent) res.writeHead(500, { "Content-Type": "text/plain" });
  res.end("The demo server failed to answer this request; see the terminal.");
}
