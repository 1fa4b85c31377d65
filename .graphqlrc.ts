/**
 * Types for every `#graphql` document in app/, generated from the pinned Admin API schema
 * (tests/support/shopify-admin-schema) by `npm run graphql-codegen`:
 * - app/types/admin.types.d.ts: every type of the schema;
 * - app/types/admin.generated.d.ts: each document's result and variables, keyed by the document's text,
 *   which `queryAdmin` (app/shopify/admin-graphql.ts) and `admin.graphql` read their types from.
 * Both files are checked in; tests/unit/graphql-codegen.test.ts fails when they miss a document.
 */
import { ApiType, pluckConfig, preset } from "@shopify/api-codegen-preset";
import type { IGraphQLConfig } from "graphql-config";
import { ensureAdminSchemaJson } from "./scripts/lib/admin-schema-json.mjs";

const schema = ensureAdminSchemaJson();
const documents = ["./app/**/*.{ts,tsx}", "!./app/types/**"];

// Shopify answers every selected field, with null when it has no value: a field is never missing.
const fieldsAsAnswered = { avoidOptionals: { field: true } };

const config = {
  schema,
  documents,
  projects: {
    default: {
      schema,
      documents,
      extensions: {
        codegen: {
          pluckConfig,
          generates: {
            "./app/types/admin.types.d.ts": {
              plugins: ["typescript"],
              config: { ...fieldsAsAnswered, defaultScalarType: "string", scalars: { JSON: "unknown" }, enumsAsTypes: true },
            },
            "./app/types/admin.generated.d.ts": {
              preset,
              presetConfig: { apiType: ApiType.Admin },
              config: fieldsAsAnswered,
            },
          },
        },
      },
    },
  },
} satisfies IGraphQLConfig;

export default config;
