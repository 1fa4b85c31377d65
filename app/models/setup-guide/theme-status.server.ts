/**
 * "Is it live?": reads the published theme's settings and product template through the Admin API
 * (scope `read_themes`) and reports whether the app embed is on and which blocks the product page shows.
 * When the read fails, the answer says so; it never guesses.
 */
import { AdminApiError, queryAdmin, type AdminGraphql, type GraphqlErrorDetail, type ResultOf } from "../../shopify/admin-graphql";
import {
  APP_EMBED_HANDLE,
  PRODUCT_TEMPLATE,
  SETTINGS_DATA,
  appEmbedState,
  parseThemeJson,
  placedAppBlocks,
  type ThemeLiveStatus,
} from "./theme-status";

/** The app's handle in shopify.app.toml: themes name its blocks `shopify://apps/aftercare/...`. */
export const APP_HANDLE = "aftercare";

const MAIN_THEME_FILES_QUERY = `#graphql
  query MainThemeFiles($filenames: [String!]!) {
    themes(roles: [MAIN], first: 1) {
      nodes {
        id
        name
        files(filenames: $filenames, first: 2) {
          nodes {
            filename
            body {
              ... on OnlineStoreThemeFileBodyText {
                content
              }
              ... on OnlineStoreThemeFileBodyBase64 {
                contentBase64
              }
            }
          }
          userErrors {
            filename
            code
          }
        }
      }
    }
  }
`;

type MainThemeFiles = ResultOf<typeof MAIN_THEME_FILES_QUERY>;
type ThemeFile = NonNullable<NonNullable<MainThemeFiles["themes"]>["nodes"][number]["files"]>["nodes"][number];

function fileText(files: ThemeFile[], filename: string): string | null {
  const body = files.find((file) => file.filename === filename)?.body;
  if (body && "content" in body) return body.content;
  if (body && "contentBase64" in body) return Buffer.from(body.contentBase64, "base64").toString("utf8");
  return null;
}

/**
 * Shopify's error codes from a failed query: `admin.graphql` in a request throws the API library's
 * GraphqlQueryError (`body.errors.graphQLErrors`); queryAdmin throws an AdminApiError for other clients.
 */
function errorCodes(error: unknown): string[] {
  const details = error instanceof AdminApiError
    ? error.errors
    : ((error as { body?: { errors?: { graphQLErrors?: GraphqlErrorDetail[] } } } | null)?.body?.errors?.graphQLErrors ?? []);
  return Array.isArray(details) ? details.flatMap((detail) => (detail.extensions?.code ? [detail.extensions.code] : [])) : [];
}

export async function getThemeLiveStatus(graphql: AdminGraphql, appHandle = APP_HANDLE): Promise<ThemeLiveStatus> {
  let data: MainThemeFiles;
  try {
    data = await queryAdmin(graphql, MAIN_THEME_FILES_QUERY, { filenames: [SETTINGS_DATA, PRODUCT_TEMPLATE] });
  } catch (error) {
    if (errorCodes(error).includes("ACCESS_DENIED")) {
      return { checked: false, problem: "no_permission", reason: "Aftercare does not have permission to read themes (read_themes)" };
    }
    return { checked: false, problem: "unreadable", reason: `the theme could not be read (${(error as Error).message})` };
  }
  const theme = data.themes?.nodes[0];
  if (!theme) return { checked: false, problem: "no_theme", reason: "the shop has no published theme" };
  const files = theme.files?.nodes ?? [];
  const settings = fileText(files, SETTINGS_DATA);
  if (settings === null) return { checked: false, problem: "file_unreadable", file: SETTINGS_DATA, reason: `${SETTINGS_DATA} could not be read` };
  const product = fileText(files, PRODUCT_TEMPLATE);
  const productError = theme.files?.userErrors.find((error) => error.filename === PRODUCT_TEMPLATE && error.code !== "NOT_FOUND");
  if (product === null && productError) {
    return { checked: false, problem: "file_unreadable", file: PRODUCT_TEMPLATE, reason: `${PRODUCT_TEMPLATE} could not be read (${productError.code})` };
  }
  try {
    return {
      checked: true,
      themeName: theme.name,
      embed: appEmbedState(parseThemeJson(SETTINGS_DATA, settings), appHandle, APP_EMBED_HANDLE),
      // A theme without a JSON product template (a vintage theme) cannot hold app blocks there.
      productBlocks: product === null ? [] : placedAppBlocks(parseThemeJson(PRODUCT_TEMPLATE, product), appHandle),
    };
  } catch (error) {
    return { checked: false, problem: "invalid_file", reason: (error as Error).message };
  }
}
