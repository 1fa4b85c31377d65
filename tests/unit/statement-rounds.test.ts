import { describe, expect, it } from "vitest";
import { inRounds } from "../../app/statement-rounds.server";

/** A runner whose rounds the test ends by hand, recording what each round held. */
function heldRunner(maxPerRound: number) {
  const rounds: number[][] = [];
  const pending: Array<{ finish(): void; fail(error: Error): void }> = [];
  const run = inRounds(
    (items: readonly number[]) =>
      new Promise<number[]>((resolve, reject) => {
        rounds.push([...items]);
        pending.push({ finish: () => resolve(items.map((item) => item * 10)), fail: reject });
      }),
    maxPerRound,
  );
  const settle = async (how: "finish" | "fail") => {
    const round = pending.shift()!;
    if (how === "finish") round.finish();
    else round.fail(new Error("the database went away"));
    await new Promise((resolve) => setImmediate(resolve));
  };
  return { run, rounds, settle };
}

describe("statements in rounds", () => {
  it("runs a call on an idle runner at once, and the calls that arrive meanwhile together in the next round", async () => {
    const { run, rounds, settle } = heldRunner(10);
    const answers = [1, 2, 3, 4].map((item) => run(item));
    expect(rounds).toEqual([[1]]);
    await settle("finish");
    expect(rounds).toEqual([[1], [2, 3, 4]]);
    await settle("finish");
    expect(await Promise.all(answers)).toEqual([10, 20, 30, 40]);
  });

  it("keeps rounds within their size", async () => {
    const { run, rounds, settle } = heldRunner(2);
    const answers = [1, 2, 3, 4, 5].map((item) => run(item));
    for (let round = 0; round < 3; round += 1) await settle("finish");
    expect(rounds).toEqual([[1], [2, 3], [4, 5]]);
    expect(await Promise.all(answers)).toEqual([10, 20, 30, 40, 50]);
  });

  it("fails only the calls of a failed round, and the next round runs", async () => {
    const { run, settle } = heldRunner(10);
    const first = run(1).catch((error: Error) => error.message);
    const later = [run(2), run(3)];
    await settle("fail");
    await settle("finish");
    expect(await first).toBe("the database went away");
    expect(await Promise.all(later)).toEqual([20, 30]);
    const again = run(4);
    await settle("finish");
    expect(await again).toBe(40);
  });
});
