/**
 * Turns a merchant-editable template ("Hi {first_name}, your order {order_name} ...") into an email with
 * a plain-text part and an HTML part. Every value is HTML-escaped in the HTML part, and so is the
 * merchant's own text, so neither a shopper's name nor a template can inject markup. Pure: no I/O.
 *
 * Template text is plain: a blank line starts a new paragraph, a single line break stays a line break.
 * `{name}` is replaced by the value of `name`; a placeholder with no value is left as written, and
 * `unknownPlaceholders` lets a settings form refuse it before it is saved.
 */

export interface EmailTemplateText {
  subject: string;
  body: string;
}

/** A link value renders as an anchor in HTML and as its URL in the text part. */
export interface LinkValue {
  url: string;
  label?: string;
}

export type PlaceholderValue = string | number | LinkValue;

/** A row of links shown after the body, such as the 0-10 answers of a survey. */
export interface EmailActionRow {
  /** Short text over the row (e.g. "0 = not at all likely, 10 = extremely likely"). */
  caption?: string;
  links: LinkValue[];
}

export interface RenderRequest {
  template: EmailTemplateText;
  values: Readonly<Record<string, PlaceholderValue>>;
  actions?: readonly EmailActionRow[];
  /** Small print under everything (why the shopper gets this email). */
  footer?: string;
  /** The language of the text, for the HTML `lang` attribute. */
  locale?: string;
}

export interface RenderedEmail {
  subject: string;
  text: string;
  html: string;
}

const PLACEHOLDER = /\{([a-z][a-z0-9_]*)\}/g;

export function escapeHtml(value: string): string {
  return value
    .replace(/&/g, "&amp;")
    .replace(/</g, "&lt;")
    .replace(/>/g, "&gt;")
    .replace(/"/g, "&quot;")
    .replace(/'/g, "&#39;");
}

/** The placeholder names a text uses, in order of first use. */
export function placeholdersIn(text: string): string[] {
  return [...new Set([...text.matchAll(PLACEHOLDER)].map((match) => match[1]))];
}

/** Placeholders in a template that are not among `allowed` (a typo such as {frist_name}). */
export function unknownPlaceholders(template: EmailTemplateText, allowed: readonly string[]): string[] {
  const known = new Set(allowed);
  return placeholdersIn(`${template.subject}\n${template.body}`).filter((name) => !known.has(name));
}

function isLink(value: PlaceholderValue): value is LinkValue {
  return typeof value === "object";
}

/** Only web links become anchors; anything else (javascript:, data:) is shown as text. */
export function isSafeUrl(url: string): boolean {
  try {
    const { protocol } = new URL(url);
    return protocol === "https:" || protocol === "http:";
  } catch {
    return false;
  }
}

function textOf(value: PlaceholderValue): string {
  if (!isLink(value)) return String(value);
  return value.label ? `${value.label} (${value.url})` : value.url;
}

function htmlOf(value: PlaceholderValue): string {
  if (!isLink(value)) return escapeHtml(String(value));
  if (!isSafeUrl(value.url)) return escapeHtml(textOf(value));
  return `<a href="${escapeHtml(value.url)}">${escapeHtml(value.label ?? value.url)}</a>`;
}

/** Replaces placeholders, escaping both the template's text and the values with `escape`. */
function fill(
  text: string,
  values: Readonly<Record<string, PlaceholderValue>>,
  literal: (text: string) => string,
  value: (value: PlaceholderValue) => string,
): string {
  let out = "";
  let last = 0;
  for (const match of text.matchAll(PLACEHOLDER)) {
    const index = match.index ?? 0;
    const found = Object.prototype.hasOwnProperty.call(values, match[1]) ? values[match[1]] : undefined;
    out += literal(text.slice(last, index)) + (found === undefined ? literal(match[0]) : value(found));
    last = index + match[0].length;
  }
  return out + literal(text.slice(last));
}

const normalizeNewlines = (text: string) => text.replace(/\r\n?/g, "\n").trim();
const paragraphsOf = (text: string) => normalizeNewlines(text).split(/\n\s*\n/).filter((part) => part.trim() !== "");

export function renderEmail(request: RenderRequest): RenderedEmail {
  const { template, values } = request;
  // A header cannot hold a line break: fold the subject onto one line.
  const subject = fill(template.subject, values, (text) => text, textOf).replace(/\s*[\r\n]+\s*/g, " ").trim();
  // A paragraph that is only a placeholder with an empty value ({contact_line} with no channels) goes away.
  const paragraphs = paragraphsOf(template.body).filter((paragraph) => fill(paragraph, values, (text) => text, textOf).trim() !== "");
  const actions = request.actions ?? [];

  const textParts = paragraphs.map((paragraph) => fill(paragraph, values, (text) => text, textOf));
  for (const row of actions) {
    const lines = row.links.map((link) => `${link.label ?? link.url}: ${link.url}`);
    textParts.push([row.caption, ...lines].filter(Boolean).join("\n"));
  }
  if (request.footer) textParts.push(`--\n${request.footer}`);

  const htmlParts = paragraphs.map(
    (paragraph) => `<p style="margin:0 0 16px">${fill(paragraph, values, escapeHtml, htmlOf).replace(/\n/g, "<br>")}</p>`,
  );
  for (const row of actions) {
    const caption = row.caption ? `<p style="margin:0 0 8px;color:#616161">${escapeHtml(row.caption)}</p>` : "";
    const links = row.links
      .filter((link) => isSafeUrl(link.url))
      .map(
        (link) =>
          `<a href="${escapeHtml(link.url)}" style="display:inline-block;min-width:24px;margin:0 4px 8px 0;padding:8px 10px;border:1px solid #8a8a8a;border-radius:6px;color:#303030;text-decoration:none;text-align:center">${escapeHtml(link.label ?? link.url)}</a>`,
      )
      .join("");
    htmlParts.push(`<div style="margin:0 0 16px">${caption}${links}</div>`);
  }
  if (request.footer) htmlParts.push(`<p style="margin:24px 0 0;font-size:12px;color:#616161">${escapeHtml(request.footer)}</p>`);

  const lang = request.locale && /^[A-Za-z]{2,3}(-[A-Za-z0-9]{2,8})*$/.test(request.locale) ? request.locale : "en";
  const html = [
    "<!doctype html>",
    `<html lang="${lang}"><head><meta charset="utf-8"><title>${escapeHtml(subject)}</title></head>`,
    `<body style="margin:0;padding:24px;font-family:-apple-system,BlinkMacSystemFont,'Segoe UI',Roboto,sans-serif;font-size:16px;line-height:1.5;color:#303030">`,
    ...htmlParts,
    "</body></html>",
  ].join("\n");

  return { subject, text: `${textParts.join("\n\n")}\n`, html };
}
