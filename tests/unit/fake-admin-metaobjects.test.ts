import { beforeEach, describe, expect, it } from "vitest";
import { createFakeAdmin, type FakeAdmin } from "../support/fake-admin";
import { createSeedShop } from "../support/fake-admin/seed";

const seed = createSeedShop();
const product = seed.products[0].id;

const ENABLE = `mutation Enable($type: String!) {
  standardMetaobjectDefinitionEnable(type: $type) {
    metaobjectDefinition { type name fieldDefinitions { key required type { name } } }
    userErrors { field message code }
  }
}`;
const UPSERT = `mutation Upsert($handle: MetaobjectHandleInput!, $metaobject: MetaobjectUpsertInput!) {
  metaobjectUpsert(handle: $handle, metaobject: $metaobject) {
    metaobject { id handle displayName rating: field(key: "rating") { value jsonValue } }
    userErrors { field message code elementKey }
  }
}`;
const LIST = `query Reviews { metaobjects(type: "product_review", first: 10) { nodes { handle fields { key value } } } }`;
const BY_HANDLE = `query One($handle: MetaobjectHandleInput!) { metaobjectByHandle(handle: $handle) { id title: field(key: "title") { value } } }`;
const DELETE = `mutation Delete($id: ID!) { metaobjectDelete(id: $id) { deletedId userErrors { code message } } }`;

const handle = { type: "product_review", handle: "review-1" };
const fields = (extra: Array<{ key: string; value: string }> = []) => [
  { key: "rating", value: JSON.stringify({ value: "4", scale_min: "1", scale_max: "5" }) },
  { key: "submitted_at", value: "2026-06-09T08:00:00Z" },
  { key: "source", value: "Aftercare" },
  { key: "title", value: "Lovely" },
  { key: "product", value: product },
  ...extra,
];

let fake: FakeAdmin;
beforeEach(() => {
  fake = createFakeAdmin({ shop: seed, accessToken: "shpat_x" });
});

describe("fake Admin API metaobjects", () => {
  it("refuses to write a type whose standard definition is not enabled, then enables it once", async () => {
    const before = await fake.query(UPSERT, { handle, metaobject: { fields: fields() } });
    expect(before.data?.metaobjectUpsert).toMatchObject({ metaobject: null, userErrors: [{ code: "UNDEFINED_OBJECT_TYPE" }] });

    const enabled = await fake.query(ENABLE, { type: "product_review" });
    expect(enabled.data?.standardMetaobjectDefinitionEnable).toMatchObject({ metaobjectDefinition: { type: "product_review" }, userErrors: [] });
    const again = await fake.query(ENABLE, { type: "product_review" });
    expect(again.data?.standardMetaobjectDefinitionEnable).toMatchObject({ userErrors: [{ code: "TAKEN" }] });
    const unknown = await fake.query(ENABLE, { type: "recipe_card" });
    expect(unknown.data?.standardMetaobjectDefinitionEnable).toMatchObject({ metaobjectDefinition: null, userErrors: [{ code: "RECORD_NOT_FOUND" }] });
  });

  it("writes, updates by handle, reads back and deletes an entry", async () => {
    await fake.query(ENABLE, { type: "product_review" });
    const created = await fake.query(UPSERT, { handle, metaobject: { fields: fields() } });
    const id = (created.data?.metaobjectUpsert as { metaobject: { id: string } }).metaobject.id;
    expect(created.data?.metaobjectUpsert).toMatchObject({ metaobject: { handle: "review-1", displayName: "Lovely", rating: { jsonValue: { value: "4", scale_min: "1", scale_max: "5" } } }, userErrors: [] });

    const updated = await fake.query(UPSERT, { handle, metaobject: { fields: [{ key: "title", value: "Even better" }] } });
    expect((updated.data?.metaobjectUpsert as { metaobject: { id: string } }).metaobject.id).toBe(id);
    expect((await fake.query(BY_HANDLE, { handle })).data?.metaobjectByHandle).toEqual({ id, title: { value: "Even better" } });
    const list = (await fake.query(LIST)).data?.metaobjects as { nodes: Array<{ handle: string; fields: Array<{ key: string; value: string | null }> }> };
    expect(list.nodes).toHaveLength(1);
    expect(list.nodes[0].fields.find((field) => field.key === "source")?.value).toBe("Aftercare");

    expect((await fake.query(DELETE, { id })).data?.metaobjectDelete).toEqual({ deletedId: id, userErrors: [] });
    expect((await fake.query(DELETE, { id })).data?.metaobjectDelete).toMatchObject({ deletedId: null, userErrors: [{ code: "RECORD_NOT_FOUND" }] });
    expect((await fake.query(BY_HANDLE, { handle })).data?.metaobjectByHandle).toBeNull();
  });

  it("answers bad field keys, missing required fields and bad values with userErrors, writing nothing", async () => {
    await fake.query(ENABLE, { type: "product_review" });
    const bad = await fake.query(UPSERT, {
      handle,
      metaobject: {
        fields: [
          { key: "stars", value: "5" },
          { key: "rating", value: JSON.stringify({ value: "9", scale_min: "1", scale_max: "5" }) },
          { key: "product", value: "gid://shopify/Product/999999" },
          { key: "media_urls", value: JSON.stringify(["javascript:alert(1)"]) },
        ],
      },
    });
    const result = bad.data?.metaobjectUpsert as { metaobject: null; userErrors: Array<{ code: string; elementKey: string }> };
    expect(result.metaobject).toBeNull();
    expect(result.userErrors.map((error) => [error.code, error.elementKey])).toEqual([
      ["UNDEFINED_OBJECT_FIELD", "stars"],
      ["INVALID_VALUE", "rating"],
      ["INVALID_VALUE", "product"],
      ["INVALID_VALUE", "media_urls"],
      ["OBJECT_FIELD_REQUIRED", "rating"],
      ["OBJECT_FIELD_REQUIRED", "submitted_at"],
      ["OBJECT_FIELD_REQUIRED", "source"],
    ]);
    expect(fake.state.metaobjects.list("product_review")).toEqual([]);
  });

  it("fails a query for a field the schema does not have, as Shopify would", async () => {
    const answer = await fake.query(`query Wrong { metaobjects(type: "product_review", first: 5) { nodes { rating } } }`);
    expect(answer.errors?.[0]?.message).toContain('Cannot query field "rating" on type "Metaobject"');
  });
});
