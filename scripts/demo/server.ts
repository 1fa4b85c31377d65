/**
 * The offline demo: a seeded fake shop (the same fake Admin API the tests use), the built Aftercare app
 * served on localhost, and a stand-in for Shopify around it (admin frame, storefront preview, app proxy,
 * checkout's Thank-you page and the customer account's order status page with the UI extensions mounted).
 * Everything the app does goes through its real code: session tokens are minted and signed with the app
 * secret, app-proxy requests are signed, Admin API calls are answered by the real schema. Every start
 * forgets what an earlier run stored for the shop (the fake shop starts anew too), and the app's email
 * goes to a local SMTP server whose messages the mail viewer (/mail) shows.
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
import { demoAppScopes } from "./app-scopes";
import { liquidCustomer, loggedInCustomerId } from "./demo-customers";
import { startDemoMailbox, type DemoMailbox } from "./mailbox";
import { mailListHtml, mailMessageHtml } from "./mail-viewer";
import { renderProxyLiquid } from "./proxy-page";
import { embeddedAppPath, handleChargeApproval, toDemoShopifyUrl } from "./billing-approval";
import { sendFetchResponse, serveStatic, toFetchRequest } from "./node-http";
import { renderStorefront } from "./storefront";
import { answerExtensionPages } from "./extension-pages";
import { pickerResources } from "./picker-resources";

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
  /** Granted access scopes; default what shopify.app.toml asks for, optional scopes included. */
  scopes?: readonly string[];
  /** Run the app's email jobs this often (and once at start); default only from the mail viewer's button. */
  emailJobsEveryMs?: number;
}

export interface RunningDemo {
  appUrl: string;
  shopifyUrl: string;
  adminUrl: string;
  embeddedAppUrl: string;
  storefrontUrl: string;
  /** The mail viewer: every message the app sent. */
  mailUrl: string;
  /** Checkout's Thank-you page of a seeded order, with the Thank-you extension mounted. */
  thankYouUrl: string;
  /** A customer account's order status page of a delivered seeded order, with the order-status extension. */
  orderStatusUrl: string;
  mailbox: DemoMailbox;
  shopDomain: string;
  fakeAdmin: FakeAdmin;
  /** Queues what is due (review requests, delay notices, surveys) and sends it; a summary line. */
  runEmailJobs(): Promise<string>;
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

  const scopes = options.scopes ?? demoAppScopes();
  const fakeAdmin = createFakeAdmin({ shop: createSeedShop({ now, domain: shopDomain }), apiSecret, scopes });
  installShopifyNetwork();
  routeShop(shopDomain, (request) => fakeAdmin.handle(request));

  const appServer = createServer();
  const shopifyServer = createServer();
  const appPort = await listen(appServer, options.appPort);
  const shopifyPort = await listen(shopifyServer, options.shopifyPort);
  const appUrl = `http://localhost:${appPort}`;
  const shopifyUrl = `http://localhost:${shopifyPort}`;
  process.env.SHOPIFY_APP_URL = appUrl;
  // The app's email (outbox, test emails) goes to the demo's own SMTP server, never elsewhere.
  const mailbox = await startDemoMailbox();
  const previousMailEnv = { SMTP_URL: process.env.SMTP_URL, MAIL_FROM: process.env.MAIL_FROM };
  process.env.SMTP_URL = mailbox.url;
  process.env.MAIL_FROM = `no-reply@${shopDomain.replace(".myshopify.com", "")}.example`;

  // Imported only now: the app reads its environment and captures fetch when it loads.
  const buildDir = options.buildDir ?? path.resolve(root, process.env.AFTERCARE_BUILD_DIR || "build");
  const build = (await import(pathToFileURL(path.join(buildDir, "server/index.js")).href)) as ServerBuild;
  const handleApp = createRequestHandler(build, "production");
  // Loaded here: the app's models read DATABASE_URL when they load.
  const { default: prisma } = await import("../../app/db.server");
  const { redactShop } = await import("../../app/models/shop/privacy.server");
  // The fake shop starts anew on every run: so does what the app stored for it (an earlier run's rows).
  await prisma.$transaction((tx) => redactShop(tx, shopDomain));
  const { configureDemoMerchant, syncDemoHistory } = await import("./merchant-settings");
  if (!options.fresh) {
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

  const { runDemoEmailJobs, describeJobsReport } = await import("./demo-jobs");
  const { closeMailTransports } = await import("../../app/email/transport.server");
  let lastJobsRun: string | null = null;
  let jobsRunning: Promise<string> | null = null;
  const runEmailJobs = () => {
    // One run at a time: the button and the timer share it.
    jobsRunning ??= runDemoEmailJobs(async () => fakeAdmin.graphql)
      .then((report) => (lastJobsRun = describeJobsReport(report)))
      .finally(() => (jobsRunning = null));
    return jobsRunning;
  };
  const scheduledRun = () =>
    void runEmailJobs()
      .then((summary) => console.info(`[mail] ${summary} See ${shopifyUrl}/mail`))
      .catch((error: unknown) => console.error(error));
  const jobsTimer = options.emailJobsEveryMs ? setInterval(scheduledRun, options.emailJobsEveryMs) : null;
  if (options.emailJobsEveryMs) scheduledRun();

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
      if (url.pathname === "/__demo/resources") {
        // The stand-in resource picker's list (App Bridge's picker reads the admin's own catalogue).
        const resources = pickerResources(fakeAdmin.state, url.searchParams.get("type"));
        if (!resources) {
          res.writeHead(400, { "Content-Type": "text/plain" }).end("Unknown resource type");
          return;
        }
        res.writeHead(200, { "Content-Type": "application/json", "Cache-Control": "no-store" });
        res.end(JSON.stringify(resources));
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
      if (url.pathname === "/mail" || url.pathname.startsWith("/mail/")) {
        await sendFetchResponse(res, await answerMail(url, req.method ?? "GET"));
        return;
      }
      // Checkout's Thank-you page and the customer account's order status page, extensions mounted.
      const extensionPage = await answerExtensionPages(url, { fakeAdmin, appUrl, apiKey, apiSecret });
      if (extensionPage) {
        await sendFetchResponse(res, extensionPage);
        return;
      }
      const customerId = loggedInCustomerId(req.headers.cookie ?? null, fakeAdmin.seed);
      if (url.pathname.startsWith("/apps/aftercare")) {
        // What Shopify's app proxy does: forward to the app's proxy URL with a signed query naming the
        // logged-in customer (the storefront's "browse as"), and render a Liquid answer in the theme.
        const target = new URL(`/proxy${url.pathname.slice("/apps/aftercare".length)}`, appUrl);
        url.searchParams.forEach((value, key) => target.searchParams.append(key, value));
        const signed = signAppProxyUrl({ url: target.toString(), shop: shopDomain, secret: apiSecret, loggedInCustomerId: customerId ?? undefined });
        const incoming = toFetchRequest(req, shopifyUrl);
        const response = await handleApp(new Request(signed, incoming));
        await sendFetchResponse(res, await renderLiquidAnswer(response, customerId, url));
        return;
      }
      if (url.pathname.startsWith("/storefront")) {
        await sendFetchResponse(res, await renderStorefront({ url, fakeAdmin, shopifyUrl, cookie: req.headers.cookie ?? null }));
        return;
      }
      res.writeHead(404, { "Content-Type": "text/plain" }).end("Not found");
    })().catch((error: unknown) => failRequest(res, error));
  });

  const html = (body: string, status = 200) => new Response(body, { status, headers: { "Content-Type": "text/html; charset=utf-8", "Cache-Control": "no-store" } });

  async function answerMail(url: URL, method: string): Promise<Response> {
    if (url.pathname === "/mail/send-due" && method === "POST") {
      await runEmailJobs();
      return new Response(null, { status: 303, headers: { Location: "/mail" } });
    }
    if (url.pathname === "/mail" || url.pathname === "/mail/") return html(mailListHtml(mailbox.messages, { lastRun: lastJobsRun }));
    const message = /^\/mail\/(\d+)$/.exec(url.pathname);
    const mail = message ? mailbox.find(Number(message[1])) : undefined;
    if (!mail) return html("<p>No such message. <a href=\"/mail\">All messages</a></p>", 404);
    return html(mailMessageHtml(mail, { shopDomain, shopifyUrl }));
  }

  async function renderLiquidAnswer(response: Response, customerId: string | null, url: URL): Promise<Response> {
    if (!(response.headers.get("Content-Type") ?? "").startsWith("application/liquid")) return response;
    const headers = new Headers(response.headers);
    headers.set("Content-Type", "text/html; charset=utf-8");
    headers.delete("Content-Length");
    const body = await renderProxyLiquid(await response.text(), {
      shopName: fakeAdmin.shop.name,
      timeZone: fakeAdmin.shop.ianaTimezone,
      locale: url.searchParams.get("locale") === "id" ? "id" : "en",
      customer: customerId ? liquidCustomer(fakeAdmin.seed, customerId) : null,
    });
    return new Response(body, { status: response.status, statusText: response.statusText, headers });
  }

  return {
    appUrl,
    shopifyUrl,
    adminUrl: `${shopifyUrl}/admin`,
    embeddedAppUrl,
    storefrontUrl: `${shopifyUrl}/storefront`,
    mailUrl: `${shopifyUrl}/mail`,
    thankYouUrl: `${shopifyUrl}/checkout/thank-you`,
    orderStatusUrl: `${shopifyUrl}/account/orders`,
    mailbox,
    shopDomain,
    fakeAdmin,
    runEmailJobs,
    async close() {
      if (jobsTimer) clearInterval(jobsTimer);
      await jobsRunning?.catch(() => undefined);
      closeMailTransports();
      await Promise.all([close(appServer), close(shopifyServer), mailbox.close()]);
      for (const [key, value] of Object.entries(previousMailEnv)) {
        if (value === undefined) delete process.env[key];
        else process.env[key] = value;
      }
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
