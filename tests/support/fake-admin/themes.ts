/**
 * Online Store themes for the fake Admin API: the shop's published theme (a Dawn-like theme with its
 * `config/settings_data.json` and JSON templates) behind `themes` and `OnlineStoreTheme.files`.
 * Shopify requires the `read_themes` scope for both; without it they answer ACCESS_DENIED.
 *
 * Tests change the theme as a merchant would in the theme editor:
 *   const theme = mainTheme(fake.state);
 *   theme.editJson("config/settings_data.json", (data) => { ... });
 */
import type { GraphQLResolveInfo } from "graphql";
import { buildConnection, type ConnectionArgs } from "./connection";
import { accessDenied } from "./protected-data";
import type { ResolverContext } from "./resolvers";
import type { FakeAdminState } from "./state";

export interface FakeThemeFile {
  filename: string;
  content: string;
  updatedAt: string;
}

export interface FakeTheme {
  readonly __typename: "OnlineStoreTheme";
  readonly id: string;
  name: string;
  role: "MAIN" | "UNPUBLISHED" | "DEVELOPMENT";
  readonly files: Map<string, FakeThemeFile>;
  /** Replaces a file (or adds it). */
  writeFile(filename: string, content: string): void;
  /** Parses a JSON file (Shopify's comment header stripped), lets `edit` change it, writes it back. */
  editJson(filename: string, edit: (data: Record<string, any>) => void): void;
}

/** The uid Shopify gave Aftercare's theme app extension in the seeded shop. */
export const AFTERCARE_EXTENSION_UID = "0a6f1c3e-5b7d-4e2a-9c1f-3d8e7b6a5c40";

const GENERATED_HEADER = `/*
 * ------------------------------------------------------------
 * IMPORTANT: The contents of this file are auto-generated.
 *
 * This file may be updated by the Shopify admin theme editor
 * or related systems. Please exercise caution as any changes
 * made to this file may be overwritten.
 * ------------------------------------------------------------
 */
`;

/** A Dawn-like theme as a shop has it before installing Aftercare: another app's embed is on. */
const SEED_FILES: Record<string, unknown> = {
  "config/settings_data.json": {
    current: {
      logo_width: 90,
      colors_solid_button_labels: "#FFFFFF",
      type_header_font: "assistant_n4",
      blocks: {
        "11223344556677889900": {
          type: "shopify://apps/judge-me-reviews/blocks/judgeme_core/61ccd3b1-a9f2-4160-9fe9-4fec8413e5d8",
          disabled: false,
          settings: {},
        },
      },
      sections: {},
      content_for_index: [],
    },
    presets: { Dawn: { logo_width: 90 } },
  },
  "templates/product.json": {
    sections: {
      main: {
        type: "main-product",
        blocks: {
          vendor: { type: "text", settings: { text: "{{ product.vendor }}" } },
          title: { type: "title", settings: {} },
          price: { type: "price", settings: {} },
          buy_buttons: { type: "buy_buttons", settings: { show_dynamic_checkout: true } },
          description: { type: "description", settings: {} },
        },
        block_order: ["vendor", "title", "price", "buy_buttons", "description"],
        settings: { enable_sticky_info: true },
      },
      "related-products": { type: "related-products", settings: { heading: "You may also like" } },
    },
    order: ["main", "related-products"],
  },
  "layout/theme.liquid": null,
};

const SEED_TIME = "2026-09-01T09:00:00Z";

function createMainTheme(now: () => number): FakeTheme {
  const files = new Map<string, FakeThemeFile>();
  const write = (filename: string, content: string, at: string) => files.set(filename, { filename, content, updatedAt: at });
  for (const [filename, data] of Object.entries(SEED_FILES)) {
    const content = data === null
      ? "<!doctype html>\n<html>\n  <body>{{ content_for_layout }}</body>\n</html>\n"
      : `${filename.startsWith("config/") ? GENERATED_HEADER : ""}${JSON.stringify(data, null, 2)}\n`;
    write(filename, content, SEED_TIME);
  }
  const theme: FakeTheme = {
    __typename: "OnlineStoreTheme",
    id: "gid://shopify/OnlineStoreTheme/140000000001",
    name: "Dawn",
    role: "MAIN",
    files,
    writeFile: (filename, content) => write(filename, content, new Date(now()).toISOString()),
    editJson(filename, edit) {
      const file = files.get(filename);
      if (!file) throw new Error(`The fake theme has no ${filename}`);
      const header = file.content.startsWith("/*") ? file.content.slice(0, file.content.indexOf("*/") + 3) : "";
      const data = JSON.parse(file.content.slice(header.length)) as Record<string, any>;
      edit(data);
      theme.writeFile(filename, `${header}${JSON.stringify(data, null, 2)}\n`);
    },
  };
  return theme;
}

const themesByState = new WeakMap<FakeAdminState, FakeTheme[]>();

/** The shop's themes, created on first use. */
export function shopThemes(state: FakeAdminState): FakeTheme[] {
  let themes = themesByState.get(state);
  if (!themes) {
    themes = [createMainTheme(() => Date.parse(state.seed.now))];
    themesByState.set(state, themes);
  }
  return themes;
}

export function mainTheme(state: FakeAdminState): FakeTheme {
  const theme = shopThemes(state).find((candidate) => candidate.role === "MAIN");
  if (!theme) throw new Error("The fake shop has no published theme");
  return theme;
}

function requireReadThemes(context: ResolverContext, field: string): void {
  if (!context.state.appInstallation.accessScopes.some((scope) => scope.handle === "read_themes" || scope.handle === "write_themes")) {
    throw accessDenied(`Access denied for ${field} field. Required access: \`read_themes\` access scope.`);
  }
}

type Args = Record<string, unknown>;

function fileRecord(file: FakeThemeFile) {
  return {
    filename: file.filename,
    body: { __typename: "OnlineStoreThemeFileBodyText", content: file.content },
    contentType: file.filename.endsWith(".json") ? "application/json" : "text/x-liquid",
    size: String(Buffer.byteLength(file.content, "utf8")),
    checksumMd5: null,
    createdAt: SEED_TIME,
    updatedAt: file.updatedAt,
  };
}

/** `Query.themes` */
export function resolveThemes(_: never, args: Args, context: ResolverContext) {
  requireReadThemes(context, "themes");
  const roles = args.roles as string[] | null | undefined;
  const names = args.names as string[] | null | undefined;
  const matching = shopThemes(context.state).filter(
    (theme) => (!roles || roles.includes(theme.role)) && (!names || names.includes(theme.name)),
  );
  return buildConnection(args.reverse ? [...matching].reverse() : matching, args as ConnectionArgs, (theme) => theme.id);
}

/** `OnlineStoreTheme.files`: the named files (missing ones reported as NOT_FOUND), or all of them. */
export function resolveThemeFiles(theme: FakeTheme, args: Args, context: ResolverContext, _info?: GraphQLResolveInfo) {
  requireReadThemes(context, "files");
  const filenames = args.filenames as string[] | null | undefined;
  const wanted = filenames ?? [...theme.files.keys()].sort();
  const found = wanted.flatMap((name) => {
    const file = theme.files.get(name);
    return file ? [fileRecord(file)] : [];
  });
  const missing = wanted.filter((name) => !theme.files.has(name));
  return {
    ...buildConnection(found, args as ConnectionArgs, (file) => file.filename),
    userErrors: missing.map((filename) => ({ filename, code: "NOT_FOUND" })),
  };
}
