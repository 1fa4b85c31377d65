/**
 * What the demo's stand-in resource picker lists: the fake shop's products or collections, served to
 * the App Bridge stand-in at /__demo/resources?type=product|collection (Shopify's admin reads its own
 * catalogue for the real picker).
 */
import { shopCollections } from "../../tests/support/fake-admin/collections";
import type { FakeAdminState } from "../../tests/support/fake-admin/state";

export interface PickerResource {
  id: string;
  title: string;
  handle: string;
}

/** The resources of one type, by title; null for a type the picker does not offer. */
export function pickerResources(state: FakeAdminState, type: string | null): PickerResource[] | null {
  const records = type === "product" ? state.seed.products : type === "collection" ? shopCollections(state) : null;
  if (!records) return null;
  return records
    .map(({ id, title, handle }) => ({ id, title, handle }))
    .sort((a, b) => a.title.localeCompare(b.title, "en"));
}
