import { beforeEach, describe, expect, it } from "vitest";
import { createFakeAdmin, DEFAULT_API_CLIENT_ID, type FakeAdmin } from "../support/fake-admin";
import { checkMetafieldValue } from "../support/fake-admin/metafields";
import { createSeedShop } from "../support/fake-admin/seed";

const seed = createSeedShop();
const APP_NAMESPACE = `app--${DEFAULT_API_CLIENT_ID}`;

const SET = `#graphql
  mutation SetMetafields($metafields: [MetafieldsSetInput!]!) {
    metafieldsSet(metafields: $metafields) {
      metafields { id namespace key type value jsonValue ownerType owner { __typename } }
      userErrors { field message code elementIndex }
    }
  }`;

const READ = `#graphql
  query AppSettings {
    currentAppInstallation {
      id
      shipping: metafield(key: "shipping") { value jsonValue type }
      metafields(first: 10) { nodes { namespace key } }
    }
  }`;

interface SetResult {
  metafieldsSet: {
    metafields: Array<Record<string, unknown>>;
    userErrors: Array<{ field: string[]; message: string; code: string; elementIndex: number }>;
  };
}

let fake: FakeAdmin;
let installationId: string;
beforeEach(async () => {
  fake = createFakeAdmin({ shop: seed });
  const answer = await fake.query("query Installation { currentAppInstallation { id } }");
  installationId = (answer.data as { currentAppInstallation: { id: string } }).currentAppInstallation.id;
});

const setMetafields = async (metafields: Array<Record<string, unknown>>) =>
  (await fake.query(SET, { metafields })).data as unknown as SetResult;

describe("metafieldsSet on the app installation", () => {
  it("stores app-owned metafields and reads them back through currentAppInstallation", async () => {
    const settings = { cutoff: "14:00", zones: [{ country: "ID", days: [2, 4] }] };
    const result = await setMetafields([
      { ownerId: installationId, namespace: "$app", key: "shipping", type: "json", value: JSON.stringify(settings) },
      { ownerId: installationId, key: "banner_text", type: "single_line_text_field", value: "Order by 14:00 for same-day dispatch" },
    ]);
    expect(result.metafieldsSet.userErrors).toEqual([]);
    expect(result.metafieldsSet.metafields[0]).toMatchObject({
      namespace: APP_NAMESPACE,
      key: "shipping",
      type: "json",
      jsonValue: settings,
      ownerType: "API_PERMISSION",
      owner: { __typename: "AppInstallation" },
    });

    const read = await fake.query(READ);
    expect(read.data).toEqual({
      currentAppInstallation: {
        id: installationId,
        shipping: { value: JSON.stringify(settings), jsonValue: settings, type: "json" },
        metafields: {
          nodes: [
            { namespace: APP_NAMESPACE, key: "shipping" },
            { namespace: APP_NAMESPACE, key: "banner_text" },
          ],
        },
      },
    });
    expect(fake.state.appInstallationMetafields.map((metafield) => metafield.key)).toEqual(["shipping", "banner_text"]);
  });

  it("updates in place: same id, new value", async () => {
    const first = await setMetafields([{ ownerId: installationId, key: "stars", type: "number_integer", value: "4" }]);
    const second = await setMetafields([{ ownerId: installationId, key: "stars", value: "5" }]);
    expect(second.metafieldsSet.metafields[0]).toMatchObject({ id: first.metafieldsSet.metafields[0].id, value: "5", jsonValue: 5 });
    expect(fake.state.appInstallationMetafields).toHaveLength(1);
  });

  it("rejects a value that does not fit its type, names the input, and writes nothing", async () => {
    const result = await setMetafields([
      { ownerId: installationId, key: "ok_value", type: "single_line_text_field", value: "fine" },
      { ownerId: installationId, key: "count", type: "number_integer", value: "twelve" },
    ]);
    expect(result.metafieldsSet.metafields).toEqual([]);
    expect(result.metafieldsSet.userErrors).toEqual([
      { field: ["metafields", "1", "value"], message: "Value must be an integer.", code: "INVALID_VALUE", elementIndex: 1 },
    ]);
    expect(fake.state.appInstallationMetafields).toEqual([]);
  });

  it("requires a type for a new metafield and an owner that exists", async () => {
    const result = await setMetafields([
      { ownerId: installationId, key: "untyped", value: "x" },
      { ownerId: "gid://shopify/Product/1", key: "rating", type: "rating", value: '{"value":"4.5","scale_min":"1","scale_max":"5"}' },
    ]);
    expect(result.metafieldsSet.userErrors.map(({ field, code }) => ({ field, code }))).toEqual([
      { field: ["metafields", "0", "type"], code: "BLANK" },
      { field: ["metafields", "1", "ownerId"], code: "INVALID" },
    ]);
  });

  it("stores review ratings on products, readable through product.metafield", async () => {
    const product = seed.products[0];
    const rating = { value: "4.6", scale_min: "1", scale_max: "5" };
    const result = await setMetafields([
      { ownerId: product.id, namespace: "$app:reviews", key: "rating", type: "rating", value: JSON.stringify(rating) },
      { ownerId: product.id, namespace: "$app:reviews", key: "rating_count", type: "number_integer", value: "27" },
    ]);
    expect(result.metafieldsSet.userErrors).toEqual([]);
    const answer = await fake.query(
      `query ProductRating($id: ID!) { product(id: $id) { metafield(namespace: "$app:reviews", key: "rating") { namespace jsonValue } } }`,
      { id: product.id },
    );
    expect(answer.data).toEqual({
      product: { metafield: { namespace: `${APP_NAMESPACE}--reviews`, jsonValue: rating } },
    });
  });

  it("deletes metafields with metafieldsDelete", async () => {
    await setMetafields([{ ownerId: installationId, key: "banner", type: "single_line_text_field", value: "Hello" }]);
    const answer = await fake.query(
      `mutation Delete($metafields: [MetafieldIdentifierInput!]!) {
        metafieldsDelete(metafields: $metafields) { deletedMetafields { key namespace ownerId } userErrors { message } }
      }`,
      { metafields: [{ ownerId: installationId, namespace: APP_NAMESPACE, key: "banner" }, { ownerId: installationId, namespace: APP_NAMESPACE, key: "missing" }] },
    );
    expect(answer.data).toEqual({
      metafieldsDelete: { deletedMetafields: [{ key: "banner", namespace: APP_NAMESPACE, ownerId: installationId }, null], userErrors: [] },
    });
    expect(fake.state.appInstallationMetafields).toEqual([]);
  });
});

describe("metafield value checks", () => {
  it.each([
    ["single_line_text_field", "one line", null],
    ["single_line_text_field", "two\nlines", "INVALID_VALUE"],
    ["multi_line_text_field", "two\nlines", null],
    ["number_integer", "42", null],
    ["number_integer", "4.2", "INVALID_VALUE"],
    ["number_decimal", "4.2", null],
    ["boolean", "yes", "INVALID_VALUE"],
    ["json", '{"a":1}', null],
    ["json", "{a:1}", "INVALID_VALUE"],
    ["rating", '{"value":"6","scale_min":"1","scale_max":"5"}', "INVALID_VALUE"],
    ["rating", '{"value":"3.5","scale_min":"1","scale_max":"5"}', null],
    ["date", "2026-11-23", null],
    ["url", "javascript:alert(1)", "INVALID_VALUE"],
    ["list.single_line_text_field", '["a","b"]', null],
    ["list.single_line_text_field", '"a"', "INVALID_VALUE"],
    ["color", "#12ab9f", null],
    ["made_up_type", "x", "INVALID_TYPE"],
  ])("%s %j → %s", (type, value, code) => {
    expect(checkMetafieldValue(type, value)?.code ?? null).toBe(code);
  });
});
