import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { Kind, parse } from "graphql";
import { afterAll, describe, expect, it } from "vitest";
import { collectAdminDocuments, validateAdminDocument } from "../support/graphql-documents";

const documents = collectAdminDocuments("app");
const label = (doc: { file: string; line: number; name: string | null }) => `${doc.name ?? "(unnamed)"} at ${doc.file}:${doc.line}`;

describe("Admin GraphQL documents in app/", () => {
  it.each(documents.map((doc) => [label(doc), doc] as const))("%s is valid against the 2026-07 schema", (_, doc) => {
    const messages = validateAdminDocument(doc.source).map((error) => error.message);
    expect(messages).toEqual([]);
  });

  it.each(documents.map((doc) => [label(doc), doc] as const))("%s holds exactly one named operation", (_, doc) => {
    const operations = parse(doc.source).definitions.filter((def) => def.kind === Kind.OPERATION_DEFINITION);
    expect(operations).toHaveLength(1);
    expect(doc.name).toMatch(/^[A-Z][A-Za-z0-9]*$/);
  });

  it("uses each operation name once across the app", () => {
    const seen = new Map<string, string>();
    const duplicates: string[] = [];
    for (const doc of documents) {
      if (!doc.name) continue;
      const first = seen.get(doc.name);
      if (first) duplicates.push(`${doc.name}: ${first} and ${doc.file}:${doc.line}`);
      else seen.set(doc.name, `${doc.file}:${doc.line}`);
    }
    expect(duplicates).toEqual([]);
  });
});

describe("collectAdminDocuments", () => {
  const root = mkdtempSync(path.join(tmpdir(), "aftercare-documents-"));
  afterAll(() => rmSync(root, { recursive: true, force: true }));

  it("finds #graphql templates in .ts and .tsx files, with their line and operation name", () => {
    mkdirSync(path.join(root, "models"), { recursive: true });
    writeFileSync(
      path.join(root, "models", "shop.server.ts"),
      [
        'const note = `not graphql`;',
        "export const SHOP_NAME = `#graphql",
        "  query ShopName { shop { name } }",
        "`;",
      ].join("\n"),
    );
    writeFileSync(path.join(root, "page.tsx"), "export const Q = `#graphql\nmutation SaveThing { __typename }`;\n");
    writeFileSync(path.join(root, "types.d.ts"), "declare const X = `#graphql query Ignored { shop { name } }`;\n");

    const found = collectAdminDocuments(root);

    expect(found.map(({ line, name }) => ({ line, name }))).toEqual([
      { line: 2, name: "ShopName" },
      { line: 1, name: "SaveThing" },
    ]);
    expect(found[0].file).toMatch(/models\/shop\.server\.ts$/);
    expect(found[0].source).toContain("query ShopName");
  });

  it("returns nothing for a folder that does not exist", () => {
    expect(collectAdminDocuments(path.join(root, "missing"))).toEqual([]);
  });
});

describe("validateAdminDocument", () => {
  const messagesFor = (source: string) => validateAdminDocument(source).map((error) => error.message);

  it("accepts a valid query", () => {
    expect(messagesFor("query ShopName { shop { name } }")).toEqual([]);
  });

  it("rejects a field the schema does not have", () => {
    expect(messagesFor("query ShopName { shop { refundPolicy { body } } }").join("\n")).toMatch(/refundPolicy/);
  });

  it("rejects a connection without first or last, naming the field", () => {
    const messages = messagesFor("query Recent { orders { nodes { id } } }");
    expect(messages).toHaveLength(1);
    expect(messages[0]).toMatch(/"orders".*"first" or "last"/);
  });

  it("rejects more than 250 items per page and accepts exactly 250", () => {
    expect(messagesFor("query Recent { orders(first: 251) { nodes { id } } }").join("\n")).toMatch(/"orders".*251/);
    expect(messagesFor("query Recent { orders(first: 250) { nodes { id } } }")).toEqual([]);
    expect(messagesFor("query Oldest { orders(last: 300) { nodes { id } } }").join("\n")).toMatch(/last: 300/);
  });

  it("checks nested connections and accepts a page size given as a variable", () => {
    const nested = "query Lines { orders(first: 5) { nodes { lineItems { nodes { title } } } } }";
    expect(messagesFor(nested).join("\n")).toMatch(/"lineItems"/);
    expect(messagesFor("query Page($n: Int!) { orders(first: $n) { nodes { id } } }")).toEqual([]);
  });

  it("reports a syntax error instead of throwing", () => {
    expect(messagesFor("query { shop { name }").join("\n")).toMatch(/Syntax Error/);
  });
});
