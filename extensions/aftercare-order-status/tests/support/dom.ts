/** Finding what the shopper sees in the rendered extension, and acting on it as they would. */

export const texts = (selector = "s-text") => [...document.body.querySelectorAll(selector)].map((node) => node.textContent?.trim() ?? "");

export const pageText = () => document.body.textContent?.replace(/\s+/g, " ").trim() ?? "";

export function button(label: string): HTMLElement {
  const found = [...document.body.querySelectorAll<HTMLElement>("s-button")].find((node) => node.textContent?.trim() === label);
  if (!found) throw new Error(`No button "${label}" in: ${pageText()}`);
  return found;
}

/** Lets Preact render what the last event changed, as it has by the time a person acts again. */
export const settle = () => new Promise((resolve) => setTimeout(resolve, 0));

export async function click(label: string): Promise<void> {
  button(label).dispatchEvent(new Event("click", { bubbles: true }));
  await settle();
}

/** Types into a Polaris field (s-text-field, s-text-area) found by its label. */
export async function type(label: string, value: string): Promise<void> {
  const field = document.body.querySelector<HTMLElement & { value?: string }>(`[label="${label}"]`);
  if (!field) throw new Error(`No field "${label}"`);
  field.value = value;
  field.dispatchEvent(new Event("input", { bubbles: true }));
  await settle();
}

/** Picks a choice of an s-choice-list found by its label. */
export async function choose(label: string, value: string): Promise<void> {
  const list = document.body.querySelector<HTMLElement & { values?: string[] }>(`s-choice-list[label="${label}"]`);
  if (!list) throw new Error(`No choice list "${label}"`);
  list.values = [value];
  list.dispatchEvent(new Event("change", { bubbles: true }));
  await settle();
}
