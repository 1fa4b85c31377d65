import { describe, expect, it } from "vitest";
import { databaseEngineOf } from "../../app/db-engine";

describe("databaseEngineOf", () => {
  it("reads the engine from DATABASE_URL's scheme", () => {
    expect(databaseEngineOf("file:./prisma/dev.sqlite")).toBe("sqlite");
    expect(databaseEngineOf("postgresql://app:secret@db.internal:5432/aftercare")).toBe("postgresql");
    expect(databaseEngineOf("postgres://app@127.0.0.1/aftercare?sslmode=require")).toBe("postgresql");
  });

  it("refuses other engines without echoing the credentials in the URL", () => {
    expect(() => databaseEngineOf("mysql://root:hunter2@localhost/aftercare")).toThrow(/must start with file: .*got mysql:/);
    expect(() => databaseEngineOf("mysql://root:hunter2@localhost/aftercare")).not.toThrow(/hunter2/);
  });
});
