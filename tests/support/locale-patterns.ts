/**
 * Every message of a locale file as a pattern: "Use at most {max} characters" → /^Use at most .+ characters$/.
 * A message that matches none of them did not come from our translation table.
 */
export function localePatterns(messages: unknown): RegExp[] {
  const patterns: RegExp[] = [];
  const walk = (node: unknown) => {
    if (typeof node === "string") {
      const source = node.split(/\{[a-z_A-Z]+\}/).map((part) => part.replace(/[.*+?^${}()|[\]\\]/g, "\\$&")).join(".+");
      patterns.push(new RegExp(`^${source}$`, "s"));
    } else if (typeof node === "object" && node !== null) Object.values(node).forEach(walk);
  };
  walk(messages);
  return patterns;
}

/** The messages that match no pattern of the table. */
export function foreignMessages(messages: readonly string[], table: unknown): string[] {
  const patterns = localePatterns(table);
  return [...new Set(messages.filter((message) => !patterns.some((pattern) => pattern.test(message))))];
}
