import { describe, expect, it } from "vitest";

const healthz = await import("../../app/routes/healthz");

describe("/healthz", () => {
  it("reports the process and database as healthy", async () => {
    const response = await healthz.loader();
    expect(response.status).toBe(200);
    expect(await response.json()).toEqual({ status: "ok", database: "ok" });
    expect(response.headers.get("Cache-Control")).toBe("no-store");
  });
});
