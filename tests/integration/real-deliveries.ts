/**
 * Real webhook bodies (tests/fixtures/webhooks, see tests/fixtures/SOURCES.md) delivered as Shopify
 * delivers them: the file's bytes untouched as the body, signed with HMAC-SHA256 of those bytes (base64),
 * with the headers of Shopify's documented example (tests/fixtures/vectors/webhook-headers.json).
 */
import { createHmac, randomUUID } from "node:crypto";
import { readFileSync } from "node:fs";
import path from "node:path";
import { appUrl } from "../support/app-requests";
import { TEST_API_SECRET, TEST_SHOP } from "../support/test-env";

const fixtures = path.resolve(import.meta.dirname, "../fixtures");

/** A fixture's raw bytes, as Shopify would send them. */
export function realBody(file: string): Buffer {
  return readFileSync(path.join(fixtures, "webhooks", file));
}

interface DocsHeaders {
  docs_example: Record<string, string>;
}

const docsExample = (JSON.parse(readFileSync(path.join(fixtures, "vectors/webhook-headers.json"), "utf8")) as DocsHeaders).docs_example;

/** The topic a fixture is for, from its name: "orders-create.x.json" is orders/create. */
export function topicOf(file: string): string {
  return file.split(".")[0].replace("-", "/");
}

/**
 * A delivery of `body` for `topic`: the docs example's headers (API version, trigger time, event id),
 * with this delivery's topic, shop, webhook id and HMAC. X-Shopify-Name, optional and shown only as a
 * placeholder in the docs, is left out.
 */
export function realDelivery(topic: string, body: Buffer, options: { shop?: string; webhookId?: string } = {}): Request {
  const headers = new Headers({ ...docsExample, "Content-Type": "application/json" });
  headers.delete("X-Shopify-Name");
  headers.set("X-Shopify-Topic", topic);
  headers.set("X-Shopify-Shop-Domain", options.shop ?? TEST_SHOP);
  headers.set("X-Shopify-Webhook-Id", options.webhookId ?? randomUUID());
  headers.set("X-Shopify-Hmac-Sha256", createHmac("sha256", TEST_API_SECRET).update(body).digest("base64"));
  return new Request(appUrl(`/webhooks/${topic}`), { method: "POST", headers, body: new Uint8Array(body) });
}

type Action = (args: { request: Request; params: Record<string, string>; context: Record<string, unknown> }) => Promise<Response>;

/** The HTTP status of a delivery, whether the route returned its answer or threw it. */
export async function statusOf(action: Action, request: Request): Promise<number> {
  try {
    return (await action({ request, params: {}, context: {} })).status;
  } catch (thrown) {
    if (thrown instanceof Response) return thrown.status;
    throw thrown;
  }
}
