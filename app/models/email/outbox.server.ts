/*
 * The email folder: every message the app sends and the shop's sending settings.
 * Pure core: outbox-policy.ts (retries and backoff), settings.ts (SMTP settings' validation).
 * Server side: outbox.server.ts (enqueue once, claim, send), settings.server.ts, templates.server.ts.
 * Rendering and transport live in app/email/.
 */
/**
 * The email outbox: every message the app sends is first written here, then sent by `sendDueEmails`.
 *
 * - Enqueueing is idempotent: (shop, dedupeKey) is unique, e.g. `delay:<orderId>:<promisedMax>` or
 *   `survey:<orderId>`, so a job that runs twice enqueues one message.
 * - Sending claims rows first: one UPDATE moves them from `pending` (or `sending` with an expired lease)
 *   to `sending` with a fresh claim token and lease. On SQLite (one writer) the UPDATE re-checks that
 *   condition on every row; on PostgreSQL (several app instances) it takes row locks with
 *   `FOR UPDATE SKIP LOCKED`, so concurrent senders get disjoint batches. Either way two workers racing
 *   never both claim a message, and a rerun never sends a sent message again.
 * - A failed send goes back to `pending` with a backoff; after the last attempt it is `failed`, still
 *   stored, and `retryFailedEmails` puts it back in line. Nothing is lost.
 * Delivery is at-least-once only in one case: a worker that crashes after the SMTP server accepted a
 * message but before it recorded that; the stable Message-ID lets the receiving side spot that repeat.
 */
import { createHash, randomUUID } from "node:crypto";
import { Prisma } from "@prisma/client";
import prisma, { databaseEngine } from "../../db.server";
import type { RenderedEmail } from "../../email/render";
import { EmailNotConfiguredError, getMailTransport, PermanentSendError, type MailTransport } from "../../email/transport.server";
import { afterFailedAttempt, NOT_CONFIGURED_RETRY_MS, SEND_LEASE_MS } from "./outbox-policy";

export type OutboxStatus = "pending" | "sending" | "sent" | "failed";

export interface EnqueueEmail {
  shop: string;
  dedupeKey: string;
  kind: string;
  /** What the message is about (order or customer id), for admin lists. */
  reference?: string | null;
  to: string;
  email: RenderedEmail;
  /** Not sent before this instant (defaults to now). */
  availableAt?: Date;
}

export interface EnqueueResult {
  id: string;
  /** False when a message with this dedupe key already existed (nothing was added). */
  created: boolean;
}

function isUniqueViolation(error: unknown): boolean {
  return error instanceof Prisma.PrismaClientKnownRequestError && error.code === "P2002";
}

/**
 * `db`: a transaction to enqueue in (a webhook's, so the message commits with the change it is about).
 * There the key is looked up first, since a unique violation would abort a PostgreSQL transaction.
 */
export async function enqueueEmail(message: EnqueueEmail, now = new Date(), db: Prisma.TransactionClient = prisma): Promise<EnqueueResult> {
  const id = randomUUID();
  if (db !== prisma) {
    const existing = await db.outboxMessage.findUnique({ where: { shop_dedupeKey: { shop: message.shop, dedupeKey: message.dedupeKey } }, select: { id: true } });
    if (existing) return { id: existing.id, created: false };
  }
  try {
    await db.outboxMessage.create({
      data: {
        id,
        shop: message.shop,
        dedupeKey: message.dedupeKey,
        kind: message.kind,
        reference: message.reference ?? null,
        toAddress: message.to,
        subject: message.email.subject,
        html: message.email.html,
        text: message.email.text,
        availableAt: message.availableAt ?? now,
        createdAt: now,
      },
    });
    return { id, created: true };
  } catch (error) {
    if (!isUniqueViolation(error) || db !== prisma) throw error;
    const existing = await prisma.outboxMessage.findUniqueOrThrow({
      where: { shop_dedupeKey: { shop: message.shop, dedupeKey: message.dedupeKey } },
      select: { id: true },
    });
    return { id: existing.id, created: false };
  }
}

/** True when a message with this key was ever enqueued for the shop (sent or not). */
export async function hasEmail(shop: string, dedupeKey: string): Promise<boolean> {
  return (await prisma.outboxMessage.count({ where: { shop, dedupeKey } })) > 0;
}

export interface SendOptions {
  now?: Date;
  /** At most this many messages per run. */
  limit?: number;
  /** Restrict the run to one shop. */
  shop?: string;
  /** Restrict the run to these messages (one sent on the merchant's request). */
  ids?: readonly string[];
  /** Picks the transport for a shop (defaults to the shop's SMTP settings). */
  transportFor?: (shop: string) => Promise<MailTransport>;
}

export interface SendReport {
  claimed: number;
  sent: number;
  retrying: number;
  failed: number;
  /** Claimed rows another worker took over while we were sending (lease expired). */
  lostClaims: number;
}

interface ClaimScope {
  shop?: string;
  ids?: readonly string[];
}

function claimable(now: Date, scope: ClaimScope): Prisma.OutboxMessageWhereInput {
  return {
    ...(scope.shop ? { shop: scope.shop } : {}),
    ...(scope.ids ? { id: { in: [...scope.ids] } } : {}),
    OR: [
      { status: "pending", availableAt: { lte: now } },
      { status: "sending", leaseExpiresAt: { lt: now } },
    ],
  };
}

/** Claims up to `limit` due messages for this run; returns the claim token and the claimed rows. */
async function claimDueMessages(now: Date, limit: number, scope: ClaimScope) {
  const token = randomUUID();
  const leaseExpiresAt = new Date(now.getTime() + SEND_LEASE_MS);
  const claimed = databaseEngine() === "postgresql"
    ? await claimWithRowLocks(token, leaseExpiresAt, now, limit, scope)
    : await claimWithSingleWriter(token, leaseExpiresAt, now, limit, scope);
  if (claimed === 0) return { token: null, rows: [] };
  const rows = await prisma.outboxMessage.findMany({ where: { claimToken: token }, orderBy: [{ availableAt: "asc" }, { createdAt: "asc" }] });
  return { token, rows };
}

/**
 * SQLite has one writer at a time: the UPDATE re-checks the claimable condition on every row, so a row
 * another run claimed between the read and the write is left alone.
 */
async function claimWithSingleWriter(token: string, leaseExpiresAt: Date, now: Date, limit: number, scope: ClaimScope) {
  const candidates = await prisma.outboxMessage.findMany({
    where: claimable(now, scope),
    select: { id: true },
    orderBy: [{ availableAt: "asc" }, { createdAt: "asc" }],
    take: limit,
  });
  if (candidates.length === 0) return 0;
  const { count } = await prisma.outboxMessage.updateMany({
    where: { ...claimable(now, scope), id: { in: candidates.map((row) => row.id) } },
    data: { status: "sending", claimToken: token, leaseExpiresAt, attempts: { increment: 1 } },
  });
  return count;
}

/**
 * PostgreSQL with several app instances: one statement locks the due rows it picks and skips rows another
 * instance holds (`FOR UPDATE SKIP LOCKED`), so concurrent senders take disjoint batches without waiting
 * on each other, and no row is ever claimed by two of them.
 */
async function claimWithRowLocks(token: string, leaseExpiresAt: Date, now: Date, limit: number, scope: ClaimScope) {
  const shopFilter = scope.shop ? Prisma.sql`AND "shop" = ${scope.shop}` : Prisma.empty;
  const idFilter = scope.ids ? Prisma.sql`AND "id" IN (${scope.ids.length > 0 ? Prisma.join([...scope.ids]) : Prisma.sql`NULL`})` : Prisma.empty;
  return prisma.$executeRaw`
    UPDATE "OutboxMessage"
    SET "status" = 'sending', "claimToken" = ${token}, "leaseExpiresAt" = ${leaseExpiresAt}, "attempts" = "attempts" + 1
    WHERE "id" IN (
      SELECT "id" FROM "OutboxMessage"
      WHERE (("status" = 'pending' AND "availableAt" <= ${now}) OR ("status" = 'sending' AND "leaseExpiresAt" < ${now}))
        ${shopFilter} ${idFilter}
      ORDER BY "availableAt", "createdAt"
      LIMIT ${limit}
      FOR UPDATE SKIP LOCKED
    )`;
}

/** A Message-ID local part that is the same every time this message is sent. */
export function stableMessageKey(shop: string, dedupeKey: string): string {
  return createHash("sha256").update(`${shop}\n${dedupeKey}`).digest("hex").slice(0, 32);
}

function errorText(error: unknown): string {
  return (error instanceof Error ? error.message : String(error)).slice(0, 1000);
}

/** Sends what is due. Safe to run from several processes at once, and to run again after a crash. */
export async function sendDueEmails(options: SendOptions = {}): Promise<SendReport> {
  const now = options.now ?? new Date();
  const transportFor = options.transportFor ?? getMailTransport;
  const report: SendReport = { claimed: 0, sent: 0, retrying: 0, failed: 0, lostClaims: 0 };
  const { token, rows } = await claimDueMessages(now, options.limit ?? 100, { shop: options.shop, ids: options.ids });
  if (!token) return report;
  report.claimed = rows.length;

  const transports = new Map<string, Promise<MailTransport>>();
  for (const row of rows) {
    const ours = { id: row.id, claimToken: token };
    let transportPromise = transports.get(row.shop);
    if (!transportPromise) {
      transportPromise = transportFor(row.shop);
      transports.set(row.shop, transportPromise);
    }
    try {
      const transport = await transportPromise;
      const { messageId } = await transport.send({
        to: row.toAddress,
        subject: row.subject,
        text: row.text,
        html: row.html,
        messageId: stableMessageKey(row.shop, row.dedupeKey),
      });
      const marked = await prisma.outboxMessage.updateMany({
        where: ours,
        data: { status: "sent", sentAt: now, messageId, claimToken: null, leaseExpiresAt: null, lastError: null },
      });
      if (marked.count === 1) report.sent += 1;
      else report.lostClaims += 1;
    } catch (error) {
      if (error instanceof EmailNotConfiguredError) {
        // Not this message's fault: wait for the merchant without spending an attempt.
        await prisma.outboxMessage.updateMany({
          where: ours,
          data: {
            status: "pending",
            attempts: { decrement: 1 },
            availableAt: new Date(now.getTime() + NOT_CONFIGURED_RETRY_MS),
            claimToken: null,
            leaseExpiresAt: null,
            lastError: errorText(error),
          },
        });
        report.retrying += 1;
        continue;
      }
      const outcome = afterFailedAttempt(row.attempts, error instanceof PermanentSendError, now);
      await prisma.outboxMessage.updateMany({
        where: ours,
        data: {
          status: outcome.status,
          ...(outcome.status === "pending" ? { availableAt: outcome.availableAt } : {}),
          claimToken: null,
          leaseExpiresAt: null,
          lastError: errorText(error),
        },
      });
      if (outcome.status === "failed") report.failed += 1;
      else report.retrying += 1;
    }
  }
  return report;
}

/** Puts a shop's failed messages back in line (the merchant fixed the mail server). */
export async function retryFailedEmails(shop: string, now = new Date()): Promise<number> {
  const { count } = await prisma.outboxMessage.updateMany({
    where: { shop, status: "failed" },
    data: { status: "pending", attempts: 0, availableAt: now },
  });
  return count;
}

/** Drops messages not sent yet to an address (customers/redact, or a shopper who opted out). */
export async function cancelPendingEmailsTo(shop: string, toAddress: string): Promise<number> {
  const { count } = await prisma.outboxMessage.deleteMany({
    where: { shop, toAddress: { equals: toAddress }, status: { in: ["pending", "failed"] } },
  });
  return count;
}

export interface OutboxEntry {
  id: string;
  kind: string;
  reference: string | null;
  status: OutboxStatus;
  subject: string;
  attempts: number;
  createdAt: Date;
  sentAt: Date | null;
  lastError: string | null;
}

export async function listEmails(shop: string, filter: { kind?: string; reference?: string } = {}): Promise<OutboxEntry[]> {
  const rows = await prisma.outboxMessage.findMany({
    where: { shop, ...filter },
    orderBy: { createdAt: "desc" },
    take: 200,
    select: { id: true, kind: true, reference: true, status: true, subject: true, attempts: true, createdAt: true, sentAt: true, lastError: true },
  });
  return rows.map((row) => ({ ...row, status: row.status as OutboxStatus }));
}
