// The engine's long passes (page-level resolution, moves, summary, the dictionary's
// tables) are generators that yield every so many items: the content script runs
// them a step at a time in its slices, the CLI and tests drain them in one go.

/** True at the last of every `every` items: where a pass yields. */
export const stepEnds = (i: number, every: number): boolean => i % every === every - 1;

/** Runs a pass to its end. */
export function drain<T>(steps: Generator<void, T>): T {
  for (;;) {
    const r = steps.next();
    if (r.done) return r.value;
  }
}
