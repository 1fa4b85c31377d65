import type { AdminGraphql } from "../shopify/admin-graphql";
import { unauthenticated } from "../shopify.server";
import {
  getShippingSettings,
  listShopsWithShippingSettings,
  needsRepublish,
  publishAndRecord,
} from "../models/shipping/settings.server";

/**
 * Keeps every shop's published shipping calendar starting today. Run it daily (and as often as you
 * like: a shop whose calendar already starts today, from its latest rules, is left alone).
 */

export interface RepublishShippingOptions {
  /** The clock; tests and the demo pass a fixed instant. */
  now?: Date;
  /** An Admin client for a shop's offline session. */
  adminFor?: (shop: string) => Promise<AdminGraphql>;
  /** Limit the run to these shops (default: every installed shop with shipping settings). */
  shops?: readonly string[];
}

export interface RepublishShippingReport {
  published: string[];
  /** Already current. */
  unchanged: string[];
  failed: Array<{ shop: string; reason: string }>;
}

async function offlineAdmin(shop: string): Promise<AdminGraphql> {
  const { admin } = await unauthenticated.admin(shop);
  return admin.graphql;
}

export async function republishShippingCalendars(options: RepublishShippingOptions = {}): Promise<RepublishShippingReport> {
  const now = options.now ?? new Date();
  const adminFor = options.adminFor ?? offlineAdmin;
  const report: RepublishShippingReport = { published: [], unchanged: [], failed: [] };
  const shops = options.shops ?? (await listShopsWithShippingSettings());

  for (const shop of shops) {
    try {
      const settings = await getShippingSettings(shop);
      if (!settings) continue;
      if (!needsRepublish(settings, now)) {
        report.unchanged.push(shop);
        continue;
      }
      const outcome = await publishAndRecord(shop, await adminFor(shop), settings.rules, now);
      if (outcome.published) report.published.push(shop);
      else report.failed.push({ shop, reason: outcome.reason });
    } catch (error) {
      // One shop's trouble (a revoked token, a bug in its data) must not stop the others.
      const reason = error instanceof Response ? `Shopify answered ${error.status}` : error instanceof Error ? error.message : String(error);
      report.failed.push({ shop, reason });
    }
  }
  return report;
}
