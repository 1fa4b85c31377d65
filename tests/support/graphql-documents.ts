import { readdirSync, readFileSync } from "node:fs";
import path from "node:path";
import { GraphQLError, Kind, parse, validate, type DocumentNode } from "graphql";
import ts from "typescript";
import { loadAdminSchema } from "./admin-schema";
import { adminValidationRules } from "./fake-admin/validation";

export { connectionLimitsRule } from "./fake-admin/validation";

/** One `#graphql` template literal found in the app. */
export interface AdminDocument {
  /** Path relative to the working directory, with forward slashes. */
  readonly file: string;
  /** 1-based line of the opening backtick. */
  readonly line: number;
  readonly source: string;
  /** Name of the first operation, or null when it has none. */
  readonly name: string | null;
}

const GRAPHQL_TAG = /^\s*#graphql\b/;
const SOURCE_FILE = /\.tsx?$/;

function listSourceFiles(dir: string): string[] {
  let entries;
  try {
    entries = readdirSync(dir, { withFileTypes: true });
  } catch {
    return [];
  }
  return entries
    .sort((a, b) => a.name.localeCompare(b.name))
    .flatMap((entry) => {
      const full = path.join(dir, entry.name);
      if (entry.isDirectory()) return entry.name === "node_modules" ? [] : listSourceFiles(full);
      return SOURCE_FILE.test(entry.name) && !entry.name.endsWith(".d.ts") ? [full] : [];
    });
}

function operationName(source: string): string | null {
  try {
    const document = parse(source);
    const operation = document.definitions.find((def) => def.kind === Kind.OPERATION_DEFINITION);
    return operation?.kind === Kind.OPERATION_DEFINITION ? (operation.name?.value ?? null) : null;
  } catch {
    return null;
  }
}

/** Text of a template literal as written; substitutions stay visible as `${...}` so validation flags them. */
function templateText(node: ts.TemplateLiteral, file: ts.SourceFile): string {
  const raw = node.getText(file);
  return raw.slice(1, -1);
}

/**
 * Every template literal in `rootDir` (recursively, .ts/.tsx) whose text starts with a `#graphql`
 * comment, which is the Shopify template's convention for Admin API documents.
 */
export function collectAdminDocuments(rootDir = "app"): AdminDocument[] {
  const documents: AdminDocument[] = [];
  for (const filePath of listSourceFiles(rootDir)) {
    const text = readFileSync(filePath, "utf8");
    if (!text.includes("#graphql")) continue;
    const kind = filePath.endsWith(".tsx") ? ts.ScriptKind.TSX : ts.ScriptKind.TS;
    const file = ts.createSourceFile(filePath, text, ts.ScriptTarget.Latest, true, kind);
    const visit = (node: ts.Node): void => {
      if (ts.isNoSubstitutionTemplateLiteral(node) || ts.isTemplateExpression(node)) {
        const source = templateText(node, file);
        if (GRAPHQL_TAG.test(source)) {
          documents.push({
            file: path.relative(process.cwd(), filePath).split(path.sep).join("/"),
            line: file.getLineAndCharacterOfPosition(node.getStart(file)).line + 1,
            source,
            name: operationName(source),
          });
        }
        return;
      }
      ts.forEachChild(node, visit);
    };
    visit(file);
  }
  return documents;
}

/** Validates a document against the real Admin schema plus Shopify's connection limits. */
export function validateAdminDocument(source: string): readonly GraphQLError[] {
  let document: DocumentNode;
  try {
    document = parse(source);
  } catch (error) {
    return [error instanceof GraphQLError ? error : new GraphQLError(String(error))];
  }
  return validate(loadAdminSchema(), document, adminValidationRules);
}
