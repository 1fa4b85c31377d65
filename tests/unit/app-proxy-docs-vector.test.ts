/**
 * Shopify's documented app-proxy requests (tests/fixtures/vectors/app-proxy-signature.json, shared
 * secret "hush") through the app's real `authenticate.public.appProxy`: the app, configured with that
 * secret, accepts them as Shopify forwards them and refuses them once a parameter is changed.
 */
import { readFileSync } from "node:fs";
import path from "node:path";
import { afterEach, describe, expect, it, vi } from "vitest";

interface AppProxyVector {
  source: string;
  secret: string;
  query_string: string;
  signature?: string;
  expect: string;
}

const DOCS_SECRET = "hush";
const docsVectors = (
  JSON.parse(readFileSync(path.resolve(import.meta.dirname, "../fixtures/vectors/app-proxy-signature.json"), "utf8")) as { vectors: AppProxyVector[] }
).vectors.filter((vector) => vector.secret === DOCS_SECRET && vector.expect.startsWith("valid"));

// The app reads its secret once, when shopify.server is first imported: this file's app uses the docs' secret.
process.env.SHOPIFY_API_SECRET = DOCS_SECRET;
const { authenticate } = await import("../../app/shopify.server");

/** The request as Shopify forwards it to the app's proxy URL (the docs' path below /proxy). */
const forwarded = (query: string) => new Request(`https://proxy-domain.com/proxy/extra/path/components?${query}`, { headers: { "X-Forwarded-For": "123.123.123.123" } });

async function statusOf(request: Request): Promise<number> {
  try {
    await authenticate.public.appProxy(request);
    return 200;
  } catch (thrown) {
    if (thrown instanceof Response) return thrown.status;
    throw thrown;
  }
}

/** Stands the clock a few seconds after the vector's timestamp (the library allows 90 s either way). */
function atTimestampOf(query: string): void {
  vi.useFakeTimers({ toFake: ["Date"] });
  vi.setSystemTime(Number(new URLSearchParams(query).get("timestamp")) * 1000 + 5_000);
}

afterEach(() => {
  vi.useRealTimers();
});

describe("authenticate.public.appProxy on Shopify's documented requests", () => {
  it("has the docs' vectors to check", () => {
    expect(docsVectors.length).toBeGreaterThanOrEqual(3);
  });

  it.each(docsVectors.map((vector) => [vector.source, vector] as const))("accepts %s", async (_source, vector) => {
    atTimestampOf(vector.query_string);
    expect(await statusOf(forwarded(vector.query_string))).toBe(200);
  });

  it.each(docsVectors.map((vector) => [vector.source, vector] as const))("refuses %s with a parameter changed after signing", async (_source, vector) => {
    atTimestampOf(vector.query_string);
    const params = new URLSearchParams(vector.query_string);
    params.set("shop", "another-shop.myshopify.com");
    expect(await statusOf(forwarded(params.toString()))).toBe(400);
  });

  it("refuses the logged-in request posing as another customer, and the genuine one 10 minutes late", async () => {
    const [loggedIn] = docsVectors;
    atTimestampOf(loggedIn.query_string);
    const posing = new URLSearchParams(loggedIn.query_string);
    posing.set("logged_in_customer_id", "2");
    expect(await statusOf(forwarded(posing.toString()))).toBe(400);

    vi.setSystemTime(Number(posing.get("timestamp")) * 1000 + 600_000);
    expect(await statusOf(forwarded(loggedIn.query_string))).toBe(400);
  });
});
