/**
 * Sends queued Flow trigger events to Shopify (`flowTriggerReceive`) with each shop's offline session.
 * Claims rows as the email outbox does (one UPDATE to `sending` with a claim token and a lease; on
 * PostgreSQL `FOR UPDATE SKIP LOCKED`), so two workers never send one event and a rerun never sends a
 * sent one again. A failure (Shopify's userErrors, no offline session, a network error) goes back to
 * `pending` with the outbox's backoff; after the last attempt the row is `failed` and kept.
 */
import { randomUUID } from "node:crypto";
import { Prisma } from "@prisma/client";
import prisma, { databaseEngine } from "../db.server";
import { offlineTransportFor } from "../models/billing/plan.server";
import { afterFailedAttempt, SEND_LEASE_MS } from "../models/email/outbox-policy";
import type { ResultOf } from "../shopify/admin-graphql";
import type { AdminTransport } from "../shopify/admin-transport";

export const FLOW_TRIGGER_RECEIVE = `#graphql
  mutation FlowTriggerReceive($handle: String, $payload: JSON) {
    flowTriggerReceive(handle: $handle, payload: $payload) {
      userErrors {
        field
        message
      }
    }
  }
`;

export interface FlowSendOptions {
  now?: Date;
  limit?: number;
  /** The shop's offline Admin transport (default: from its stored offline session). */
  transportFor?: (shop: string) => Promise<AdminTransport | null>;
}

export interface FlowSendReport {
  claimed: number;
  sent: number;
  retrying: number;
  failed: number;
}

function claimable(now: Date): Prisma.FlowEventWhereInput {
  return {
    OR: [
      { status: "pending", availableAt: { lte: now } },
      { status: "sending", leaseExpiresAt: { lt: now } },
    ],
  };
}

async function claim(token: string, now: Date, limit: number): Promise<number> {
  const leaseExpiresAt = new Date(now.getTime() + SEND_LEASE_MS);
  if (databaseEngine() === "postgresql") {
    return prisma.$executeRaw`
      UPDATE "FlowEvent"
      SET "status" = 'sending', "claimToken" = ${token}, "leaseExpiresAt" = ${leaseExpiresAt}, "attempts" = "attempts" + 1
      WHERE "id" IN (
        SELECT "id" FROM "FlowEvent"
        WHERE ("status" = 'pending' AND "availableAt" <= ${now}) OR ("status" = 'sending' AND "leaseExpiresAt" < ${now})
        ORDER BY "availableAt", "createdAt"
        LIMIT ${limit}
        FOR UPDATE SKIP LOCKED
      )`;
  }
  const candidates = await prisma.flowEvent.findMany({ where: claimable(now), select: { id: true }, orderBy: [{ availableAt: "asc" }, { createdAt: "asc" }], take: limit });
  if (candidates.length === 0) return 0;
  const { count } = await prisma.flowEvent.updateMany({
    where: { ...claimable(now), id: { in: candidates.map((row) => row.id) } },
    data: { status: "sending", claimToken: token, leaseExpiresAt, attempts: { increment: 1 } },
  });
  return count;
}

async function receive(transport: AdminTransport, handle: string, payload: unknown): Promise<void> {
  const result = await transport<ResultOf<typeof FLOW_TRIGGER_RECEIVE>>(FLOW_TRIGGER_RECEIVE, { handle, payload });
  if (result.errors.length > 0) throw new Error(result.errors.map((error) => error.message).join("; "));
  const userErrors = result.data?.flowTriggerReceive?.userErrors ?? [];
  if (userErrors.length > 0) throw new Error(`Flow refused ${handle}: ${userErrors.map((error) => error.message).join("; ")}`);
}

/** Sends what is due. Safe to run from several processes at once, and to run again after a crash. */
export async function sendDueFlowEvents(options: FlowSendOptions = {}): Promise<FlowSendReport> {
  const now = options.now ?? new Date();
  const transportFor = options.transportFor ?? offlineTransportFor;
  const report: FlowSendReport = { claimed: 0, sent: 0, retrying: 0, failed: 0 };
  const token = randomUUID();
  if ((await claim(token, now, options.limit ?? 100)) === 0) return report;
  const rows = await prisma.flowEvent.findMany({ where: { claimToken: token }, orderBy: [{ availableAt: "asc" }, { createdAt: "asc" }] });
  report.claimed = rows.length;

  const transports = new Map<string, Promise<AdminTransport | null>>();
  for (const row of rows) {
    const ours = { id: row.id, claimToken: token };
    try {
      if (!transports.has(row.shop)) transports.set(row.shop, transportFor(row.shop));
      const transport = await transports.get(row.shop)!;
      if (!transport) throw new Error("the shop has no offline session (uninstalled?)");
      await receive(transport, row.handle, JSON.parse(row.payloadJson));
      await prisma.flowEvent.updateMany({ where: ours, data: { status: "sent", sentAt: now, claimToken: null, leaseExpiresAt: null, lastError: null } });
      report.sent += 1;
    } catch (error) {
      const outcome = afterFailedAttempt(row.attempts, false, now);
      await prisma.flowEvent.updateMany({
        where: ours,
        data: {
          status: outcome.status,
          ...(outcome.status === "pending" ? { availableAt: outcome.availableAt } : {}),
          claimToken: null,
          leaseExpiresAt: null,
          lastError: (error instanceof Error ? error.message : String(error)).slice(0, 1000),
        },
      });
      report[outcome.status === "failed" ? "failed" : "retrying"] += 1;
    }
  }
  return report;
}
