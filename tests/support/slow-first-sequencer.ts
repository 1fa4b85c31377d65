/**
 * Vitest's order for a run without a results cache (a fresh clone, CI) is "larger files first", which
 * starts the small but slow browser files last, so one of them runs alone at the end while the other
 * workers idle. Files without a cached duration start by kind instead: the demo in Chromium first, then
 * the other browser files, then integration, then the rest (each kind still larger files first).
 * With a cache (a second local run), vitest's own order by measured duration stands.
 */
import { relative } from "node:path";
import { BaseSequencer, type TestSpecification } from "vitest/node";

const KINDS: RegExp[] = [/^tests\/e2e\//, /browser/, /^tests\/(integration|security)\//];

export function kindRank(file: string): number {
  const rank = KINDS.findIndex((kind) => kind.test(file));
  return rank === -1 ? KINDS.length : rank;
}

export default class SlowFirstSequencer extends BaseSequencer {
  override async sort(files: TestSpecification[]): Promise<TestSpecification[]> {
    const byVitest = await super.sort(files);
    const root = this.ctx.config.root;
    const fileOf = (spec: TestSpecification) => relative(root, spec.moduleId).split("\\").join("/");
    const cached = (spec: TestSpecification) => this.ctx.cache.getFileTestResults(`${spec.project.name}:${fileOf(spec)}`) !== undefined;
    if (byVitest.every(cached)) return byVitest;
    const projectOrder = [...new Set(byVitest.map((spec) => spec.project.name))];
    return byVitest
      .map((spec, index) => ({ spec, index }))
      .sort(
        (a, b) =>
          projectOrder.indexOf(a.spec.project.name) - projectOrder.indexOf(b.spec.project.name) ||
          kindRank(fileOf(a.spec)) - kindRank(fileOf(b.spec)) ||
          a.index - b.index,
      )
      .map(({ spec }) => spec);
  }
}
