/**
 * Runs order syncs in the background of the app process, one at a time per shop, with the shop's
 * offline access token. The sync's state lives in the database, so a sync cut short by a restart is
 * picked up again by `resumeOrderSyncs()` (or the next start) from its saved cursor.
 */
import { ApiVersion } from "@shopify/shopify-app-remix/server";
import prisma from "../db.server";
import { createOfflineTransport } from "../shopify/offline-admin.server";
import { createPacedAdmin, systemClock, type Clock } from "../shopify/paced-admin";
import { runOrderSync } from "../shopify/order-sync.server";

/** The Admin API version the whole app speaks (shopify.server.ts configures the same one). */
const API_VERSION = ApiVersion.July26;

export interface OfflineAccess {
  shop: string;
  accessToken?: string;
  /** Comma-separated scopes the shop granted. */
  scope?: string;
}

declare global {
  // eslint-disable-next-line no-var
  var aftercareOrderSyncJobs: Map<string, RunningSync> | undefined;
}

interface RunningSync {
  job: Promise<void>;
  /** Settles once the sync is recorded as running, or the job ended without starting. */
  begun: Promise<void>;
}

const jobs = (globalThis.aftercareOrderSyncJobs ??= new Map<string, RunningSync>());

async function offlineAccess(access: OfflineAccess): Promise<Required<OfflineAccess> | null> {
  if (access.accessToken) return { shop: access.shop, accessToken: access.accessToken, scope: access.scope ?? "" };
  const session = await prisma.session.findFirst({ where: { shop: access.shop, isOnline: false } });
  return session ? { shop: session.shop, accessToken: session.accessToken, scope: session.scope ?? "" } : null;
}

async function runJob(access: OfflineAccess, clock: Clock, onBegun: () => void): Promise<void> {
  const offline = await offlineAccess(access);
  if (!offline) {
    console.warn(`[order-sync] ${access.shop}: no offline session, sync not started`);
    return;
  }
  const admin = createPacedAdmin(createOfflineTransport({ shop: offline.shop, accessToken: offline.accessToken, apiVersion: API_VERSION }), clock);
  try {
    await runOrderSync({ shop: offline.shop, admin, grantedScopes: offline.scope.split(","), clock, onBegun });
  } catch (error) {
    // Recorded on the sync (the dashboard shows it); the saved cursor lets the merchant resume.
    console.warn(`[order-sync] ${offline.shop}: ${error instanceof Error ? error.message : String(error)}`);
  }
}

/** Starts the shop's sync unless one is already running in this process; returns the running job. */
export function startOrderSyncJob(access: OfflineAccess, clock: Clock = systemClock): Promise<void> {
  return startSync(access, clock).job;
}

/**
 * Starts the shop's sync and waits only until it is recorded as running: a page that asked for it then
 * shows the progress at once, while the copying goes on in the background.
 */
export async function beginOrderSyncJob(access: OfflineAccess, clock: Clock = systemClock): Promise<void> {
  await startSync(access, clock).begun;
}

function startSync(access: OfflineAccess, clock: Clock): RunningSync {
  const current = jobs.get(access.shop);
  if (current) return current;
  let markBegun = () => {};
  const begun = new Promise<void>((resolve) => (markBegun = resolve));
  const job = runJob(access, clock, markBegun).finally(() => {
    markBegun();
    jobs.delete(access.shop);
  });
  const running = { job, begun };
  jobs.set(access.shop, running);
  return running;
}

/** For the afterAuth hook: a newly installed shop gets its orders copied, without delaying the install. */
export function startInitialSync(session: OfflineAccess): void {
  void startOrderSyncJob(session);
}

/** The running job for a shop, if any (tests and graceful shutdown wait on it). */
export function orderSyncJob(shop: string): Promise<void> | undefined {
  return jobs.get(shop)?.job;
}

/** At boot: carries on every sync a previous process left running. */
export async function resumeOrderSyncs(): Promise<number> {
  const unfinished = await prisma.orderSync.findMany({ where: { state: "running" }, select: { shop: true } });
  for (const { shop } of unfinished) void startOrderSyncJob({ shop });
  return unfinished.length;
}
