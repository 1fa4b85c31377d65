import { describe, expect, it } from "vitest";
import { createClient } from "@libsql/client";

describe("test database", () => {
  it("gives each test file its own migrated SQLite file", async () => {
    const url = process.env.DATABASE_URL!;
    expect(url).toMatch(/^file:.*tests\/\.tmp\/r[0-9a-f]+-w\d+-[0-9a-f]{10}\.sqlite$/);
    const client = createClient({ url });
    const tables = await client.execute("SELECT name FROM sqlite_master WHERE type = 'table'");
    client.close();
    expect(tables.rows.map((row) => row.name)).toEqual(expect.arrayContaining(["Session", "ProcessedWebhook"]));
  });
});
