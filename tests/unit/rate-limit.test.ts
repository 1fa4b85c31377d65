import { describe, expect, it } from "vitest";
import { clientIpOf, hitRateLimits, pruneRateLimits, type RateLimitRule } from "~/models/rate-limit.server";

const prisma = (await import("~/db.server")).default;

const perMinute = (key: string, limit: number): RateLimitRule => ({ key, limit, windowMs: 60_000 });
const at = (iso: string) => new Date(iso);

describe("database rate limits", () => {
  it("allows up to the limit in a window, refuses the next hit and says when to retry", async () => {
    const rule = perMinute("test:basic", 3);
    const outcomes = [];
    for (let i = 0; i < 4; i += 1) outcomes.push(await hitRateLimits([rule], at("2025-03-01T10:00:15Z")));

    expect(outcomes.map((outcome) => outcome.allowed)).toEqual([true, true, true, false]);
    expect(outcomes[3]).toEqual({ allowed: false, retryAfterSeconds: 45, exceeded: ["test:basic"] });
  });

  it("starts counting again in the next window", async () => {
    const rule = perMinute("test:next-window", 1);
    expect((await hitRateLimits([rule], at("2025-03-01T10:00:59Z"))).allowed).toBe(true);
    expect((await hitRateLimits([rule], at("2025-03-01T10:00:59.500Z"))).allowed).toBe(false);
    expect((await hitRateLimits([rule], at("2025-03-01T10:01:00Z"))).allowed).toBe(true);
  });

  it("keeps keys apart and refuses when any one rule is exceeded", async () => {
    const shared = perMinute("test:order:1001", 2);
    const now = at("2025-03-01T11:00:00Z");
    await hitRateLimits([perMinute("test:ip:a", 10), shared], now);
    await hitRateLimits([perMinute("test:ip:b", 10), shared], now);

    const third = await hitRateLimits([perMinute("test:ip:c", 10), shared], now);

    expect(third.allowed).toBe(false);
    expect(third.exceeded).toEqual(["test:order:1001"]);
    expect((await hitRateLimits([perMinute("test:ip:c", 10)], now)).allowed).toBe(true);
  });

  it("counts one hit for a key two rules name at once, and judges it by each rule", async () => {
    const now = at("2025-03-01T11:30:00Z");
    const strict = perMinute("test:twice", 1);
    const loose = perMinute("test:twice", 5);
    expect((await hitRateLimits([strict, loose], now)).allowed).toBe(true);
    const second = await hitRateLimits([loose, strict], now);
    expect(second).toMatchObject({ allowed: false, exceeded: ["test:twice"] });
    expect((await prisma.rateLimitHit.findFirst({ where: { key: "test:twice" } }))?.count).toBe(2);
  });

  it("never loses a count when hits arrive at the same time", async () => {
    const rule = perMinute("test:concurrent", 100);
    const now = at("2025-03-01T12:00:00Z");
    await Promise.all(Array.from({ length: 25 }, () => hitRateLimits([rule], now)));

    const row = await prisma.rateLimitHit.findFirst({ where: { key: "test:concurrent" } });
    expect(row?.count).toBe(25);
  });

  it("gives hits that arrive together the decisions they would get one by one, in arrival order", async () => {
    const now = at("2025-03-01T12:30:00Z");
    const perOrder = perMinute("test:together:order", 5);
    const decisions = await Promise.all(Array.from({ length: 12 }, (_, i) => hitRateLimits([perMinute(`test:together:ip:${i % 3}`, 3), perOrder], now)));

    // The order's limit lets the first five through; each address's limit of 3 is never the one exceeded
    // before the order's (each address has 4 hits, its 4th is the 10th, 11th or 12th hit).
    expect(decisions.map((decision) => decision.allowed)).toEqual([true, true, true, true, true, false, false, false, false, false, false, false]);
    expect(decisions[5].exceeded).toEqual(["test:together:order"]);
    expect(decisions[11].exceeded).toEqual(["test:together:ip:2", "test:together:order"]);
    const rows = await prisma.rateLimitHit.findMany({ where: { key: { startsWith: "test:together:" } }, orderBy: { key: "asc" } });
    expect(rows.map((row) => [row.key, row.count])).toEqual([
      ["test:together:ip:0", 4],
      ["test:together:ip:1", 4],
      ["test:together:ip:2", 4],
      ["test:together:order", 12],
    ]);
  });

  it("reports a failed count to every hit waiting on it, and counts the next hits again", async () => {
    const now = at("2025-03-01T12:45:00Z");
    let failures = 1;
    const flaky = {
      $executeRaw: prisma.$executeRaw.bind(prisma),
      $queryRaw: ((...args: Parameters<typeof prisma.$queryRaw>) =>
        failures-- > 0 ? Promise.reject(new Error("database unreachable")) : prisma.$queryRaw(...args)) as typeof prisma.$queryRaw,
    };
    const rule = perMinute("test:flaky", 10);
    const first = await Promise.allSettled(Array.from({ length: 3 }, () => hitRateLimits([rule], now, flaky)));
    expect(first.map((outcome) => outcome.status)).toEqual(["rejected", "fulfilled", "fulfilled"]);
    expect((await hitRateLimits([rule], now, flaky)).allowed).toBe(true);
    expect((await prisma.rateLimitHit.findFirst({ where: { key: "test:flaky" } }))?.count).toBe(3);
  });

  it("prunes windows that have ended and keeps the current one", async () => {
    await hitRateLimits([perMinute("test:prune-old", 5)], at("2025-03-02T09:00:00Z"));
    await hitRateLimits([perMinute("test:prune-current", 5)], at("2025-03-02T09:05:10Z"));

    await pruneRateLimits(at("2025-03-02T09:05:30Z"));

    const keys = (await prisma.rateLimitHit.findMany({ where: { key: { startsWith: "test:prune" } } })).map((row) => row.key);
    expect(keys).toEqual(["test:prune-current"]);
  });

  it("rejects a rule that could never allow anything", async () => {
    await expect(hitRateLimits([{ key: "test:bad", limit: 0, windowMs: 60_000 }])).rejects.toThrow(/positive integer/);
  });
});

describe("client IP", () => {
  it("reads the first forwarded address", () => {
    const request = new Request("https://app.test/", { headers: { "X-Forwarded-For": "203.0.113.7, 10.0.0.1" } });
    expect(clientIpOf(request)).toBe("203.0.113.7");
  });

  it("is null when the request names no client", () => {
    expect(clientIpOf(new Request("https://app.test/"))).toBeNull();
  });
});
