/** The demo's stand-in for the Shopify admin: a frame around the embedded app, like admin.shopify.com. */
import { escapeHtml } from "./html";

export function adminFrameHtml(options: { shopName: string; appSrc: string }): string {
  return `<!doctype html>
<html lang="en">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width,initial-scale=1">
<title>${escapeHtml(options.shopName)} · Aftercare (demo admin)</title>
<style>
  html, body { margin: 0; height: 100%; font: 14px system-ui, sans-serif; background: #f1f1f1; }
  header { height: 48px; display: flex; align-items: center; gap: 12px; padding: 0 16px; background: #1a1a1a; color: #e3e3e3; }
  header strong { color: #fff; }
  header a { color: #b5b5b5; margin-left: auto; }
  iframe { display: block; border: 0; width: 100%; height: calc(100% - 48px); background: #f1f1f1; }
</style>
</head>
<body>
<header><strong>${escapeHtml(options.shopName)}</strong><span>Apps › Aftercare</span><a href="/storefront">Storefront preview</a></header>
<iframe title="Aftercare" src="${escapeHtml(options.appSrc)}"></iframe>
</body>
</html>`;
}
