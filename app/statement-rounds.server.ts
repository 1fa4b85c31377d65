/**
 * Group commit for hot statements: calls that arrive while the previous round is running wait and go
 * in the next round together, so many callers share one statement (and, for writes, one commit). A call
 * on an idle runner starts its round at once, alone; the busier the instance, the fuller the rounds.
 * `run` answers one result per item, in the items' order. When it fails, every item of that round
 * gets its error, and the next round starts afresh.
 */
export function inRounds<I, O>(run: (items: readonly I[]) => Promise<readonly O[]>, maxPerRound: number): (item: I) => Promise<O> {
  const waiting: Array<{ item: I; resolve(result: O): void; reject(error: unknown): void }> = [];
  let running = false;

  async function runRound(round: typeof waiting): Promise<void> {
    let results: readonly O[];
    try {
      results = await run(round.map((entry) => entry.item));
      if (results.length !== round.length) throw new Error(`A round of ${round.length} answered ${results.length} results`);
    } catch (error) {
      for (const entry of round) entry.reject(error);
      return;
    }
    round.forEach((entry, index) => entry.resolve(results[index]!));
  }

  async function drain(): Promise<void> {
    running = true;
    try {
      while (waiting.length > 0) await runRound(waiting.splice(0, maxPerRound));
    } finally {
      running = false;
    }
  }

  return (item) => {
    const result = new Promise<O>((resolve, reject) => waiting.push({ item, resolve, reject }));
    if (!running) void drain();
    return result;
  };
}
