/**
 * The demo's mail viewer on the Shopify stand-in: /mail lists every message the app sent (newest first),
 * /mail/<id> shows one, its HTML in a sandboxed iframe (no script runs; links open in the whole window).
 * Links to the shop's storefront (`https://<shop>/apps/aftercare/...`) point at the demo's storefront, so a
 * review or survey link opens the app-proxy page as the shopper would see it. Pure: no I/O.
 */
import { escapeHtml } from "./html";
import type { CapturedMail } from "./mailbox";

export interface MailViewerContext {
  shopDomain: string;
  /** Where the stand-in answers, e.g. http://localhost:3100 */
  shopifyUrl: string;
}

/** The shop's storefront addresses, rewritten to the demo's stand-in of it. */
export function toDemoStorefrontLinks(content: string, context: MailViewerContext): string {
  const shop = context.shopDomain.replace(/[.]/g, "\\.");
  return content.replace(new RegExp(`https?://${shop}(?=[/"'?#\\s<]|$)`, "g"), context.shopifyUrl);
}

const page = (title: string, body: string) => `<!doctype html>
<html lang="en">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width,initial-scale=1">
<title>${escapeHtml(title)} · Aftercare demo mail</title>
<style>
  body { margin: 0; font: 14px/1.5 system-ui, sans-serif; color: #1a1a1a; background: #f6f6f7; }
  header { display: flex; gap: 16px; align-items: center; padding: 10px 16px; background: #1a1a1a; color: #e3e3e3; }
  header a { color: #b5b5b5; }
  main { max-width: 960px; margin: 0 auto; padding: 16px; }
  table { width: 100%; border-collapse: collapse; background: #fff; }
  th, td { text-align: left; padding: 8px 10px; border-bottom: 1px solid #e3e3e3; vertical-align: top; }
  dl { display: grid; grid-template-columns: max-content 1fr; gap: 4px 12px; background: #fff; padding: 12px; margin: 0 0 12px; }
  dt { color: #616161; }
  iframe { width: 100%; height: 70vh; border: 1px solid #e3e3e3; background: #fff; }
  pre { white-space: pre-wrap; background: #fff; padding: 12px; border: 1px solid #e3e3e3; }
  form { margin: 0 0 12px; }
</style>
</head>
<body>
<header><strong>Demo mail</strong><a href="/mail">All messages</a><a href="/admin">Admin</a><a href="/storefront">Storefront preview</a></header>
<main>${body}</main>
</body>
</html>`;

const time = (date: Date) => date.toISOString().replace("T", " ").slice(0, 19) + " UTC";

export function mailListHtml(messages: readonly CapturedMail[], options: { lastRun?: string | null } = {}): string {
  const rows = [...messages]
    .reverse()
    .map(
      (mail) => `<tr><td>${escapeHtml(time(mail.receivedAt))}</td><td>${escapeHtml(mail.to.join(", "))}</td><td><a href="/mail/${mail.id}">${escapeHtml(mail.subject || "(no subject)")}</a></td></tr>`,
    )
    .join("\n");
  const sendDue = `<form method="post" action="/mail/send-due"><button type="submit">Send what is due now</button>
<span>runs the app's email jobs (review requests, delay notices, surveys) and sends the outbox; the demo also runs them every 5 minutes.</span></form>`;
  const lastRun = options.lastRun ? `<p role="status">${escapeHtml(options.lastRun)}</p>` : "";
  const list = messages.length === 0
    ? "<p>No message sent yet. Emails the app sends (a test email from Email settings, review requests, surveys, delay notices) appear here.</p>"
    : `<table><thead><tr><th scope="col">Received</th><th scope="col">To</th><th scope="col">Subject</th></tr></thead><tbody>${rows}</tbody></table>`;
  return page("Messages", `<h1>Sent by Aftercare (${messages.length})</h1>${sendDue}${lastRun}${list}`);
}

export function mailMessageHtml(mail: CapturedMail, context: MailViewerContext): string {
  const details = `<dl><dt>From</dt><dd>${escapeHtml(mail.from)}</dd><dt>To</dt><dd>${escapeHtml(mail.to.join(", "))}</dd><dt>Subject</dt><dd>${escapeHtml(mail.subject)}</dd><dt>Received</dt><dd>${escapeHtml(time(mail.receivedAt))}</dd></dl>`;
  const content = mail.html
    ? `<iframe title="Message" sandbox="allow-popups allow-popups-to-escape-sandbox allow-top-navigation-by-user-activation" srcdoc="${escapeHtml(withTopLinks(toDemoStorefrontLinks(mail.html, context)))}"></iframe>`
    : "";
  const text = `<details${mail.html ? "" : " open"}><summary>Plain text</summary><pre>${escapeHtml(toDemoStorefrontLinks(mail.text, context))}</pre></details>`;
  return page(mail.subject || "Message", `<h1>${escapeHtml(mail.subject || "(no subject)")}</h1>${details}${content}${text}`);
}

/** Links in the message open in the whole window (the iframe is only the message's frame). */
function withTopLinks(html: string): string {
  const base = '<base target="_top">';
  return /<head[^>]*>/i.test(html) ? html.replace(/<head([^>]*)>/i, `<head$1>${base}`) : `${base}${html}`;
}
