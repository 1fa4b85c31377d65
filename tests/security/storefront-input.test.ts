/**
 * What a shopper (or anyone with a storefront URL) can send to the app proxy endpoints: oversized bodies,
 * malformed JSON, wrong content types, unusual unicode and script payloads in every field. Each gets a
 * clear 4xx and leaves nothing behind, or is stored exactly as text and shown escaped.
 */
import { readdirSync } from "node:fs";
import path from "node:path";
import { beforeAll, beforeEach, describe, expect, it } from "vitest";
import { escapeForLiquid } from "../../app/models/surveys/page";
import { signSurveyToken } from "../../app/models/surveys/survey";
import { appProxyRequest } from "../support/app-requests";
import { appTableNames, asDumpText, tableRows } from "../support/database-tables";
import { storeOfflineSession } from "../support/sessions";
import { TEST_API_SECRET, TEST_SHOP } from "../support/test-env";

const prisma = (await import("../../app/db.server")).default;
const orderStatus = await import("../../app/routes/proxy.order-status");
const returns = await import("../../app/routes/proxy.returns");
const returnRequest = await import("../../app/routes/proxy.return-request");
const survey = await import("../../app/routes/proxy.survey");
const review = await import("../../app/routes/proxy.review");
const reviewPrompt = await import("../../app/routes/proxy.review-prompt");

type Handler = (args: { request: Request; params: Record<string, string>; context: Record<string, unknown> }) => Promise<unknown>;

async function answer(handler: Handler, request: Request): Promise<Response> {
  try {
    return (await handler({ request, params: {}, context: {} })) as Response;
  } catch (thrown) {
    if (thrown instanceof Response) return thrown;
    throw thrown;
  }
}

let clientNumber = 0;
/** A different shopper IP per request, so rate limits never decide a case here. */
const freshClient = () => `198.51.${Math.floor(clientNumber / 250)}.${(clientNumber++ % 250) + 1}`;

/** A logged-in shopper on every request: the review prompt answers 401 before reading a guest's body. */
const CUSTOMER_ID = "5150";

function post(urlPath: string, body: BodyInit | null, contentType: string | null, headers: Record<string, string> = {}): Request {
  const all: Record<string, string> = { "X-Forwarded-For": freshClient(), ...headers };
  if (contentType) all["Content-Type"] = contentType;
  return appProxyRequest(urlPath, { method: "POST", body, headers: all, loggedInCustomerId: CUSTOMER_ID });
}

/** Every row of every table as text: a payload that was refused must not appear anywhere in it. */
async function databaseText(): Promise<string> {
  return asDumpText(await Promise.all((await appTableNames()).map((name) => tableRows(name))));
}

const MARKER = "zq-refused-marker";
const ONE_MEGABYTE = 1024 * 1024;

interface Endpoint {
  name: string;
  route: string;
  path: string;
  action: Handler;
  /** Fields that pass validation, so a case changes one thing only. */
  fields: () => Record<string, string>;
  /** Takes multipart/form-data (a photo): a multipart body it cannot parse is a 400, not a 415. */
  multipart?: boolean;
}

/** Proxy routes shoppers only read (GET), with no body to abuse: covered by their own tests. */
const READ_ONLY_ROUTES = ["proxy.review-photo.tsx", "proxy.reviews.tsx"];

const surveyOrder = "gid://shopify/Order/8800";
const surveyToken = () => signSurveyToken({ shop: TEST_SHOP, orderId: surveyOrder, kind: "csat" }, TEST_API_SECRET, new Date());

const endpoints: Endpoint[] = [
  { name: "order status", route: "proxy.order-status.tsx", path: "/proxy/order-status", action: orderStatus.action, fields: () => ({ orderNumber: "1001", email: "rina@example.test" }) },
  { name: "order check", route: "proxy.returns.tsx", path: "/proxy/returns", action: returns.action, fields: () => ({ orderNumber: "1001", email: "rina@example.test" }) },
  { name: "return request", route: "proxy.return-request.tsx", path: "/proxy/return-request", action: returnRequest.action, fields: () => ({ intent: "options", orderNumber: "1001", email: "rina@example.test" }), multipart: true },
  { name: "survey answer", route: "proxy.survey.tsx", path: "/proxy/survey", action: survey.action, fields: () => ({ token: surveyToken(), score: "4", comment: "Fine" }) },
  { name: "review", route: "proxy.review.tsx", path: "/proxy/review", action: review.action, fields: () => ({ intent: "review", rating: "5", title: "Good", body: "Good coffee" }), multipart: true },
  {
    name: "review prompt",
    route: "proxy.review-prompt.tsx",
    path: "/proxy/review-prompt",
    action: reviewPrompt.action,
    fields: () => ({ intent: "review", order_id: "1", line_item_id: "1", rating: "5", title: "Good", body: "Good coffee" }),
  },
];

beforeAll(async () => {
  await storeOfflineSession({ accessToken: "shpat_storefront" });
});

beforeEach(async () => {
  await prisma.surveyResponse.deleteMany();
  await prisma.rateLimitHit.deleteMany();
});

describe("every app-proxy endpoint", () => {
  it("is listed here (a new proxy route must get these cases too)", () => {
    const routes = readdirSync(path.resolve(import.meta.dirname, "../../app/routes")).filter((file) => file.startsWith("proxy."));
    expect([...endpoints.map((endpoint) => endpoint.route), ...READ_ONLY_ROUTES].sort()).toEqual(routes.sort());
  });
});

describe.each(endpoints)("$name: body shape", ({ path: urlPath, action, fields, multipart }) => {
  const padded = () => ({ ...fields(), [MARKER]: "x".repeat(ONE_MEGABYTE) });

  it.each([
    ["a 1 MB form", () => new URLSearchParams(padded()).toString(), "application/x-www-form-urlencoded"],
    ["a 1 MB JSON object", () => JSON.stringify(padded()), "application/json"],
  ])("refuses %s with 413 and stores nothing", async (_name, body, type) => {
    const response = await answer(action, post(urlPath, body(), type));
    expect(response.status).toBe(413);
    expect(await databaseText()).not.toContain(MARKER);
  });

  it("refuses a 1 MB body that does not declare its length (streamed) with 413", async () => {
    const chunk = new TextEncoder().encode(`${MARKER}=${"y".repeat(64 * 1024)}&`);
    let sent = 0;
    const stream = new ReadableStream<Uint8Array>({
      pull(controller) {
        if (sent >= ONE_MEGABYTE) return controller.close();
        sent += chunk.byteLength;
        controller.enqueue(chunk);
      },
    });
    const request = new Request(post(urlPath, null, "application/x-www-form-urlencoded"), { method: "POST", body: stream, duplex: "half" } as RequestInit);
    const response = await answer(action, request);
    expect(response.status).toBe(413);
    // It stopped reading early instead of buffering the whole megabyte.
    expect(sent).toBeLessThan(ONE_MEGABYTE);
    expect(await databaseText()).not.toContain(MARKER);
  });

  it.each([
    ["truncated JSON", `{"${MARKER}": "1001", "email": `],
    ["a JSON array", `["${MARKER}"]`],
    ["a JSON string", `"${MARKER}"`],
    ["JSON null", "null"],
  ])("refuses %s with 400 and stores nothing", async (_name, body) => {
    const response = await answer(action, post(urlPath, body, "application/json"));
    expect(response.status).toBe(400);
    expect(await databaseText()).not.toContain(MARKER);
  });

  it("refuses bytes that are not UTF-8 with 400", async () => {
    const bytes = new Uint8Array([...new TextEncoder().encode(`${MARKER}=`), 0xff, 0xfe, 0xc3, 0x28]);
    const response = await answer(action, post(urlPath, bytes, "application/x-www-form-urlencoded"));
    expect(response.status).toBe(400);
    expect(await databaseText()).not.toContain(MARKER);
  });

  it.each([
    ["text/plain", "text/plain"],
    ["multipart/form-data", "multipart/form-data; boundary=x"],
    ["XML", "application/xml"],
    ["no content type", null],
  ])("refuses a body sent as %s with 415 (400 for a broken multipart body where photos are taken) and stores nothing", async (_name, type) => {
    const response = await answer(action, post(urlPath, `${MARKER}=1&${new URLSearchParams(fields())}`, type));
    expect(response.status).toBe(multipart && type?.startsWith("multipart/") ? 400 : 415);
    expect(await databaseText()).not.toContain(MARKER);
  });
});

// ---- Unusual text in every field ----

const PAYLOADS: Array<[string, string]> = [
  ["a right-to-left override", "abc\u202Egpj.exe\u202C"],
  ["zero-width characters", "10\u200B0\u200D\uFEFF1"],
  ["emoji with modifiers", "☕️👍🏽👩‍👩‍👧"],
  ["4-byte characters", "𝒜𝓊𝓉𝑜𝒸𝒶𝓇ℯ 𠜎𠜱"],
  ["a script tag", "<script>alert(document.cookie)</script>"],
  ["an attribute break-out", `"><img src=x onerror=alert(1)>`],
  ["Liquid", "{{ shop.name }}{% render 'x' %}"],
];

/** JSON answers never carry markup a browser would run: the payload either is absent or is JSON-escaped text. */
async function expectInertJson(response: Response): Promise<void> {
  expect(response.headers.get("content-type")).toMatch(/^application\/json/);
  const text = await response.text();
  expect(text).not.toMatch(/<script|<img/i);
}

describe.each([
  { name: "order status", action: orderStatus.action, path: "/proxy/order-status" },
  { name: "order check", action: returns.action, path: "/proxy/returns" },
])("$name: unicode and script payloads", ({ action, path: urlPath }) => {
  const valid = { orderNumber: "1001", email: "rina@example.test" };

  it.each(PAYLOADS.flatMap(([label, payload]) => (["orderNumber", "email"] as const).map((field) => [field, label, payload] as const)))(
    "answers %s containing %s with 422 naming the field, as inert JSON",
    async (field, _label, payload) => {
      const body = new URLSearchParams({ ...valid, [field]: payload });
      const response = await answer(action, post(urlPath, body.toString(), "application/x-www-form-urlencoded"));
      expect(response.status).toBe(422);
      const clone = response.clone();
      await expectInertJson(response);
      expect(Object.keys(((await clone.json()) as { errors: Record<string, string> }).errors)).toEqual([field]);
      expect(await databaseText()).not.toContain(payload);
    },
  );
});

describe("survey answer: unicode and script payloads", () => {
  const submit = (fields: Record<string, string>, asJson = false) =>
    answer(
      survey.action,
      post("/proxy/survey", asJson ? JSON.stringify(fields) : new URLSearchParams(fields).toString(), asJson ? "application/json" : "application/x-www-form-urlencoded", asJson ? { Accept: "application/json" } : {}),
    );

  it.each(PAYLOADS)("refuses %s as the token with 404 and stores nothing", async (_label, payload) => {
    const response = await submit({ token: payload, score: "4", comment: MARKER }, true);
    expect(response.status).toBe(404);
    await expectInertJson(response);
    expect(await prisma.surveyResponse.count()).toBe(0);
  });

  it.each(PAYLOADS)("refuses %s as the score with 422 and stores nothing", async (_label, payload) => {
    const response = await submit({ token: surveyToken(), score: payload, comment: MARKER }, true);
    expect(response.status).toBe(422);
    await expectInertJson(response);
    expect(await databaseText()).not.toContain(MARKER);
  });

  it.each(PAYLOADS)("stores %s in the comment exactly as text and shows it escaped on the survey page", async (_label, payload) => {
    const response = await submit({ token: surveyToken(), score: "4", comment: payload });
    expect(response.status).toBe(200);
    const stored = await prisma.surveyResponse.findUniqueOrThrow({ where: { shop_orderId: { shop: TEST_SHOP, orderId: surveyOrder } } });
    expect(stored.comment).toBe(payload);

    const page = await answer(survey.loader, appProxyRequest(`/proxy/survey?token=${encodeURIComponent(surveyToken())}`));
    expect(page.status).toBe(200);
    const html = await page.text();
    // The page is rendered by the shop's theme as Liquid: neither markup nor Liquid tags may survive.
    expect(html).toContain(`>${escapeForLiquid(payload)}</textarea>`);
    if (/[<>"{}]/.test(payload)) expect(html).not.toContain(payload);
  });

  it("refuses a comment over 1000 characters with 422 and stores nothing", async () => {
    const response = await submit({ token: surveyToken(), score: "4", comment: `${MARKER}${"😀".repeat(1000)}` }, true);
    expect(response.status).toBe(422);
    expect(await databaseText()).not.toContain(MARKER);
  });
});
