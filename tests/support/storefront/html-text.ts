/**
 * The text a shopper reads in a rendered block: the variant its `data-state` hides is
 * dropped, tags are stripped and whitespace collapsed. Enough for this extension's markup
 * (variants are <p> elements without nested paragraphs); browsers are tested with Playwright.
 */
export function visibleText(html: string): string {
  let visible = html;
  for (const match of html.matchAll(/data-state="(before|after)"/g)) {
    const hidden = match[1] === "before" ? "after" : "before";
    visible = visible.replace(new RegExp(`<p[^>]*data-variant="${hidden}"[^>]*>[\\s\\S]*?</p>`), "");
  }
  return decodeEntities(visible.replace(/<svg[\s\S]*?<\/svg>/g, "").replace(/<[^>]+>/g, " "))
    .replace(/\s+/g, " ")
    .replace(/\s+([,.:])/g, "$1")
    .trim();
}

const ENTITIES: Record<string, string> = { amp: "&", lt: "<", gt: ">", quot: '"' };

function decodeEntities(text: string): string {
  return text.replace(/&(#\d+|amp|lt|gt|quot);/g, (_entity, name: string) =>
    name.startsWith("#") ? String.fromCharCode(Number(name.slice(1))) : ENTITIES[name],
  );
}
