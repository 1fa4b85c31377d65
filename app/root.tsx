import { Links, Meta, Outlet, Scripts, ScrollRestoration, useRouteLoaderData } from "@remix-run/react";
import type { loader as adminLoader } from "./routes/app";

export default function App() {
  // Admin pages speak the merchant's language (resolved by the admin layout); everything else English.
  const lang = useRouteLoaderData<typeof adminLoader>("routes/app")?.locale.tag ?? "en";
  return (
    <html lang={lang}>
      <head>
        <meta charSet="utf-8" />
        <meta name="viewport" content="width=device-width,initial-scale=1" />
        <link rel="preconnect" href="https://cdn.shopify.com/" />
        {/* Served from public/ as a static file, so a browser's icon request never reaches the router. */}
        <link rel="icon" href="/favicon.ico" sizes="16x16" />
        <Meta />
        <Links />
      </head>
      <body>
        <Outlet />
        <ScrollRestoration />
        <Scripts />
      </body>
    </html>
  );
}
