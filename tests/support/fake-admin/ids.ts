/** Shopify global ids: `gid://shopify/Order/5810001001`. */
const GID = /^gid:\/\/shopify\/([A-Za-z]+)\/([^/?]+)/;

export function parseGid(id: string): { type: string; legacyId: string } | null {
  const match = GID.exec(id);
  return match ? { type: match[1], legacyId: match[2] } : null;
}

export function legacyIdOf(id: string): string | null {
  return parseGid(id)?.legacyId ?? null;
}
