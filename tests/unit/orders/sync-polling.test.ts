import { describe, expect, it } from "vitest";
import { shouldPollSync, syncJustEnded } from "../../../app/models/orders/sync-polling";

describe("asking again for the order sync's progress", () => {
  it("keeps asking while the sync runs", () => {
    expect(shouldPollSync({ state: "running", starting: false })).toBe(true);
  });

  it("keeps asking while a requested sync is still queued, whatever the last state was", () => {
    for (const state of ["idle", "completed", "failed"] as const) {
      expect(shouldPollSync({ state, starting: true }), state).toBe(true);
    }
  });

  it("stops once the sync is done or failed, and never asks about a shop that is not syncing", () => {
    for (const state of ["completed", "failed", "idle"] as const) {
      expect(shouldPollSync({ state, starting: false }), state).toBe(false);
    }
  });
});

describe("reloading the dashboard when the sync ends", () => {
  it("reloads once when a running sync finishes or fails", () => {
    expect(syncJustEnded("running", "completed")).toBe(true);
    expect(syncJustEnded("running", "failed")).toBe(true);
  });

  it("does not reload while it still runs, nor again for a sync that had already ended", () => {
    expect(syncJustEnded("running", "running")).toBe(false);
    expect(syncJustEnded("completed", "completed")).toBe(false);
    expect(syncJustEnded("failed", "failed")).toBe(false);
    expect(syncJustEnded("idle", "running")).toBe(false);
  });
});
