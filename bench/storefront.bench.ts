/**
 * Storefront cost of Aftercare, measured with Lighthouse (Debian's Chromium) on the demo's product and
 * help pages with every Aftercare block and without any (`?aftercare=off`), runs interleaved:
 *   - performance score drop (Shopify allows 10 points; our budget is 1)
 *   - added cumulative layout shift (budget 0)
 *   - Aftercare JavaScript per page, gzipped (budget 8 KB)
 */
import { gzipSync } from "node:zlib";
import { launch } from "chrome-launcher";
import lighthouse from "lighthouse";
import { median, startBenchDemo } from "./support/demo";

const RUNS = Number(process.env.BENCH_LIGHTHOUSE_RUNS ?? 3);
const CHROMIUM = process.env.CHROMIUM_PATH ?? "/usr/bin/chromium";

const demo = await startBenchDemo("storefront");
const product = demo.fakeAdmin.seed.products[0];
const pages = [
  { name: "product page", url: `${demo.storefrontUrl}/products/${product.handle}?country=ID` },
  { name: "help page", url: `${demo.storefrontUrl}/pages/help?country=ID` },
];

const chrome = await launch({
  chromePath: CHROMIUM,
  chromeFlags: ["--headless=new", "--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run", "--disable-dev-shm-usage"],
});

interface Run {
  score: number;
  cls: number;
  scripts: string[];
}

async function audit(url: string): Promise<Run> {
  const result = await lighthouse(url, { port: chrome.port, output: "json", logLevel: "error", onlyCategories: ["performance"] });
  if (!result) throw new Error(`Lighthouse returned nothing for ${url}`);
  const { lhr } = result;
  if (lhr.runtimeError) throw new Error(`Lighthouse failed on ${url}: ${lhr.runtimeError.message}`);
  const requests = (lhr.audits["network-requests"]?.details as { items?: Array<{ url: string; resourceType?: string }> } | undefined)?.items ?? [];
  return {
    score: Math.round((lhr.categories.performance.score ?? 0) * 100),
    cls: lhr.audits["cumulative-layout-shift"]?.numericValue ?? 0,
    scripts: requests.filter((request) => request.resourceType === "Script").map((request) => request.url),
  };
}

async function gzippedBytes(urls: string[]): Promise<number> {
  let total = 0;
  for (const url of new Set(urls)) {
    const body = Buffer.from(await (await fetch(url)).arrayBuffer());
    total += gzipSync(body, { level: 9 }).length;
  }
  return total;
}

const kb = (bytes: number) => `${(bytes / 1024).toFixed(1)} KB`;
let missed = 0;
try {
  for (const page of pages) {
    const withBlocks: Run[] = [];
    const without: Run[] = [];
    for (let run = 0; run < RUNS; run += 1) {
      without.push(await audit(`${page.url}&aftercare=off`));
      withBlocks.push(await audit(page.url));
    }
    const drop = median(without.map((r) => r.score)) - median(withBlocks.map((r) => r.score));
    const addedCls = Math.max(0, median(withBlocks.map((r) => r.cls)) - median(without.map((r) => r.cls)));
    const baseScripts = new Set(without.flatMap((r) => r.scripts));
    const added = withBlocks[0].scripts.filter((url) => !baseScripts.has(url));
    const addedJs = await gzippedBytes(added);
    const checks = [
      { label: "performance score drop", value: `${drop} points`, ok: drop <= 1, budget: "<= 1 point" },
      { label: "added CLS", value: addedCls.toFixed(3), ok: addedCls === 0, budget: "0" },
      { label: "Aftercare JS gzipped", value: `${kb(addedJs)} in ${added.length} file(s)`, ok: addedJs <= 8 * 1024, budget: "<= 8 KB" },
    ];
    console.log(
      `${page.name}: score ${median(without.map((r) => r.score))} without Aftercare, ${median(withBlocks.map((r) => r.score))} with (median of ${RUNS})`,
    );
    for (const check of checks) {
      if (!check.ok) missed += 1;
      console.log(`  ${check.label}: ${check.value} (budget ${check.budget}: ${check.ok ? "met" : "MISSED"})`);
    }
  }
} finally {
  chrome.kill();
  await demo.close();
}
if (missed) console.log(`${missed} storefront budget(s) missed`);
process.exit(0);
