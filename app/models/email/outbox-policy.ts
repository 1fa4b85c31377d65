/**
 * When the outbox tries a message again. Pure: the numbers live here so a test can read them.
 */

/** A claimed message not finished within this long is considered abandoned (crashed worker) and reclaimed. */
export const SEND_LEASE_MS = 5 * 60_000;

/** Attempts before a message is set aside as failed (it stays stored and can be retried by hand). */
export const MAX_SEND_ATTEMPTS = 6;

/** How long a shop without email settings waits before its messages are looked at again. */
export const NOT_CONFIGURED_RETRY_MS = 60 * 60_000;

const BACKOFF_MS = [60_000, 5 * 60_000, 30 * 60_000, 2 * 3_600_000, 12 * 3_600_000];

/** Wait before attempt `attempt + 1`, after `attempt` attempts failed (1-based). */
export function retryDelayMs(attempt: number): number {
  return BACKOFF_MS[Math.min(Math.max(attempt, 1), BACKOFF_MS.length) - 1];
}

export type FailureOutcome = { status: "pending"; availableAt: Date } | { status: "failed" };

export function afterFailedAttempt(attempts: number, permanent: boolean, now: Date): FailureOutcome {
  if (permanent || attempts >= MAX_SEND_ATTEMPTS) return { status: "failed" };
  return { status: "pending", availableAt: new Date(now.getTime() + retryDelayMs(attempts)) };
}
