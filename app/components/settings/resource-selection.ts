/**
 * Products and collections a merchant chose with App Bridge's resource picker, as a settings draft
 * holds them: the id exactly as the rules store it (a GID, or the numeric id older saves hold) and the
 * title to show. Pure, so the page, the loader and the action read a selection the same way.
 */

export type ResourceType = "product" | "collection";

export interface ChosenResource {
  /** As stored in the rules: "gid://shopify/Collection/42" or "42". */
  id: string;
  /** Empty when Shopify no longer knows the resource (deleted since it was chosen). */
  title: string;
}

/** What the picker resolves to, reduced to what the draft needs. */
export interface PickedResource {
  id: string;
  title?: string | null;
}

const GID_TYPES: Record<ResourceType, string> = { product: "Product", collection: "Collection" };

/** The GID of a stored id: "42" → "gid://shopify/Collection/42"; a GID stays as it is. */
export function resourceGid(type: ResourceType, id: string): string {
  return id.startsWith("gid://") ? id : `gid://shopify/${GID_TYPES[type]}/${id}`;
}

/** The picker's `selectionIds`, so what is already chosen shows ticked. */
export function selectionIdsFor(type: ResourceType, chosen: readonly ChosenResource[]): Array<{ id: string }> {
  return chosen.map((item) => ({ id: resourceGid(type, item.id) }));
}

/**
 * The list after the picker closed: undefined (cancelled) changes nothing; otherwise the selection, in
 * its order, with the stored id kept for anything chosen before (so an unchanged save stores the same
 * ids) and the picker's fresh title.
 */
export function chosenFromSelection(
  type: ResourceType,
  current: readonly ChosenResource[],
  selection: readonly PickedResource[] | undefined | null,
): ChosenResource[] {
  if (!selection) return [...current];
  const stored = new Map(current.map((item) => [resourceGid(type, item.id), item]));
  const seen = new Set<string>();
  const chosen: ChosenResource[] = [];
  for (const picked of selection) {
    const gid = resourceGid(type, picked.id);
    if (seen.has(gid)) continue;
    seen.add(gid);
    const before = stored.get(gid);
    chosen.push({ id: before?.id ?? gid, title: picked.title?.trim() || before?.title || "" });
  }
  return chosen;
}

export function withoutResource(current: readonly ChosenResource[], id: string): ChosenResource[] {
  return current.filter((item) => item.id !== id);
}

/** Stored ids with their titles (looked up by GID); an id Shopify does not know gets an empty title. */
export function withTitles(type: ResourceType, ids: readonly string[], titles: Readonly<Record<string, string>>): ChosenResource[] {
  return ids.map((id) => ({ id, title: titles[resourceGid(type, id)] ?? "" }));
}

/** GID → title of what a draft shows, to give a saved draft back its titles. */
export function titlesOf(type: ResourceType, chosen: readonly ChosenResource[]): Record<string, string> {
  const titles: Record<string, string> = {};
  for (const item of chosen) if (item.title) titles[resourceGid(type, item.id)] = item.title;
  return titles;
}

/** The numeric id at the end of a GID or a stored id ("gid://shopify/Collection/42" → "42"). */
export function legacyResourceId(id: string): string {
  return id.slice(id.lastIndexOf("/") + 1);
}
