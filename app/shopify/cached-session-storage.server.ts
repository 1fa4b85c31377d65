import type { Session } from "@shopify/shopify-api";
import { LRUCache } from "lru-cache";

/** The session storage interface shopifyApp takes (what PrismaSessionStorage implements). */
export interface SessionStorage {
  storeSession(session: Session): Promise<boolean>;
  loadSession(id: string): Promise<Session | undefined>;
  deleteSession(id: string): Promise<boolean>;
  deleteSessions(ids: string[]): Promise<boolean>;
  findSessionsByShop(shop: string): Promise<Session[]>;
}

/**
 * Every storefront request through the app proxy, and every webhook, starts by loading the shop's offline
 * session. Each instance keeps the sessions it has read for SESSION_CACHE_TTL_MS, so a busy shop costs one
 * session query per instance every few seconds instead of one per request.
 * - What this instance writes or deletes through the storage (token exchange, uninstall, redaction) it
 *   sees at once: the cache is updated or dropped in the same call.
 * - What another instance writes, this one sees within the TTL. The cases that matter are safe: after an
 *   uninstall Shopify stops routing the shop's proxy and its token is dead anyway; a fresh token after a
 *   reinstall replaces the old one here within seconds.
 * - A missing session is never remembered, so a shop that has just installed is seen at once everywhere.
 */
export const SESSION_CACHE_TTL_MS = 5_000;

const cache = new LRUCache<string, Session>({ max: 10_000, ttl: SESSION_CACHE_TTL_MS });

/** Drops a shop's cached sessions: for writes that go around the storage (a transaction deleting rows). */
export function forgetShopSessions(shop: string): void {
  for (const [id, session] of cache.entries()) if (session.shop === shop) cache.delete(id);
}

export class CachedSessionStorage implements SessionStorage {
  constructor(private readonly storage: SessionStorage) {}

  async storeSession(session: Session): Promise<boolean> {
    cache.delete(session.id);
    const stored = await this.storage.storeSession(session);
    if (stored) cache.set(session.id, session);
    return stored;
  }

  async loadSession(id: string): Promise<Session | undefined> {
    const cached = cache.get(id);
    if (cached) return cached;
    const session = await this.storage.loadSession(id);
    if (session) cache.set(id, session);
    return session;
  }

  async deleteSession(id: string): Promise<boolean> {
    cache.delete(id);
    return this.storage.deleteSession(id);
  }

  async deleteSessions(ids: string[]): Promise<boolean> {
    for (const id of ids) cache.delete(id);
    return this.storage.deleteSessions(ids);
  }

  findSessionsByShop(shop: string): Promise<Session[]> {
    return this.storage.findSessionsByShop(shop);
  }
}
