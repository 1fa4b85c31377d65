/**
 * `npm run demo`: the whole app offline, on localhost, with a seeded demo shop.
 *   1. migrates a local SQLite database (prisma/demo.sqlite)
 *   2. builds the app (and the UI extensions when their dist folders are missing)
 *   3. starts the fake Shopify (Admin API, admin frame, storefront preview, app proxy, mail viewer) and the
 *      app, forgetting what an earlier run stored for the demo shop; the app's email jobs run every 5 minutes
 * Options: --no-build (reuse build/), --fresh (a just-installed shop), APP_PORT (3000), SHOPIFY_PORT (3100).
 */
import { execFileSync } from "node:child_process";
import path from "node:path";
import { demoAppScopes } from "./demo/app-scopes";
import { missingExtensionBundles } from "./demo/extension-pages";
import { assertNotProduction, startDemo } from "./demo/server";

const root = path.resolve(import.meta.dirname, "..");

function step(label: string, command: string, args: string[]) {
  console.log(`\n› ${label}`);
  execFileSync(command, args, { cwd: root, stdio: "inherit", env: process.env });
}

async function main() {
  assertNotProduction();
  process.env.NODE_ENV ??= "development";
  process.env.SHOPIFY_API_KEY ??= "aftercare-demo-key";
  process.env.SHOPIFY_API_SECRET ??= "aftercare-demo-secret";
  process.env.SHOPIFY_APP_URL ??= "http://localhost:3000";
  // What shopify.app.toml asks for: the demo's shop grants it at install.
  const scopes = demoAppScopes();
  process.env.SCOPES ??= scopes.join(",");
  process.env.DATABASE_URL ??= `file:${path.join(root, "prisma/demo.sqlite")}`;

  step("Generating the Prisma client", "npx", ["prisma", "generate"]);
  step("Migrating the demo database", "npx", ["prisma", "migrate", "deploy"]);
  if (!process.argv.includes("--no-build")) step("Building the app", "npx", ["remix", "vite:build"]);
  // The Thank-you and order status pages mount what `shopify app build` wrote to extensions/<handle>/dist.
  if (missingExtensionBundles().length > 0) step("Building the extensions", "npm", ["run", "app:build"]);

  const demo = await startDemo({
    appPort: Number(process.env.APP_PORT ?? 3000),
    shopifyPort: Number(process.env.SHOPIFY_PORT ?? 3100),
    fresh: process.argv.includes("--fresh"),
    scopes,
    emailJobsEveryMs: 5 * 60_000,
  });

  console.log(`
Aftercare demo is running for ${demo.shopDomain} (offline; Shopify is simulated).

  Admin, embedded as in Shopify:  ${demo.adminUrl}
  Admin, the app on its own:      ${demo.embeddedAppUrl}
  Storefront preview:             ${demo.storefrontUrl}  (browse as a customer from its top bar)
  Mail the app sent:              ${demo.mailUrl}
  Thank-you page (checkout):      ${demo.thankYouUrl}  (the post-purchase survey of a seeded order)
  Order status page (account):    ${demo.orderStatusUrl}  (a delivered order in a customer's account)
  App health:                     ${demo.appUrl}/healthz

Press Ctrl+C to stop.`);

  const stop = async () => {
    await demo.close();
    process.exit(0);
  };
  process.on("SIGINT", stop);
  process.on("SIGTERM", stop);
}

main().catch((error: unknown) => {
  console.error(error instanceof Error ? error.message : error);
  process.exit(1);
});
