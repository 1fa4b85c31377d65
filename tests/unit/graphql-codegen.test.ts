import { mkdtempSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { createRequire } from "node:module";
import { tmpdir } from "node:os";
import path from "node:path";
import { generate } from "@graphql-codegen/cli";
import ts from "typescript";
import { afterAll, describe, expect, it } from "vitest";
import graphqlConfig from "../../.graphqlrc";
import { collectAdminDocuments, validateAdminDocument } from "../support/graphql-documents";

type CodegenConfig = Exclude<Parameters<typeof generate>[0], { getConfig: unknown }>;

const GENERATED = "./app/types/admin.generated.d.ts";
const project = graphqlConfig.projects.default;
const codegen = project.extensions.codegen;

/** The document keys of the checked-in admin.generated.d.ts, as its GeneratedQueryTypes/GeneratedMutationTypes list them. */
function generatedDocuments(): string[] {
  const text = readFileSync(GENERATED, "utf8");
  return [...text.matchAll(/^ {2}("#graphql.*"): \{return: /gm)].map((match) => JSON.parse(match[1]) as string);
}

describe("generated Admin GraphQL types", () => {
  it("cover every #graphql document in app/, exactly as written (else run `npm run graphql-codegen`)", () => {
    const generated = new Set(generatedDocuments());
    const documents = collectAdminDocuments("app");
    const missing = documents.filter((doc) => !generated.has(doc.source)).map((doc) => `${doc.name} at ${doc.file}:${doc.line}`);
    const current = new Set(documents.map((doc) => doc.source));
    const leftOver = [...generated].filter((source) => !current.has(source)).map((source) => source.split("\n")[1]?.trim());

    expect(documents.length).toBeGreaterThan(0);
    expect({ missing, leftOver }).toEqual({ missing: [], leftOver: [] });
  });
});

describe("a renamed field in a document", () => {
  const root = mkdtempSync(path.join(tmpdir(), "aftercare-codegen-"));
  afterAll(() => rmSync(root, { recursive: true, force: true }));

  const original = collectAdminDocuments("app").find((doc) => doc.name === "ShopOverview");
  const renamed = original?.source.replace("ianaTimezone", "ianaTimeZone") ?? "";

  // Built once with the graphql instance codegen itself loads; from a file path codegen would take twice as long.
  const require = createRequire(import.meta.url);
  const { buildClientSchema } = require("graphql") as typeof import("graphql");
  let schema: ReturnType<typeof buildClientSchema> | undefined;

  /** Runs the project's generation of admin.generated.d.ts for the one document, in memory. */
  async function generateFor(source: string, name: string): Promise<string> {
    const file = path.join(root, `${name}.ts`);
    writeFileSync(file, `export const DOCUMENT = \`${source}\`;\n`);
    const outputs = await generate(
      {
        cwd: root,
        schema: (schema ??= buildClientSchema(JSON.parse(readFileSync(project.schema, "utf8")).data)) as never,
        documents: [file],
        // @shopify/graphql-codegen's pluck hooks, which codegen's published type does not list.
        pluckConfig: codegen.pluckConfig as CodegenConfig["pluckConfig"],
        generates: { [path.join(root, `${name}.generated.d.ts`)]: codegen.generates[GENERATED] },
        silent: true,
      },
      false,
    );
    return (outputs as Array<{ content: string }>).map((output) => output.content).join("\n");
  }

  it("is one the schema does not have", () => {
    expect(original, "the ShopOverview document in app/").toBeDefined();
    expect(renamed).not.toBe(original!.source);
    expect(validateAdminDocument(original!.source)).toEqual([]);
    expect(validateAdminDocument(renamed).map((error) => error.message).join("\n")).toMatch(/Cannot query field "ianaTimeZone" on type "Shop"/);
  });

  it("no longer typechecks where it is sent, until the types are generated again", { timeout: 60_000 }, () => {
    const file = path.join(root, "send.ts");
    const adminGraphql = path.resolve("app/shopify/admin-graphql.ts").replace(/\.ts$/, "");
    writeFileSync(
      file,
      [
        `import { queryAdmin, type AdminGraphql } from ${JSON.stringify(adminGraphql)};`,
        `const ORIGINAL = \`${original!.source}\`;`,
        `const RENAMED = \`${renamed}\`;`,
        "export async function send(graphql: AdminGraphql): Promise<string> {",
        "  const { shop } = await queryAdmin(graphql, ORIGINAL);",
        "  await queryAdmin(graphql, RENAMED);",
        "  return shop.ianaTimezone;",
        "}",
      ].join("\n"),
    );
    const { config } = ts.readConfigFile("tsconfig.json", ts.sys.readFile);
    const { options } = ts.parseJsonConfigFileContent(config, ts.sys, process.cwd());
    const generated = ["app/types/admin.types.d.ts", GENERATED].map((name) => path.resolve(name));
    const program = ts.createProgram([file, ...generated], { ...options, types: [] });
    const problems = ts.getPreEmitDiagnostics(program, program.getSourceFile(file)).map((diagnostic) => ({
      line: diagnostic.file!.getLineAndCharacterOfPosition(diagnostic.start!).line,
      text: ts.flattenDiagnosticMessageText(diagnostic.messageText, "\n"),
    }));
    const sendLine = readFileSync(file, "utf8").split("\n").findIndex((line) => line.includes("queryAdmin(graphql, RENAMED)"));

    expect(problems.map(({ line }) => line)).toEqual([sendLine]);
    expect(problems[0].text).toMatch(/ianaTimeZone[\s\S]*is not assignable to parameter/);
  });

  it("fails the type generation, naming the field, where the original document generates", { timeout: 60_000 }, async () => {
    const types = await generateFor(original!.source, "original");
    expect(types).toContain("export type ShopOverviewQuery = { shop: Pick<AdminTypes.Shop, 'name' | 'myshopifyDomain' | 'currencyCode' | 'ianaTimezone'> }");

    await expect(generateFor(renamed, "renamed")).rejects.toThrow(/Cannot query field "ianaTimeZone" on type "Shop"/);
  });
});
