/**
 * The test suite's signing helpers (tests/support/signing.ts) against Shopify's own published digests
 * (tests/fixtures/vectors, sources in tests/fixtures/SOURCES.md): a request they sign is one Shopify
 * could have sent.
 */
import { readFileSync } from "node:fs";
import path from "node:path";
import { describe, expect, it } from "vitest";
import { appProxySignature, webhookHmac } from "../support/signing";

const vectors = <T>(file: string): T[] =>
  (JSON.parse(readFileSync(path.resolve(import.meta.dirname, "../fixtures/vectors", file), "utf8")) as { vectors: T[] }).vectors;

interface WebhookVector {
  source: string;
  secret: string;
  raw_body: string;
  x_shopify_hmac_sha256: string;
  expect: string;
}

interface AppProxyVector {
  source: string;
  secret: string;
  query_string: string;
  query_string_alt_order?: string;
  message?: string;
  signature?: string;
  expect: string;
}

const webhookVectors = vectors<WebhookVector>("webhook-hmac.json");
const proxyVectors = vectors<AppProxyVector>("app-proxy-signature.json");
const isValid = (vector: { expect: string }) => vector.expect.startsWith("valid");

describe("webhookHmac", () => {
  it.each(webhookVectors.filter(isValid).map((vector) => [vector.source, vector] as const))("gives Shopify's digest: %s", (_source, vector) => {
    expect(webhookHmac(vector.raw_body, vector.secret)).toBe(vector.x_shopify_hmac_sha256);
  });

  it.each(webhookVectors.filter((vector) => !isValid(vector)).map((vector) => [vector.source, vector] as const))(
    "does not give the refused header: %s",
    (_source, vector) => {
      expect(webhookHmac(vector.raw_body, vector.secret)).not.toBe(vector.x_shopify_hmac_sha256);
    },
  );
});

describe("appProxySignature", () => {
  const signed = proxyVectors.filter((vector) => isValid(vector) && vector.signature);

  it("covers every valid vector", () => {
    expect(signed.length).toBe(proxyVectors.filter(isValid).length);
    expect(signed.length).toBeGreaterThanOrEqual(6);
  });

  it.each(signed.map((vector) => [vector.source, vector] as const))("gives Shopify's signature: %s", (_source, vector) => {
    for (const query of [vector.query_string, vector.query_string_alt_order].filter((q): q is string => !!q)) {
      const params = new URLSearchParams(query);
      expect(params.get("signature")).toBe(vector.signature);
      expect(appProxySignature(params, vector.secret)).toBe(vector.signature);
    }
  });

  it.each(proxyVectors.filter((vector) => !isValid(vector)).map((vector) => [vector.source, vector] as const))(
    "gives no signature the query carries when Shopify would refuse it: %s",
    (_source, vector) => {
      const params = new URLSearchParams(vector.query_string);
      const carried = params.get("signature");
      if (carried !== null) expect(appProxySignature(params, vector.secret)).not.toBe(carried);
      else expect(vector.expect).toMatch(/no signature/);
    },
  );
});
