import { describe, expect, it } from "vitest";
import prisma, { databaseEngine } from "../../app/db.server";
import { appTableNames, countTableRows, tableRows } from "../support/database-tables";
import { testDatabaseEngine } from "../support/test-database";

describe("the database behind DATABASE_URL", () => {
  it("is the engine the test run asked for, migrated, and keeps instants exactly", async () => {
    expect(databaseEngine()).toBe(testDatabaseEngine());
    const when = new Date("2026-03-01T10:20:30.456Z");
    await prisma.shop.create({ data: { domain: "engine.myshopify.com", installedAt: when } });
    const shop = await prisma.shop.findUniqueOrThrow({ where: { domain: "engine.myshopify.com" } });
    expect(shop.installedAt.toISOString()).toBe(when.toISOString());
  });

  it("lists and reads every table the same way on both engines", async () => {
    const tables = await appTableNames();
    expect(tables).toEqual(expect.arrayContaining(["Order", "OutboxMessage", "ProcessedWebhook", "Session", "Shop"]));
    expect(tables).not.toContain("_prisma_migrations");
    await prisma.processedWebhook.create({ data: { webhookId: "w-1", shop: "a.myshopify.com", topic: "orders/create" } });
    await prisma.processedWebhook.create({ data: { webhookId: "w-2", shop: "b.myshopify.com", topic: "orders/create" } });
    expect(await countTableRows("ProcessedWebhook", "shop", "a.myshopify.com")).toBe(1);
    expect(await tableRows("ProcessedWebhook", { column: "shop", value: "b.myshopify.com" })).toMatchObject([{ webhookId: "w-2" }]);
  });
});

describe.runIf(testDatabaseEngine() === "sqlite")("SQLite's one connection", () => {
  it("runs in WAL mode, and a failed transaction leaves nothing behind and the next one works", async () => {
    const [mode] = await prisma.$queryRawUnsafe<Array<{ journal_mode: string }>>("PRAGMA journal_mode");
    expect(mode.journal_mode).toBe("wal");
    await expect(
      prisma.$transaction(async (tx) => {
        await tx.processedWebhook.create({ data: { webhookId: "rolled-back", shop: "a.myshopify.com", topic: "orders/create" } });
        throw new Error("the work failed");
      }),
    ).rejects.toThrow("the work failed");
    // A unique conflict inside a transaction, then a transaction that commits, on the same connection.
    await prisma.processedWebhook.create({ data: { webhookId: "kept", shop: "a.myshopify.com", topic: "orders/create" } });
    await expect(prisma.$transaction((tx) => tx.processedWebhook.create({ data: { webhookId: "kept", shop: "a.myshopify.com", topic: "orders/create" } }))).rejects.toThrow();
    await prisma.$transaction((tx) => tx.processedWebhook.create({ data: { webhookId: "after", shop: "a.myshopify.com", topic: "orders/create" } }));
    const ids = (await prisma.processedWebhook.findMany({ where: { webhookId: { in: ["rolled-back", "kept", "after"] } } })).map((row) => row.webhookId).sort();
    expect(ids).toEqual(["after", "kept"]);
  });
});
