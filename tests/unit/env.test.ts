import { describe, expect, it } from "vitest";
import { EnvironmentError, parseEnv } from "../../app/env.server";

const complete = {
  SHOPIFY_API_KEY: "key",
  SHOPIFY_API_SECRET: "secret",
  SHOPIFY_APP_URL: "https://aftercare.example.com",
  DATABASE_URL: "file:./prisma/dev.sqlite",
};

describe("environment check at boot", () => {
  it("accepts a complete environment", () => {
    expect(parseEnv(complete).SHOPIFY_APP_URL).toBe("https://aftercare.example.com");
  });

  it("names every missing variable in one message", () => {
    const { SHOPIFY_API_SECRET: _secret, DATABASE_URL: _db, ...partial } = complete;
    const attempt = () => parseEnv(partial);
    expect(attempt).toThrow(EnvironmentError);
    expect(attempt).toThrow(/SHOPIFY_API_SECRET is missing/);
    expect(attempt).toThrow(/DATABASE_URL is missing/);
  });

  it("rejects an app URL that is not a URL", () => {
    expect(() => parseEnv({ ...complete, SHOPIFY_APP_URL: "localhost:3000" })).toThrow(/SHOPIFY_APP_URL must be a full URL/);
  });
});
