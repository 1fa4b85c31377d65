import { readFileSync } from "node:fs";
import { createRequire } from "node:module";
import type { Frame, Page } from "playwright-core";

/** axe-core in a real browser: inject its script into a page or frame and run every WCAG rule it has. */

const AXE_SOURCE = readFileSync(createRequire(import.meta.url).resolve("axe-core/axe.min.js"), "utf8");

export interface AxeViolation {
  id: string;
  impact: string | null;
  help: string;
  nodes: string[];
}

export const BLOCKING_IMPACTS = ["serious", "critical"];

export async function runAxe(target: Page | Frame): Promise<AxeViolation[]> {
  await target.addScriptTag({ content: AXE_SOURCE });
  return target.evaluate(async () => {
    interface AxeResult {
      violations: { id: string; impact: string | null; help: string; nodes: { target: unknown[]; html?: string; failureSummary?: string }[] }[];
    }
    const axe = (window as unknown as { axe: { run(context: Document, options: object): Promise<AxeResult> } }).axe;
    const result = await axe.run(document, { resultTypes: ["violations"] });
    return result.violations.map((violation) => ({
      id: violation.id,
      impact: violation.impact,
      help: violation.help,
      nodes: violation.nodes.map(
        (node) => `${node.target.join(" ")} ${(node.html ?? "").slice(0, 160)} — ${(node.failureSummary ?? "").replace(/\s+/g, " ")}`,
      ),
    }));
  });
}

/** Serious and critical violations, as a readable list for a failing assertion. */
export function blocking(violations: AxeViolation[]): string[] {
  return violations
    .filter((violation) => BLOCKING_IMPACTS.includes(violation.impact ?? ""))
    .flatMap((violation) => [`${violation.impact} ${violation.id}: ${violation.help}`, ...violation.nodes.map((node) => `    ${node}`)]);
}
