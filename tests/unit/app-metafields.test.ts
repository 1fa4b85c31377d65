import { beforeEach, describe, expect, it } from "vitest";
import type { AdminGraphql } from "~/shopify/admin-graphql";
import {
  AppMetafieldValueError,
  AppMetafieldsSetError,
  METAFIELD_VALUE_LIMITS,
  getAppInstallationId,
  publishAppMetafields,
  publishFailureReason,
  type AppMetafieldEntry,
} from "~/shopify/app-metafields.server";
import { createFakeAdmin, type FakeAdmin } from "../support/fake-admin";
import { createSeedShop } from "../support/fake-admin/seed";

let fake: FakeAdmin;
let graphql: AdminGraphql;

beforeEach(() => {
  fake = createFakeAdmin({ shop: createSeedShop({ orderCount: 5 }) });
  // The Admin client the app gets from `authenticate.admin`, bound to the fake.
  graphql = async (query, options) => new Response(JSON.stringify(await fake.query(query, options?.variables)));
});

const setCalls = () => fake.requests.filter((request) => request.operationName === "AppMetafieldsSet");
const stored = (namespace: string, key: string) =>
  fake.state.metafields.get(fake.state.appInstallation.id, namespace, key);

const jsonEntry = (key: string, value: unknown): AppMetafieldEntry => ({
  namespace: "aftercare",
  key,
  type: "json",
  value: JSON.stringify(value),
});

/** A JSON string value of exactly `bytes` bytes in UTF-8. */
const jsonOfBytes = (bytes: number, filler = "a") => `"${filler.repeat((bytes - 2) / Buffer.byteLength(filler))}"`;

describe("getAppInstallationId", () => {
  it("returns the installation that owns the app's data in this shop", async () => {
    expect(await getAppInstallationId(graphql)).toBe(fake.state.appInstallation.id);
  });
});

describe("publishAppMetafields", () => {
  it("stores each value on the app installation, readable as app.metafields.<namespace>.<key>", async () => {
    const published = await publishAppMetafields(graphql, [
      jsonEntry("shipping", { version: 1, zones: ["eu"] }),
      { namespace: "aftercare", key: "return_days", type: "number_integer", value: "30" },
    ]);

    expect(published.map(({ namespace, key }) => `${namespace}.${key}`)).toEqual(["aftercare.shipping", "aftercare.return_days"]);
    expect(JSON.parse(stored("aftercare", "shipping")!.value)).toEqual({ version: 1, zones: ["eu"] });
    expect(stored("aftercare", "return_days")).toMatchObject({ type: "number_integer", value: "30" });
  });

  it("splits 60 metafields into calls of at most 25, and every one arrives", async () => {
    const entries = Array.from({ length: 60 }, (_, index) => jsonEntry(`entry_${index}`, { index }));

    const published = await publishAppMetafields(graphql, entries);

    expect(setCalls().map((call) => (call.variables?.metafields as unknown[]).length)).toEqual([25, 25, 10]);
    expect(published).toHaveLength(60);
    expect(fake.state.appInstallationMetafields).toHaveLength(60);
    expect(JSON.parse(stored("aftercare", "entry_59")!.value)).toEqual({ index: 59 });
  });

  it("asks for the installation id once, or not at all when given", async () => {
    await publishAppMetafields(graphql, Array.from({ length: 30 }, (_, i) => jsonEntry(`k_${i}`, i)));
    expect(fake.requests.filter((request) => request.operationName === "AppInstallationId")).toHaveLength(1);

    fake.requests.length = 0;
    await publishAppMetafields(graphql, [jsonEntry("again", 1)], { ownerId: fake.state.appInstallation.id });
    expect(fake.requests.map((request) => request.operationName)).toEqual(["AppMetafieldsSet"]);
  });

  it("accepts a JSON value of exactly 128 KB and refuses one byte more before sending anything", async () => {
    const limit = METAFIELD_VALUE_LIMITS.json;
    expect(limit).toBe(131_072);

    await publishAppMetafields(graphql, [{ ...jsonEntry("big", null), value: jsonOfBytes(limit) }]);
    expect(stored("aftercare", "big")!.value).toHaveLength(limit);

    fake.requests.length = 0;
    const tooBig = [jsonEntry("small", 1), { ...jsonEntry("big", null), value: jsonOfBytes(limit + 2) }];
    const error = await publishAppMetafields(graphql, tooBig).catch((thrown: unknown) => thrown);

    expect(error).toBeInstanceOf(AppMetafieldValueError);
    expect((error as Error).message).toMatch(/aftercare\.big is 131,074 bytes, over Shopify's limit of 131,072 bytes \(128 KB\) for json metafields/);
    expect(fake.requests).toHaveLength(0);
    expect(stored("aftercare", "small")).toBeNull();
  });

  it("counts bytes, not characters: 64 KB of two-byte letters is too long for a text field", async () => {
    const text = "é".repeat(40_000); // 40,000 characters, 80,000 bytes
    const entry: AppMetafieldEntry = { namespace: "aftercare", key: "note", type: "multi_line_text_field", value: text };

    await expect(publishAppMetafields(graphql, [entry])).rejects.toThrow(/80,000 bytes, over Shopify's limit of 65,536 bytes \(64 KB\)/);
  });

  it("refuses text that is not JSON for a json metafield, and a key Shopify would not take", async () => {
    await expect(publishAppMetafields(graphql, [{ ...jsonEntry("shipping", null), value: "{not json" }])).rejects.toThrow(
      /aftercare\.shipping is not valid JSON/,
    );
    await expect(publishAppMetafields(graphql, [jsonEntry("has space", 1)])).rejects.toThrow(AppMetafieldValueError);
    expect(fake.requests).toHaveLength(0);
  });

  it("throws Shopify's userErrors, pointing at the entry in the whole list, and says what is already live", async () => {
    const entries = Array.from({ length: 30 }, (_, index) => jsonEntry(`entry_${index}`, index));
    entries[27] = { namespace: "aftercare", key: "count", type: "number_integer", value: "twelve" };

    const error = await publishAppMetafields(graphql, entries).catch((thrown: unknown) => thrown);

    expect(error).toBeInstanceOf(AppMetafieldsSetError);
    const setError = error as AppMetafieldsSetError;
    expect(setError.userErrors).toEqual([
      expect.objectContaining({ code: "INVALID_VALUE", elementIndex: 27, message: "Value must be an integer." }),
    ]);
    expect(setError.published).toHaveLength(25);
    expect(stored("aftercare", "entry_0")).not.toBeNull();
    expect(stored("aftercare", "entry_25")).toBeNull(); // the refused call wrote nothing
    expect(publishFailureReason(error)).toMatch(/Value must be an integer/);
  });

  it("reports a Shopify outage as a reason to retry, and lets an auth response through", async () => {
    fake.failNext(1, "throttled");
    const throttled = await publishAppMetafields(graphql, [jsonEntry("shipping", 1)]).catch((thrown: unknown) => thrown);

    expect(publishFailureReason(throttled)).toMatch(/throttled/i);
    expect(publishFailureReason(new Response(null, { status: 502, statusText: "Bad Gateway" }))).toBe("Shopify answered 502 Bad Gateway");
    expect(publishFailureReason(new Response(null, { status: 401 }))).toBeNull();
    expect(publishFailureReason(new TypeError("x is undefined"))).toBeNull();
  });

  it("does nothing for an empty list", async () => {
    expect(await publishAppMetafields(graphql, [])).toEqual([]);
    expect(fake.requests).toHaveLength(0);
  });
});
